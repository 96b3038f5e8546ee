package org.leadflow.systemtests.hostile;

import static org.leadflow.systemtests.hostile.HostileClass.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.swagger.v3.oas.models.media.Schema;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Generates the hostile requests of one operation: for every path, query and header parameter and
 * every body member, each hostile class that fits its type; then the whole-body classes. Each request
 * is the operation's valid request (its documented example) with exactly one thing changed, so that
 * it reaches the validation of that thing.
 */
public final class HostileCases {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String MARK = "@@hostile-value@@";
  private static final Pattern NUMERIC = Pattern.compile("^-?\\d+(\\.\\d+)?$");
  private static final Pattern DATE_NAME = Pattern.compile("(?i).*(date|from|to|until|before|after)$");
  private static final byte[] LONE_SURROGATE_BYTES = {(byte) 0xED, (byte) 0xA0, (byte) 0x80};
  /** Within the services' 1 MB body limit, with room for the rest of the body. */
  private static final int LONGEST_WITHIN_BODY_LIMIT = 1_000_000;
  /** More than the 1 MB body limit. */
  private static final int BEYOND_BODY_LIMIT = 2_000_000;
  /** Fits in a request line (Vert.x takes 4,096 characters) so that it reaches the resource. */
  private static final int LONG_URL_VALUE = 2_000;
  /** Beyond the 20 KB that Quarkus takes in headers. */
  private static final int HEADER_BEYOND_LIMIT = 30_000;
  /** Does not fit in a request line or a header. */
  private static final int OVERLONG_URL_VALUE = 10_000;

  /** Every path and query parameter gets each of these (percent-encoded) values. */
  private static final Map<String, HostileClass> URL_VALUES = urlValues();

  private final Schemas schemas;
  private final Contract contract;

  public HostileCases(Schemas schemas) {
    this.schemas = schemas;
    this.contract = new Contract(schemas);
  }

  /** The hostile requests of every operation of a document, and of every path as a whole. */
  public List<HostileCase> of(List<ApiOperation> operations) {
    List<HostileCase> cases = new ArrayList<>();
    operations.forEach(operation -> cases.addAll(of(operation)));
    Map<String, List<ApiOperation>> byPath = new LinkedHashMap<>();
    operations.forEach(operation -> byPath.computeIfAbsent(operation.path(), path -> new ArrayList<>()).add(operation));
    byPath.values().forEach(ofPath -> cases.addAll(requestCases(ofPath)));
    return cases;
  }

  private List<HostileCase> of(ApiOperation operation) {
    List<HostileCase> cases = new ArrayList<>();
    for (ApiOperation.Parameter parameter : operation.parameters()) {
      switch (parameter.in()) {
        case "path" -> urlValues(parameter).forEach(value -> cases.add(pathCase(operation, parameter, value)));
        case "query" -> urlValues(parameter).forEach(value -> cases.add(queryCase(operation, parameter.name() + "=" + value.raw(), parameter.name(), value)));
        case "header" -> headerValues().forEach(value -> cases.add(headerCase(operation, parameter, value)));
        default -> {}
      }
    }
    if (hasPaging(operation)) {
      for (String[] paging : new String[][] {{"2147483647", "50"}, {"2147483647", "200"}, {"10737419", "200"}, {"1073741824", "2"}}) {
        UrlValue value = new UrlValue(PAGING_OVERFLOW, "page=" + paging[0] + "&size=" + paging[1], null);
        cases.add(queryCase(operation, value.raw(), "page, size", value));
      }
    }
    if (operation.hasBody()) {
      boolean mergePatch = operation.bodyMediaType().contains("merge-patch");
      for (BodyMember member : BodyMember.of(operation.body(), schemas)) {
        for (JsonValue value : jsonValues(member, mergePatch)) {
          cases.add(memberCase(operation, member, value));
        }
      }
      cases.addAll(wholeBodyCases(operation));
    }
    return cases;
  }

  // ---- URL values (path and query parameters) ----

  /** A percent-encoded value for a URL; {@code mustRefuseBecause} as in {@link HostileCase}. */
  record UrlValue(HostileClass hostileClass, String raw, String mustRefuseBecause) {}

