package org.leadflow.lead.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;
import org.leadflow.lead.application.AdmitWebSubmission;
import org.leadflow.lead.application.CaptureWebLead;
import org.leadflow.lead.application.Commands;
import org.leadflow.lead.application.LeadEdit;
import org.leadflow.lead.application.WebFormAdministration;
import org.leadflow.lead.domain.webform.OriginNotAllowedException;
import org.leadflow.lead.domain.webform.WebForm;
import org.leadflow.lead.domain.webform.WebFormNotFoundException;
import org.leadflow.lead.domain.webform.WebFormSettings;
import org.leadflow.web.FieldError;
import org.leadflow.web.InvalidRequestException;
import org.leadflow.web.OpenApiErrors;
import org.leadflow.web.Problem;
import org.leadflow.web.Problems;
import org.leadflow.web.RequestText;
import org.leadflow.web.security.RateLimitExceededException;

/**
 * The public capture endpoint of each web form (docs/web-to-lead.md): no bearer token, the form's id
 * and key instead; a plain HTML form post (application/x-www-form-urlencoded), multipart/form-data or
 * JSON. CORS is the form's own: {@link CaptureOrigin} takes the request out of the service's CORS rules,
 * and this resource allows the form's origins only, preflights included.
 */
@Path("/api/v1/capture/{formId}")
@Tag(name = "Web forms")
@PermitAll
public class WebCaptureResource {

  static final String PATH_PREFIX = CaptureOrigin.CAPTURE_PATH;
  private static final int MOST_FIELDS = 100;
  private static final int LONGEST_VALUE = 4_000;
  private static final int LONGEST_CONSENT = 500;
  private static final int LONGEST_ADDRESS = 100;
  /** The request headers a form's page may send (besides the CORS-safelisted ones a browser never asks for). */
  private static final Set<String> ALLOWED_HEADERS = Set.of("content-type", "accept", "accept-language", "content-language");

  @Inject Commands commands;
  @Inject AdmitWebSubmission admit;
  @Inject CaptureWebLead capture;
  @Inject WebFormAdministration forms;
  @Inject LeadMapper requests;
  @Inject Validator validator;
  @Inject ObjectMapper json;

