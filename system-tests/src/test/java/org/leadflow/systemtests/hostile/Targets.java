package org.leadflow.systemtests.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.awaitility.Awaitility;
import org.leadflow.devstack.run.LeadflowService;
import org.leadflow.devstack.tokens.TestTokens;

/**
 * The real records that hostile requests target, in the state their operation needs, so that a
 * request reaches the validation of what it changed: an Open lead to qualify, a disqualified one to
 * reactivate, one whose conversion failed to retry, the opportunity (Open, In Progress), account and
 * contact of a completed conversion, and a product of the catalogue. A record that an accepted request
 * moved out of that state is not used again.
 * Paths without a record of a kind known here get a random id: such requests answer 404, which is
 * the expected behaviour for an id nobody has.
 */
public final class Targets {

  /** What a path's id must name. */
  public enum Kind {
    OPEN_LEAD,
    DISQUALIFIED_LEAD,
    FAILED_CONVERSION_LEAD,
    OPPORTUNITY,
    ACCOUNT,
    CONTACT,
    PRODUCT,
    /** A web form of lead-service, whose public capture endpoint takes the form's key ({@link #keyOf}). */
    WEB_FORM,
    NONE
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration CONVERSION_TIMEOUT = Duration.ofSeconds(60);
  /** Records of a kind are made this many at a time, concurrently: most hostile writes use one up. */
  private static final int LEADS_AT_ONCE = 20;

  private final HttpClient http;
  private final Function<LeadflowService, URI> services;
  private final String ownerToken;
  private final String managerToken;
  private final JsonNode leadExample;
  private final JsonNode qualifyExample;
  private final JsonNode disqualifyExample;
  private final Map<Kind, Deque<String>> ready = new EnumMap<>(Kind.class);
  private final Map<String, String> formKeys = new java.util.HashMap<>();
  private int created;

  /**
   * @param ownerToken the seller who owns the records
   * @param managerToken a sales manager, who sees every record
   * @param operations lead-service's operations, whose documented examples make the records
   */
  public Targets(HttpClient http, Function<LeadflowService, URI> services, String ownerToken, String managerToken, List<ApiOperation> operations) {
    this.http = http;
    this.services = services;
    this.ownerToken = ownerToken;
    this.managerToken = managerToken;
    this.leadExample = example(operations, "createLead");
    this.qualifyExample = example(operations, "qualifyLead");
    this.disqualifyExample = example(operations, "disqualifyLead");
    for (Kind kind : Kind.values()) {
      ready.put(kind, new ArrayDeque<>());
    }
  }

  public static Kind kindOf(ApiOperation operation) {
    String path = operation.path();
    if (path.startsWith("/api/v1/leads/{")) {
      return switch (operation.operationId()) {
        case "reactivateLead" -> Kind.DISQUALIFIED_LEAD;
        case "retryLeadConversion" -> Kind.FAILED_CONVERSION_LEAD;
        default -> Kind.OPEN_LEAD;
      };
    }
    if (path.startsWith("/api/v1/opportunities/{")) {
      return Kind.OPPORTUNITY;
    }
    if (path.startsWith("/api/v1/accounts/{")) {
      return Kind.ACCOUNT;
    }
    if (path.startsWith("/api/v1/contacts/{")) {
      return Kind.CONTACT;
    }
    if (path.startsWith("/api/v1/products/{")) {
      return Kind.PRODUCT;
    }
    if (path.startsWith("/api/v1/capture/{")) {
      return Kind.WEB_FORM;
    }
    return Kind.NONE;
  }

  /** The id of a record of {@code kind} in the state it names. */
  public String idOf(Kind kind) {
    if (kind == Kind.NONE) {
      return UUID.randomUUID().toString();
    }
    Deque<String> ids = ready.get(kind);
    if (ids.isEmpty()) {
      make(kind);
    }
    return ids.peek();
  }