  private List<UrlValue> urlValues(ApiOperation.Parameter parameter) {
    Schema<?> schema = parameter.schema();
    String type = schema == null ? "string" : schemas.type(schema);
    boolean numeric = type.equals("integer") || type.equals("number");
    boolean dateLike = schema != null && contract.isDate(schema)
        || DATE_NAME.matcher(parameter.name()).matches() && parameter.description().contains("ISO-8601");
    // A point in time (createdFrom: "Created at or after") rather than a business date (closeDateFrom).
    boolean dateTime = dateLike && (parameter.name().startsWith("created") || parameter.name().startsWith("updated")
        || schema != null && "date-time".equals(schemas.format(schema)));
    List<UrlValue> values = new ArrayList<>();
    URL_VALUES.forEach((raw, hostileClass) -> values.add(url(parameter, hostileClass, raw)));
    if (!numeric) {
      values.add(url(parameter, MALFORMED_VALUE, "%27%3B--%20%22%3C%3E%5C"));
    }
    if (dateLike) {
      for (String date : List.of("+9999999-01-01", "+999999999-12-31", "-0001-01-01", "0000-01-01")) {
        String value = dateTime ? date + "T00:00:00Z" : date;
        values.add(new UrlValue(OUT_OF_RANGE_DATE, value.replace("+", "%2B"), Contract.dateBreaks(value, !dateTime)));
      }
      values.add(url(parameter, MALFORMED_VALUE, dateTime ? "2027-02-30T00:00:00Z" : "2027-02-30"));
    }
    if (schema != null && "uuid".equals(schemas.format(schema))) {
      values.add(new UrlValue(UNKNOWN_ID, UUID.randomUUID().toString(), "no record has this id (404)"));
    }
    return values;
  }

  private static Map<String, HostileClass> urlValues() {
    Map<String, HostileClass> values = new LinkedHashMap<>();
    values.put("Ada%00Lovelace", NUL);
    values.put("%00", NUL);
    values.put("Ada%ED%A0%80", LONE_SURROGATE);
    values.put("%ED%B0%80Ada", LONE_SURROGATE);
    values.put("x".repeat(LONG_URL_VALUE), OVERLONG);
    values.put("x".repeat(OVERLONG_URL_VALUE), OVERLONG);
    values.put("", EMPTY);
    values.put("%20%20%20", EMPTY);
    values.put("-1", NEGATIVE);
    values.put("-2147483649", NEGATIVE);
    values.put("0", ZERO);
    for (String huge : List.of("2147483648", "9223372036854775808", "1e309", "-1e309")) {
      values.put(huge, HUGE);
    }
    for (String wrongType : List.of("true", "%7B%7D", "1.5")) {
      values.put(wrongType, WRONG_TYPE);
    }
    return values;
  }

  private UrlValue url(ApiOperation.Parameter parameter, HostileClass hostileClass, String raw) {
    return new UrlValue(hostileClass, raw, parameter.schema() == null ? null : urlBreaks(parameter.schema(), raw));
  }

  private String urlBreaks(Schema<?> schema, String raw) {
    String text = URLDecoder.decode(raw, StandardCharsets.UTF_8);
    String type = schemas.type(schema);
    if (text.isBlank()) {
      // An empty or blank value reads as an absent parameter, which takes its default (as a form
      // field left empty is sent): fine for every type.
      return null;
    }
    if (type.equals("integer") || type.equals("number")) {
      BigDecimal number;
      try {
        number = new BigDecimal(text);
      } catch (NumberFormatException e) {
        return "not a number";
      }
      boolean integer = number.stripTrailingZeros().scale() <= 0 && !text.contains("e");
      return contract.numberBreaks(schema, number, integer);
    }
    if (type.equals("boolean")) {
      return text.equals("true") || text.equals("false") ? null : "not a boolean";
    }
    return text.isEmpty() ? null : contract.textBreaks(schema, text);
  }

  private HostileCase pathCase(ApiOperation operation, ApiOperation.Parameter parameter, UrlValue value) {
    return new HostileCase(
        operation, "path " + parameter.name(), value.hostileClass(), shorten(value.raw()),
        value.mustRefuseBecause(), validRequest(operation, Map.of(parameter.name(), value.raw()), null, Map.of()), null);
  }