  /** Behind a proxy: the header it puts the client address in (its last entry is taken); unset: the connection's address. */
  @ConfigProperty(name = "leadflow.web-forms.client-address-header")
  Optional<String> clientAddressHeader;

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "captureWebLead",
      summary = "Submit a web form (public: no bearer token)",
      description =
          "The action of a web form's page: <form method=\"post\" action=\".../api/v1/capture/{formId}?key=...\">. Takes"
              + " application/x-www-form-urlencoded (a plain HTML form), multipart/form-data (no files) and JSON objects of"
              + " text, number or boolean values. The form's fields fill the lead's as the form maps them; the lead is created"
              + " with source Web, owned by the form's owner or given by the assignment rules, checked by the duplicate rules,"
              + " its history naming the form; the consent fields are recorded with time, form and address. Every outcome"
              + " (a lead, the honeypot filled, a duplicate rule set to block) gets the same answer: 303 to the form's"
              + " redirectUrl for a form post (urlencoded or multipart), else 202. A page of an origin the form does not list"
              + " is refused (403); a request without Origin (no browser's cross-origin call) is let through. Limits per form"
              + " and per client address: 429 with Retry-After.",
      extensions = @Extension(name = OpenApiErrors.PUBLIC, value = "true"))
  @Parameter(name = "key", description = "The form's key (GET /web-forms/{id})", required = true, example = "3f9c0a7d5e1b4c2a9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a")
  @RequestBody(
      required = true,
      content = {
        @Content(
            mediaType = MediaType.APPLICATION_FORM_URLENCODED,
            schema = @Schema(type = SchemaType.OBJECT, description = "The form's fields by name"),
            examples = @ExampleObject(name = "a contact form", value = "first_name=Ada&last_name=Lovelace&company=Analytical+Engines&email=ada%40engines.example&consent_marketing=yes")),
        @Content(
            mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(type = SchemaType.OBJECT, description = "The form's fields by name; no files"),
            examples = @ExampleObject(name = "a contact form", value = "{\"first_name\": \"Ada\", \"last_name\": \"Lovelace\"}")),
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT, description = "The form's fields by name: text, number or boolean values"),
            examples = @ExampleObject(name = "a contact form", value = "{\"first_name\": \"Ada\", \"last_name\": \"Lovelace\", \"email\": \"ada@engines.example\", \"consent_marketing\": \"yes\"}"))
      })
  @APIResponse(responseCode = "202", description = "Received (whatever became of it)", content = @Content(schema = @Schema(implementation = WebFormBodies.Receipt.class)))
  @APIResponse(
      responseCode = "303",
      description = "A form post to a form with a redirectUrl: received, go there",
      headers = @Header(name = "Location", description = "The form's redirectUrl", schema = @Schema(type = SchemaType.STRING)))
  @APIResponse(responseCode = "400", description = "A field the form requires is missing, or a value is invalid (errors[].field names the form field)", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "415", description = "The body is neither a form (urlencoded, multipart) nor JSON", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "403", description = "A page of an origin the form does not list", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "404", description = "No such form, a wrong key, or an inactive form (told alike)", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "429",
      description = "The form's limit, or the client address's, is reached for this window; Retry-After says when the window ends",
      content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<Response> captureForm(
      @PathParam("formId") UUID formId, @QueryParam("key") String key, MultivaluedMap<String, String> form, RoutingContext context) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    if (form != null) {
      form.forEach((name, list) -> values.put(name, List.copyOf(list)));
    }
    return capture(formId, key, values, true, context);
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(hidden = true)
  public Uni<Response> captureMultipart(
      @PathParam("formId") UUID formId, @QueryParam("key") String key, MultipartFormDataInput input, RoutingContext context) {
    // File parts never reach here: without a file parameter, the multipart reader drops them unread.
    Map<String, List<String>> values = new LinkedHashMap<>();
    for (Map.Entry<String, Collection<FormValue>> field : input.getValues().entrySet()) {
      values.put(field.getKey(), field.getValue().stream().filter(value -> !value.isFileItem()).map(FormValue::getValue).toList());
    }
    return capture(formId, key, values, true, context);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(hidden = true)
  public Uni<Response> captureJson(@PathParam("formId") UUID formId, @QueryParam("key") String key, JsonNode body, RoutingContext context) {
    if (body == null || !body.isObject()) {
      throw new InvalidRequestException(List.of(new FieldError("body", "must be a JSON object of the form's fields")));
    }
    Map<String, List<String>> values = new LinkedHashMap<>();
    List<FieldError> errors = new ArrayList<>();
    body.fields().forEachRemaining(field -> {
      JsonNode value = field.getValue();
      if (value.isValueNode() && !value.isNull()) {
        values.put(field.getKey(), List.of(value.asText()));
      } else if (!value.isNull()) {
        errors.add(new FieldError(RequestText.printable(field.getKey()), "must be a text, number or boolean"));
      }
    });
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return capture(formId, key, values, false, context);
  }

  /** The browser's preflight of a cross-origin JSON post: allowed for the form's origins only. */
  @OPTIONS
  @Operation(hidden = true)
  public Uni<Response> preflight(
      @PathParam("formId") UUID formId,
      @QueryParam("key") String key,
      @HeaderParam("Access-Control-Request-Method") String method,
      @HeaderParam("Access-Control-Request-Headers") String headers,
      RoutingContext context) {
    String origin = CaptureOrigin.of(context);
    return forms
        .get(formId)
        .onFailure(WebFormNotFoundException.class).recoverWithNull()
        .map(form -> {
          if (form == null || !form.opensWith(key)) {
            throw new WebFormNotFoundException(formId);
          }
          if (origin == null) {
            return Response.noContent().header("Allow", "POST, OPTIONS").build();
          }
          if (!form.allowsOrigin(origin)) {
            throw new OriginNotAllowedException();
          }
          if (method != null && !"POST".equals(method)) {
            throw new OriginNotAllowedException();
          }
          return Response.noContent()
              .header("Access-Control-Allow-Origin", origin)
              .header("Access-Control-Allow-Methods", "POST")
              .header("Access-Control-Allow-Headers", allowedHeaders(headers))
              .header("Access-Control-Max-Age", "3600")
              .header("Vary", "Origin")
              .build();
        });
  }

  private static String allowedHeaders(String requested) {
    if (requested == null || requested.isBlank()) {
      return "Content-Type";
    }
    List<String> allowed = new ArrayList<>();
    for (String header : requested.split(",")) {
      String name = header.strip().toLowerCase(Locale.ROOT);
      if (ALLOWED_HEADERS.contains(name)) {
        allowed.add(name);
      }
    }
    return allowed.isEmpty() ? "Content-Type" : String.join(", ", allowed);
  }

  private Uni<Response> capture(UUID formId, String key, Map<String, List<String>> values, boolean formPost, RoutingContext context) {
    String origin = CaptureOrigin.of(context);
    String address = clientAddress(context);
    checkShape(values);
    return commands
        .run(admit, new AdmitWebSubmission.Command(formId, key, origin, address))
        .onFailure(RateLimitExceededException.class).invoke(() -> allowCors(context, origin))
        .invoke(() -> allowCors(context, origin))
        .chain(admitted -> {
          WebFormSettings settings = admitted.settings();
          boolean bot = WebForm.caughtByHoneypot(settings.honeypotField(), values);
          LeadEdit edit = bot ? null : edit(settings, values);
          Map<String, String> consents = bot ? Map.of() : consents(settings, values);
          return commands.run(capture, new CaptureWebLead.Command(admitted, bot, edit, consents, address))
              .map(outcome -> answer(settings, formPost));
        });
  }

  private static void allowCors(RoutingContext context, String origin) {
    if (origin != null) {
      context.response().headers().set("Access-Control-Allow-Origin", origin).add("Vary", "Origin");
    }
  }

  private static Response answer(WebFormSettings settings, boolean formPost) {
    Response.ResponseBuilder answer =
        formPost && settings.redirectUrl() != null
            ? Response.seeOther(URI.create(settings.redirectUrl()))
            : Response.accepted(WebFormBodies.Receipt.RECEIVED).type(MediaType.APPLICATION_JSON);
    return answer.build();
  }

  /** Bounds on what any form may be sent, checked before anything is counted. */
  private static void checkShape(Map<String, List<String>> values) {
    List<FieldError> errors = new ArrayList<>();
    if (values.size() > MOST_FIELDS) {
      errors.add(new FieldError("body", "at most " + MOST_FIELDS + " fields"));
    }
    values.forEach((name, list) -> {
      if (!RequestText.isAcceptable(name) || list.stream().anyMatch(value -> value == null || !RequestText.isAcceptable(value))) {
        errors.add(new FieldError(RequestText.printable(name), RequestText.REFUSAL));
      } else if (name.length() > 100 || list.size() > 10 || list.stream().anyMatch(value -> value.length() > LONGEST_VALUE)) {
        errors.add(new FieldError(RequestText.printable(name), "names have at most 100 characters, values at most " + LONGEST_VALUE + ", at most 10 values a field"));
      }
    });
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
  }

  /** The lead the form's fields make, validated as POST /leads validates it; errors name the form's fields. */
  private LeadEdit edit(WebFormSettings settings, Map<String, List<String>> values) {
    Map<String, String> formFieldOf = new LinkedHashMap<>();
    Map<String, Object> lead = new LinkedHashMap<>();
    Map<String, Object> attributes = new LinkedHashMap<>();
    settings.fieldMapping().forEach((formField, leadField) -> {
      formFieldOf.putIfAbsent(leadField, formField);
      String value = first(values.get(formField));
      if (value == null) {
        return;
      }
      if (leadField.startsWith(WebForm.ATTRIBUTE_PREFIX)) {
        attributes.put(leadField.substring(WebForm.ATTRIBUTE_PREFIX.length()), value);
      } else {
        lead.put(leadField, value);
      }
    });
    List<FieldError> errors = new ArrayList<>();
    for (String required : settings.requiredFields()) {
      boolean filled = required.startsWith(WebForm.ATTRIBUTE_PREFIX)
          ? attributes.containsKey(required.substring(WebForm.ATTRIBUTE_PREFIX.length()))
          : lead.containsKey(required);
      if (!filled) {
        errors.add(new FieldError(formFieldOf.getOrDefault(required, required), "is required"));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    Object employees = lead.get("numberOfEmployees");
    if (employees != null) {
      try {
        lead.put("numberOfEmployees", Integer.valueOf((String) employees));
      } catch (NumberFormatException e) {
        errors.add(new FieldError(formFieldOf.getOrDefault("numberOfEmployees", "numberOfEmployees"), "must be a whole number"));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    lead.put("source", "Web");
    lead.put("ownerId", settings.ownerId());
    if (!attributes.isEmpty()) {
      lead.put("attributes", attributes);
    }
    LeadInput input = json.convertValue(lead, LeadInput.class);
    for (ConstraintViolation<LeadInput> violation : validator.validate(input)) {
      String leadField = violation.getPropertyPath().toString();
      errors.add(new FieldError(formFieldOf.getOrDefault(leadField, leadField), violation.getMessage()));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    try {
      return requests.toEdit(input);
    } catch (InvalidRequestException invalid) {
      throw new InvalidRequestException(
          invalid.errors().stream().map(error -> new FieldError(formFieldOf.getOrDefault(error.field(), error.field()), error.message())).toList());
    }
  }

  private static Map<String, String> consents(WebFormSettings settings, Map<String, List<String>> values) {
    Map<String, String> consents = new LinkedHashMap<>();
    List<FieldError> errors = new ArrayList<>();
    for (String field : settings.consentFields()) {
      String value = first(values.get(field));
      if (value == null) {
        continue;
      }
      if (value.length() > LONGEST_CONSENT) {
        errors.add(new FieldError(field, "at most " + LONGEST_CONSENT + " characters"));
      } else {
        consents.put(field, value);
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return consents;
  }

  /** A field's first value that is not blank, stripped; null when it has none. */
  private static String first(List<String> values) {
    if (values == null) {
      return null;
    }
    return values.stream().map(String::strip).filter(value -> !value.isEmpty()).findFirst().orElse(null);
  }

  private String clientAddress(RoutingContext context) {
    String address = null;
    if (clientAddressHeader.isPresent()) {
      String header = context.request().getHeader(clientAddressHeader.get());
      if (header != null && !header.isBlank()) {
        String[] hops = header.split(",");
        address = hops[hops.length - 1].strip();
      }
    }
    if (address == null || address.isEmpty()) {
      address = context.request().remoteAddress() == null ? "unknown" : context.request().remoteAddress().host();
    }
    return address.length() > LONGEST_ADDRESS ? address.substring(0, LONGEST_ADDRESS) : address;
  }
}