  /**
   * A request to the current record of {@code kind} was accepted: keep the record if it is still in
   * the state its kind names (an edit leaves a lead Open), else use another from now on.
   */
  public void accepted(Kind kind) {
    if (kind != Kind.NONE && !stillIn(kind, ready.get(kind).peek())) {
      ready.get(kind).poll();
    }
  }

  /** The current record of {@code kind} may have been changed in any way: use another from now on. */
  public void changed(Kind kind) {
    if (kind != Kind.NONE) {
      ready.get(kind).poll();
    }
  }

  private boolean stillIn(Kind kind, String id) {
    if (id == null) {
      return false;
    }
    return switch (kind) {
      case OPEN_LEAD -> {
        JsonNode lead = lead(id);
        yield lead.path("state").asText().equals("Open") && lead.path("statusReason").asText().equals("New");
      }
      case DISQUALIFIED_LEAD -> lead(id).path("state").asText().equals("Disqualified");
      case FAILED_CONVERSION_LEAD -> lead(id).at("/conversion/status").asText().equals("failed");
      // Won, lost or on hold, it refuses most of the pipeline's actions (409) before reading them.
      case OPPORTUNITY -> send(LeadflowService.OPPORTUNITY_SERVICE, "GET", "/api/v1/opportunities/" + id, null, 200, managerToken)
          .join().path("statusReason").asText().equals("In Progress");
      default -> true;
    };
  }

  /** The lead as a sales manager sees it: an accepted edit may have given it to another owner. */
  private JsonNode lead(String id) {
    return send(LeadflowService.LEAD_SERVICE, "GET", "/api/v1/leads/" + id, null, 200, managerToken).join();
  }

  /** The records made so far (each makes a lead, and maybe a conversion). */
  public int created() {
    return created;
  }

  private void make(Kind kind) {
    switch (kind) {
      case OPEN_LEAD -> ready.get(kind).addAll(createLeads(LEADS_AT_ONCE));
      case DISQUALIFIED_LEAD -> {
        List<String> leads = createLeads(LEADS_AT_ONCE / 2);
        all(leads.stream().map(lead -> send(LeadflowService.LEAD_SERVICE, "POST", "/api/v1/leads/" + lead + "/disqualify", disqualifyExample, 200)).toList());
        ready.get(kind).addAll(leads);
      }
      case FAILED_CONVERSION_LEAD -> ready.get(kind).addAll(failedConversions());
      case OPPORTUNITY, ACCOUNT, CONTACT -> {
        JsonNode conversion = completedConversion();
        ready.get(Kind.OPPORTUNITY).add(conversion.get("opportunityId").asText());
        ready.get(Kind.ACCOUNT).add(conversion.get("accountId").asText());
        ready.get(Kind.CONTACT).add(conversion.get("contactId").asText());
      }
      case PRODUCT -> ready.get(kind).add(product());
      case WEB_FORM -> ready.get(kind).add(webForm());
      default -> throw new IllegalArgumentException(kind.name());
    }
  }

  /**
   * A web form, which only an admin sets up: it takes the leads' fields by their own names, from no
   * browser origin, with limits no run reaches (every hostile request comes from one address).
   */
  private String webForm() {
    ObjectNode form = JSON.createObjectNode().put("name", "Hostile fixture");
    form.putObject("rateLimits").put("perForm", 1_000_000).put("perAddress", 100_000).put("window", "P1D");
    JsonNode created = send(LeadflowService.LEAD_SERVICE, "POST", "/api/v1/web-forms", form, 201, TestTokens.of("hostile-admin", "admin")).join();
    formKeys.put(created.get("id").asText(), created.get("key").asText());
    return created.get("id").asText();
  }

  /** The key of a web form {@link #webForm} made. */
  public String keyOf(String formId) {
    return formKeys.get(formId);
  }

  /** A product of the catalogue, which only an admin adds, with a code of its own. */
  private String product() {
    ObjectNode product = JSON.createObjectNode().put("code", "HOSTILE-" + UUID.randomUUID()).put("name", "Hostile fixture");
    return send(LeadflowService.OPPORTUNITY_SERVICE, "POST", "/api/v1/products", product, 201, TestTokens.of("hostile-admin", "admin"))
        .join()
        .get("id")
        .asText();
  }