  private HostileCase queryCase(ApiOperation operation, String rawQuery, String names, UrlValue value) {
    return new HostileCase(
        operation, "query " + names, value.hostileClass(), shorten(value.raw()),
        value.mustRefuseBecause(), validRequest(operation, Map.of(), rawQuery, Map.of()), null);
  }

  private static boolean hasPaging(ApiOperation operation) {
    return operation.parameters().stream().anyMatch(p -> p.in().equals("query") && p.name().equals("page"))
        && operation.parameters().stream().anyMatch(p -> p.in().equals("query") && p.name().equals("size"));
  }

  // ---- headers ----

  private static List<UrlValue> headerValues() {
    return List.of(
        new UrlValue(OVERLONG, "x".repeat(OVERLONG_URL_VALUE), null),
        new UrlValue(OVERLONG, "x".repeat(LONG_URL_VALUE), null),
        new UrlValue(EMPTY, "", null),
        new UrlValue(EMPTY, "   ", null),
        new UrlValue(NEGATIVE, "\"-1\"", null),
        new UrlValue(HUGE, "\"9223372036854775808\"", null),
        new UrlValue(MALFORMED_VALUE, "W/\"1\", *, \"\\\"", null));
  }

  private HostileCase headerCase(ApiOperation operation, ApiOperation.Parameter parameter, UrlValue value) {
    return new HostileCase(
        operation, "header " + parameter.name(), value.hostileClass(), shorten(value.raw()), null,
        validRequest(operation, Map.of(), null, Map.of(parameter.name(), value.raw())), null);
  }

  // ---- body members ----

  /**
   * A JSON value as sent: {@code literal} replaces the member in the serialised body (so that it can
   * hold what Jackson would not write: 1e309, lone surrogates, invalid UTF-8); {@code echo}: what a
   * 2xx answer must hold, null for no check, {@link #SAME_AS_ANSWER} when only the answer and the
   * stored record must agree.
   */
  record JsonValue(HostileClass hostileClass, String label, byte[] literal, JsonNode echo, String mustRefuseBecause) {}

  private static final JsonNode SAME_AS_ANSWER = NODES.missingNode();

  /** @param mergePatch in a JSON Merge Patch (RFC 7386) null removes a member and {} changes nothing in an object member */
  private List<JsonValue> jsonValues(BodyMember member, boolean mergePatch) {
    Schema<?> schema = member.schema();
    String type = schemas.type(schema);
    List<JsonValue> values = new ArrayList<>();
    String wrongType = (type.equals("integer") || type.equals("object") || type.equals("array") ? "an " : "a ") + type + " member given another JSON type";
    switch (type) {
      case "string", "any" -> {
        boolean typed = type.equals("string");
        values.add(text(schema, NUL, "Ada\\u0000Lovelace", "Ada\u0000Lovelace"));
        values.add(text(schema, NUL, "\\u0000", "\u0000"));
        values.add(text(schema, LONE_SURROGATE, "Ada\\ud800", "Ada\ud800"));
        values.add(text(schema, LONE_SURROGATE, "\\udc00Ada", "\udc00Ada"));
        values.add(new JsonValue(LONE_SURROGATE, "\"Ada<ED A0 80>\" (raw bytes)", concat("\"Ada".getBytes(StandardCharsets.US_ASCII), LONE_SURROGATE_BYTES, "\"".getBytes(StandardCharsets.US_ASCII)), SAME_AS_ANSWER, null));
        values.add(text(schema, OVERLONG, "x".repeat(10_000), "x".repeat(10_000)));
        values.add(text(schema, OVERLONG, "x".repeat(LONGEST_WITHIN_BODY_LIMIT), "x".repeat(LONGEST_WITHIN_BODY_LIMIT)));
        values.add(text(schema, EMPTY, "", null));
        values.add(text(schema, EMPTY, "   ", null));
        wrongTypes(values, typed ? wrongType : null, "true", "42", "1e309", "{}", "[]");
        values.add(nullValue(member));
        JsonNode sample = schemas.sample(schema);
        if (sample.isTextual() && NUMERIC.matcher(sample.asText()).matches()) {
          values.add(text(schema, NEGATIVE, "-1", null));
          values.add(text(schema, ZERO, "0", null));
          for (String huge : List.of("2147483648", "9223372036854775808", "1e309", "-1e309", "99999999999999999999999999999999999999.99")) {
            values.add(text(schema, HUGE, huge, null));
          }
        }
        if (contract.isDate(schema)) {
          for (String date : List.of("+9999999-01-01", "+999999999-12-31", "-0001-01-01", "0000-01-01")) {
            values.add(new JsonValue(OUT_OF_RANGE_DATE, quoted(date), quotedBytes(date), null, Contract.dateBreaks(date, true)));
          }
          values.add(text(schema, MALFORMED_VALUE, "2027-02-30", null));
        }
        if ("uuid".equals(schemas.format(schema))) {
          values.add(text(schema, MALFORMED_VALUE, "not-a-uuid", null));
          String unknown = UUID.randomUUID().toString();
          values.add(new JsonValue(UNKNOWN_ID, quoted(unknown), quotedBytes(unknown), null, null));
        }
        if (schemas.resolveOr(schema).getEnum() != null) {
          values.add(text(schema, MALFORMED_VALUE, "Not a listed value", null));
        }
      }
      case "integer", "number" -> {
        for (String number : List.of("-1", "-2147483649")) {
          values.add(number(schema, NEGATIVE, number));
        }
        values.add(number(schema, ZERO, "0"));
        for (String number : List.of("2147483648", "9223372036854775808", "1e309", "-1e309", "1.5")) {
          values.add(number(schema, HUGE, number));
        }
        wrongTypes(values, wrongType, "\"42\"", "true", "{}", "[]");
        values.add(literal(NUL, "\"4\\u00002\"", wrongType));
        values.add(literal(EMPTY, "\"\"", wrongType));
        values.add(nullValue(member));
      }
      case "boolean" -> {
        // A boolean the document declares nullable takes null as its default (or "not known");
        // any other must refuse it (issue 12: {"dryRun": null} performed a real qualification).
        values.add(
            mergePatch || schemas.nullable(schema)
                ? nullValue(member)
                : literal(NULL, "null", "null for a boolean (issue 12: {\"dryRun\": null} must be 400)"));
        wrongTypes(values, wrongType, "\"true\"", "1", "{}", "[]");
        values.add(literal(NUL, "\"tr\\u0000ue\"", wrongType));
        values.add(literal(EMPTY, "\"\"", wrongType));
      }
      case "object" -> {
        wrongTypes(values, wrongType, "\"Ada\"", "1", "true", "[]");
        values.add(literal(NUL, "\"\\u0000\"", wrongType));
        boolean requiresMembers = schemas.resolveOr(schema).getRequired() != null && !schemas.resolveOr(schema).getRequired().isEmpty();
        values.add(literal(EMPTY, "{}", requiresMembers && !mergePatch ? "an object without its required members" : null));
        values.add(nullValue(member));
      }
      case "array" -> {
        wrongTypes(values, wrongType, "\"Ada\"", "1", "{}");
        values.add(literal(NUL, "[\"\\u0000\"]", null));
        values.add(literal(EMPTY, "[]", null));
        values.add(nullValue(member));
        values.add(overlongArray(schema));
      }
      default -> {}
    }
    return values;
  }

  /** A string value: {@code escaped} as written in JSON, {@code text} as the service should read it. */
  private JsonValue text(Schema<?> schema, HostileClass hostileClass, String escaped, String echoText) {
    String decoded = unescape(escaped);
    String breaks = schemas.type(schema).equals("string") ? contract.textBreaks(schema, decoded) : null;
    return new JsonValue(hostileClass, quoted(escaped), quotedBytes(escaped), echoText == null ? null : TextNode.valueOf(echoText), breaks);
  }

  private JsonValue number(Schema<?> schema, HostileClass hostileClass, String literal) {
    BigDecimal number = new BigDecimal(literal);
    boolean integer = !literal.contains(".") && !literal.contains("e");
    String breaks = contract.numberBreaks(schema, number, integer);
    return new JsonValue(hostileClass, literal, literal.getBytes(StandardCharsets.US_ASCII), NODES.numberNode(number), breaks);
  }