  /** {@code count} new Open leads, made concurrently. */
  private List<String> createLeads(int count) {
    List<CompletableFuture<JsonNode>> leads = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      leads.add(send(LeadflowService.LEAD_SERVICE, "POST", "/api/v1/leads", uniqueLead(), 201));
    }
    created += count;
    return all(leads).stream().map(lead -> lead.get("id").asText()).toList();
  }

  /**
   * The documented example with a company, email, website and phone of its own: automatic matching
   * must tie the fixtures' conversions neither to each other nor to other tests' records (the
   * example's phone number is the one other tests use).
   */
  private ObjectNode uniqueLead() {
    ObjectNode lead = leadExample.deepCopy();
    String unique = UUID.randomUUID().toString().substring(0, 8);
    if (lead.has("phone")) {
      lead.put("phone", "+44 20 7946 " + ThreadLocalRandom.current().nextInt(1000, 10_000));
    }
    if (lead.has("companyName")) {
      lead.put("companyName", "Hostile Fixture " + unique + " Ltd");
    }
    if (lead.has("email")) {
      lead.put("email", "fixture-" + unique + "@hostile-" + unique + ".example");
    }
    if (lead.has("website")) {
      lead.put("website", "https://hostile-" + unique + ".example");
    }
    return lead;
  }

  /** Leads whose conversion failed: each qualified naming an account that does not exist. */
  private List<String> failedConversions() {
    List<String> leads = createLeads(LEADS_AT_ONCE);
    all(leads.stream()
        .map(lead -> send(LeadflowService.LEAD_SERVICE, "POST", "/api/v1/leads/" + lead + "/qualify",
            overridingThePolicy(JSON.createObjectNode().put("existingAccountId", UUID.randomUUID().toString())), 200, managerToken))
        .toList());
    leads.forEach(lead -> awaitConversion(lead, "failed"));
    return leads;
  }

  private JsonNode completedConversion() {
    String lead = createLeads(1).get(0);
    send(LeadflowService.LEAD_SERVICE, "POST", "/api/v1/leads/" + lead + "/qualify", overridingThePolicy(qualifyExample.deepCopy()), 200, managerToken).join();
    return awaitConversion(lead, "completed");
  }

  /**
   * A fixture is qualified whatever qualification policy the hostile requests left in force: by the
   * sales manager, overriding the policy's gate.
   */
  private static JsonNode overridingThePolicy(JsonNode qualify) {
    ((ObjectNode) qualify).putObject("policyOverride").put("justification", "Hostile-input fixture");
    return qualify;
  }

  private JsonNode awaitConversion(String lead, String status) {
    return Awaitility.await("lead " + lead + "'s conversion " + status)
        .atMost(CONVERSION_TIMEOUT)
        .pollInterval(Duration.ofMillis(20))
        .until(
            () -> lead(lead).path("conversion"),
            conversion -> status.equals(conversion.path("status").asText()));
  }

  private CompletableFuture<JsonNode> send(LeadflowService service, String method, String path, JsonNode body, int expectedStatus) {
    return send(service, method, path, body, expectedStatus, ownerToken);
  }

  private CompletableFuture<JsonNode> send(LeadflowService service, String method, String path, JsonNode body, int expectedStatus, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(services.apply(service).resolve(path)).header("Authorization", "Bearer " + token);
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
    }
    return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
        .thenApply(response -> {
          if (response.statusCode() != expectedStatus) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
          }
          try {
            return JSON.readTree(response.body());
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  private static <T> List<T> all(List<CompletableFuture<T>> futures) {
    return futures.stream().map(CompletableFuture::join).toList();
  }

  private static JsonNode example(List<ApiOperation> operations, String operationId) {
    return operations.stream()
        .filter(operation -> operationId.equals(operation.operationId()))
        .findFirst()
        .map(ApiOperation::exampleBody)
        .orElseThrow(() -> new IllegalStateException("No operation " + operationId + " in the published document"));
  }
}