  /** Each literal as a value of the wrong JSON type. */
  private static void wrongTypes(List<JsonValue> values, String mustRefuseBecause, String... literals) {
    for (String literal : literals) {
      values.add(literal(WRONG_TYPE, literal, mustRefuseBecause));
    }
  }

  private static JsonValue literal(HostileClass hostileClass, String literal, String mustRefuseBecause) {
    return new JsonValue(hostileClass, literal, literal.getBytes(StandardCharsets.US_ASCII), null, mustRefuseBecause);
  }

  private static JsonValue nullValue(BodyMember member) {
    return literal(NULL, "null", member.required() ? "null for a required member" : null);
  }

  private JsonValue overlongArray(Schema<?> schema) {
    Schema<?> resolved = schemas.resolveOr(schema);
    Integer maxItems = schema.getMaxItems() != null ? schema.getMaxItems() : resolved.getMaxItems();
    int count = maxItems == null ? 1_000 : maxItems + 1;
    String item = resolved.getItems() == null ? "\"x\"" : write(schemas.sample(resolved.getItems()));
    String literal = "[" + String.join(",", Collections.nCopies(count, item)) + "]";
    return new JsonValue(OVERLONG, "[" + count + " items]", literal.getBytes(StandardCharsets.UTF_8), null,
        maxItems == null ? null : "more than its maxItems " + maxItems);
  }

  private HostileCase memberCase(ApiOperation operation, BodyMember member, JsonValue value) {
    byte[] body = bodyWith(operation.exampleBody(), member, value.literal());
    HostileCase.Echo echo = value.echo() == null ? null
        : new HostileCase.Echo(member.pointer(), value.echo() == SAME_AS_ANSWER ? null : value.echo());
    return new HostileCase(
        operation, "body " + member.name(), value.hostileClass(), shorten(value.label()), value.mustRefuseBecause(),
        new HostileCase.Shape(Map.of(), requiredQuery(operation), Map.of(), body, operation.bodyMediaType(), false), echo);
  }

  private byte[] bodyWith(JsonNode base, BodyMember member, byte[] literal) {
    String text = write(member.setIn(base, TextNode.valueOf(MARK), schemas));
    int at = text.indexOf('"' + MARK + '"');
    return concat(
        text.substring(0, at).getBytes(StandardCharsets.UTF_8),
        literal,
        text.substring(at + MARK.length() + 2).getBytes(StandardCharsets.UTF_8));
  }

  // ---- whole body ----

  private List<HostileCase> wholeBodyCases(ApiOperation operation) {
    String valid = write(operation.exampleBody());
    String mediaType = operation.bodyMediaType();
    List<HostileCase> cases = new ArrayList<>();
    if (operation.exampleBody().isObject() && operation.exampleBody().size() > 0) {
      String first = operation.exampleBody().fieldNames().next();
      String duplicate = valid.substring(0, valid.length() - 1) + "," + JSON.valueToTree(first) + ":" + write(operation.exampleBody().get(first)) + "}";
      cases.add(whole(operation, DUPLICATE_KEY, "{\"" + first + "\": …, \"" + first + "\": …}", duplicate.getBytes(StandardCharsets.UTF_8), mediaType, "duplicate member " + first));
      String nested = nestedDuplicate(operation.exampleBody());
      if (nested != null) {
        cases.add(whole(operation, DUPLICATE_KEY, "a nested object with a member twice", nested.getBytes(StandardCharsets.UTF_8), mediaType, "a duplicate member in a nested object"));
      }
    }
    byte[] validBytes = valid.getBytes(StandardCharsets.UTF_8);
    cases.add(whole(operation, NO_CONTENT_TYPE, "valid body, no Content-Type", validBytes, null, "a body without Content-Type (415)"));
    cases.add(whole(operation, WRONG_CONTENT_TYPE, "valid body as text/plain", validBytes, "text/plain", "a body that is not JSON by its Content-Type (415)"));
    cases.add(whole(operation, WRONG_CONTENT_TYPE, "valid body as application/xml", validBytes, "application/xml", "a body that is not JSON by its Content-Type (415)"));
    cases.add(whole(operation, WRONG_CONTENT_TYPE, "valid body as application/json; charset=latin-9", validBytes, "application/json; charset=nonsense", null));
    cases.add(whole(operation, MALFORMED_JSON, "truncated", valid.substring(0, valid.length() - 1).getBytes(StandardCharsets.UTF_8), mediaType, "malformed JSON"));
    cases.add(whole(operation, MALFORMED_JSON, "trailing comma", (valid.substring(0, valid.length() - 1) + ",}").getBytes(StandardCharsets.UTF_8), mediaType, "malformed JSON"));
    cases.add(whole(operation, MALFORMED_JSON, "single quotes", valid.replace('"', '\'').getBytes(StandardCharsets.UTF_8), mediaType, "malformed JSON"));
    cases.add(whole(operation, MALFORMED_JSON, "valid body twice", (valid + valid).getBytes(StandardCharsets.UTF_8), mediaType, "malformed JSON"));
    cases.add(whole(operation, MALFORMED_JSON, "valid body, then garbage", (valid + "garbage").getBytes(StandardCharsets.UTF_8), mediaType, "malformed JSON"));
    cases.add(whole(operation, NUL, "NUL in a member name", ("{\"first\\u0000Name\":\"Ada\"," + valid.substring(1)).getBytes(StandardCharsets.UTF_8), mediaType, "an unknown member"));
    cases.add(whole(operation, LONE_SURROGATE, "lone surrogate (raw bytes) in a member name",
        concat("{\"first".getBytes(StandardCharsets.US_ASCII), LONE_SURROGATE_BYTES, ("\":\"Ada\"," + valid.substring(1)).getBytes(StandardCharsets.UTF_8)), mediaType, "an unknown member"));
    cases.add(whole(operation, OVERLONG, "2,000,000 characters (beyond the 1 MB limit)",
        ("{\"x\":\"" + "x".repeat(BEYOND_BODY_LIMIT) + "\"}").getBytes(StandardCharsets.UTF_8), mediaType, "a body beyond the size limit (413)"));
    HostileCase chunked = whole(operation, OVERLONG, "2,000,000 characters, chunked",
        ("{\"x\":\"" + "x".repeat(BEYOND_BODY_LIMIT) + "\"}").getBytes(StandardCharsets.UTF_8), mediaType, "a body beyond the size limit (413)");
    cases.add(new HostileCase(chunked.operation(), chunked.location(), chunked.hostileClass(), chunked.value(), chunked.mustRefuseBecause(),
        new HostileCase.Shape(Map.of(), requiredQuery(operation), Map.of(), chunked.shape().body(), mediaType, true), null));
    cases.add(whole(operation, NOT_AN_OBJECT, "[valid body]", ("[" + valid + "]").getBytes(StandardCharsets.UTF_8), mediaType, "an array where an object belongs"));
    for (String scalar : List.of("42", "\"Ada\"", "true", "1e309")) {
      cases.add(whole(operation, NOT_AN_OBJECT, scalar, scalar.getBytes(StandardCharsets.UTF_8), mediaType, "a scalar where an object belongs"));
    }
    String refuseAbsent = operation.bodyRequired() ? "no body where one is required" : null;
    cases.add(whole(operation, NOT_AN_OBJECT, "null", "null".getBytes(StandardCharsets.UTF_8), mediaType, refuseAbsent));
    cases.add(whole(operation, EMPTY, "empty body", new byte[0], mediaType, refuseAbsent));
    cases.add(whole(operation, EMPTY, "whitespace only", "  \n ".getBytes(StandardCharsets.UTF_8), mediaType, refuseAbsent));
    return cases;
  }

  /** The body with the first member of its first nested object repeated, or null without one. */
  private static String nestedDuplicate(JsonNode body) {
    for (var field : (Iterable<Map.Entry<String, JsonNode>>) body::fields) {
      JsonNode value = field.getValue();
      if (value.isObject() && value.size() > 0) {
        String inner = value.fieldNames().next();
        String innerText = write(value);
        String duplicated = innerText.substring(0, innerText.length() - 1) + "," + JSON.valueToTree(inner) + ":" + write(value.get(inner)) + "}";
        ObjectNode copy = body.deepCopy();
        copy.put(field.getKey(), MARK);
        return write(copy).replace('"' + MARK + '"', duplicated);
      }
    }
    return null;
  }

  private HostileCase whole(ApiOperation operation, HostileClass hostileClass, String label, byte[] body, String contentType, String mustRefuseBecause) {
    return new HostileCase(operation, "whole body", hostileClass, label, mustRefuseBecause,
        new HostileCase.Shape(Map.of(), requiredQuery(operation), Map.of(), body, contentType, false), null);
  }

  // ---- the request as a whole: what the HTTP server below the resources answers ----

  /**
   * A method the path does not have (405), a cross-origin request and preflight from a foreign
   * origin (CORS), and a header beyond the server's limit (431): answers that the HTTP layer gives
   * before any resource runs, which must be problem+json all the same.
   */
  private List<HostileCase> requestCases(List<ApiOperation> operationsOfPath) {
    ApiOperation operation = operationsOfPath.get(0);
    List<String> documented = operationsOfPath.stream().map(ApiOperation::method).toList();
    String undocumented = List.of("DELETE", "PUT", "PATCH", "POST", "GET").stream().filter(method -> !documented.contains(method)).findFirst().orElseThrow();
    HostileCase.Shape valid = validRequest(operation, Map.of(), null, Map.of());
    List<HostileCase> cases = new ArrayList<>();
    cases.add(new HostileCase(operation, "method", UNDOCUMENTED_METHOD, undocumented, "a method the path does not have (405)",
        new HostileCase.Shape(Map.of(), valid.rawQuery(), Map.of(), valid.body(), valid.contentType(), false, undocumented), null));
    String origin = "https://attacker.example";
    cases.add(new HostileCase(operation, "header Origin", FOREIGN_ORIGIN, origin, null,
        validRequest(operation, Map.of(), null, Map.of("Origin", origin)), null));
    cases.add(new HostileCase(operation, "preflight", FOREIGN_ORIGIN, "OPTIONS from " + origin, null,
        new HostileCase.Shape(Map.of(), valid.rawQuery(), Map.of("Origin", origin, "Access-Control-Request-Method", operation.method()), null, null, false, "OPTIONS"), null));
    cases.add(new HostileCase(operation, "header X-Hostile", OVERLONG, shorten("x".repeat(HEADER_BEYOND_LIMIT)), null,
        validRequest(operation, Map.of(), null, Map.of("X-Hostile", "x".repeat(HEADER_BEYOND_LIMIT))), null));
    return cases;
  }

  // ---- the valid request ----

  /** The operation's valid request, with the given overrides. */
  private HostileCase.Shape validRequest(ApiOperation operation, Map<String, String> pathValues, String rawQuery, Map<String, String> headers) {
    String query = rawQuery;
    String required = requiredQuery(operation);
    if (required != null) {
      query = query == null ? required : required + "&" + query;
    }
    byte[] body = operation.hasBody() ? write(operation.exampleBody()).getBytes(StandardCharsets.UTF_8) : null;
    return new HostileCase.Shape(pathValues, query, headers, body, operation.hasBody() ? operation.bodyMediaType() : null, false);
  }

  /** The required query parameters with their documented examples, or null when there are none. */
  private String requiredQuery(ApiOperation operation) {
    Map<String, String> query = new LinkedHashMap<>();
    for (ApiOperation.Parameter parameter : operation.parameters()) {
      if (parameter.in().equals("query") && parameter.required() && parameter.schema() != null) {
        query.put(parameter.name(), URLEncoder.encode(schemas.sample(parameter.schema()).asText(), StandardCharsets.UTF_8));
      }
    }
    if (query.isEmpty()) {
      return null;
    }
    StringBuilder text = new StringBuilder();
    query.forEach((name, value) -> text.append(text.isEmpty() ? "" : "&").append(name).append('=').append(value));
    return text.toString();
  }

  // ---- text ----

  private static String write(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String unescape(String escaped) {
    try {
      return JSON.readValue('"' + escaped + '"', String.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(escaped, e);
    }
  }

  private static String quoted(String escaped) {
    return '"' + escaped + '"';
  }

  private static byte[] quotedBytes(String escaped) {
    return quoted(escaped).getBytes(StandardCharsets.UTF_8);
  }

  static String shorten(String text) {
    return text.length() > 60 ? text.substring(0, 24) + "… (" + String.format("%,d", text.length()) + " characters)" : text;
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
