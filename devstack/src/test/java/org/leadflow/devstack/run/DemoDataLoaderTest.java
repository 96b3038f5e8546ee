package org.leadflow.devstack.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadflow.devstack.tokens.TokenIssuer;

/**
 * The loader against a stand-in for lead-service's leads resource, which records what it receives
 * and answers as the API is documented to.
 */
class DemoDataLoaderTest {

  private static final List<DemoLead> LEADS = DemoLeads.generate(40, DemoLeads.SEED);

  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, JsonNode> createdByIdempotencyKey = new ConcurrentHashMap<>();
  private final Map<String, String> actionPathByIdempotencyKey = new ConcurrentHashMap<>();
  /** Subject and roles of the bearer token of each request, by idempotency key ("count" for the GET). */
  private final Map<String, String> callerByIdempotencyKey = new ConcurrentHashMap<>();
  private final Map<String, JsonNode> actionBodyByIdempotencyKey = new ConcurrentHashMap<>();
  private final Set<String> contentTypes = ConcurrentHashMap.newKeySet();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger mostInFlight = new AtomicInteger();
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

  private volatile long existingLeads;
  private volatile Set<String> rejectedKeys = Set.of();

  private HttpServer leadService;
  private ExecutorService leadServiceThreads;
  private DemoDataLoader loader;

  @BeforeEach
  void startLeadServiceStandIn() throws IOException {
    leadService = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    leadServiceThreads = Executors.newFixedThreadPool(2 * DemoDataLoader.IN_FLIGHT);
    leadService.setExecutor(leadServiceThreads);
    leadService.createContext("/api/v1/leads", this::leadsResource);
    leadService.start();
    URI leads =
        URI.create("http://127.0.0.1:" + leadService.getAddress().getPort() + "/api/v1/leads");
    loader =
        new DemoDataLoader(
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
            leads,
            new PrintStream(printed, true, StandardCharsets.UTF_8),
            TokenIssuer.withNewKey("https://issuer.leadflow.test"));
  }

  @AfterEach
  void stopLeadServiceStandIn() {
    leadService.stop(0);
    leadServiceThreads.shutdownNow();
  }

  @Test
  void everyLeadIsPostedAsJsonWithItsIdempotencyKey() {
    loader.loadUnlessLeadsExist(LEADS);

    assertThat(createdByIdempotencyKey.keySet())
        .isEqualTo(
            IntStream.rangeClosed(1, LEADS.size())
                .mapToObj(n -> "demo-lead-" + n)
                .collect(Collectors.toSet()));
    assertThat(contentTypes).containsExactly("application/json");
    DemoLead first = LEADS.get(0);
    assertThat(createdByIdempotencyKey.get("demo-lead-1").get("email").asText())
        .isEqualTo(first.request().email());
    assertThat(printed()).matches("Loaded 40 demo leads in \\d+\\.\\d s\\R");
  }

  @Test
  void eachLeadIsTakenToItsIntendedStatusThroughTheLifecycleActions() {
    loader.load(LEADS);

    for (DemoLead lead : LEADS) {
      String key = lead.idempotencyKey();
      switch (lead.intendedStatus()) {
        case NEW -> assertThat(actionPathByIdempotencyKey).doesNotContainKey(key + "-call");
        case CONTACTED, QUALIFIED -> {
          assertThat(actionPathByIdempotencyKey.get(key + "-call")).isEqualTo("activities");
          assertThat(actionBodyByIdempotencyKey.get(key + "-call").get("outcome").asText()).isEqualTo("Completed");
          assertThat(actionPathByIdempotencyKey).doesNotContainKey(key + "-disqualify");
        }
        default -> {
          assertThat(actionPathByIdempotencyKey.get(key + "-disqualify")).isEqualTo("disqualify");
          assertThat(actionBodyByIdempotencyKey.get(key + "-disqualify").get("reason").asText())
              .isEqualTo(
                  switch (lead.intendedStatus()) {
                    case LOST -> "Lost";
                    case CANNOT_CONTACT -> "Cannot Contact";
                    case NO_LONGER_INTERESTED -> "No Longer Interested";
                    default -> "Canceled";
                  });
        }
      }
    }
    assertThat(LEADS.stream().map(DemoLead::intendedStatus)).contains(DemoLeadStatus.CONTACTED, DemoLeadStatus.LOST);
  }

  @Test
  void anIntegrationImportsTheLeadsForTheDemoSellersWhoThenWorkTheirOwn() {
    loader.loadUnlessLeadsExist(LEADS);

    assertThat(callerByIdempotencyKey.get("count")).isEqualTo("demo-manager [\"sales-manager\"]");
    for (DemoLead lead : LEADS) {
      String key = lead.idempotencyKey();
      assertThat(createdByIdempotencyKey.get(key).get("ownerId").asText()).isIn(DemoLeads.SELLERS);
      assertThat(callerByIdempotencyKey.get(key)).isEqualTo("demo-import [\"integration\"]");
      if (actionPathByIdempotencyKey.containsKey(key + "-call")) {
        assertThat(callerByIdempotencyKey.get(key + "-call")).isEqualTo(lead.request().ownerId() + " [\"seller\"]");
      }
    }
    assertThat(LEADS.stream().map(lead -> lead.request().ownerId())).containsAll(DemoLeads.SELLERS);
  }

  @Test
  void atMostEightRequestsAreInFlight() {
    loader.load(LEADS);

    assertThat(mostInFlight.get()).isBetween(1, DemoDataLoader.IN_FLIGHT);
  }

  @Test
  void nothingIsLoadedWhenLeadsAreAlreadyThere() {
    existingLeads = 312;

    loader.loadUnlessLeadsExist(LEADS);

    assertThat(createdByIdempotencyKey).isEmpty();
    assertThat(printed()).isEqualTo("Demo data not loaded: 312 leads are already there.\n");
  }

  @Test
  void theFirstRejectionIsShownInFullAndTheRestCounted() {
    rejectedKeys = Set.of("demo-lead-3", "demo-lead-17", "demo-lead-30");

    DemoDataLoader.DemoLoadResult result = loader.load(LEADS);

    assertThat(result.created()).isEqualTo(37);
    assertThat(result.failed()).isEqualTo(3);
    List<String> lines = printed().lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0))
        .matches("Demo lead demo-lead-(3|17|30) was rejected with HTTP 400: .*\"status\":400.*");
    assertThat(lines.get(1))
        .matches(
            "Loaded 37 demo leads in \\d+\\.\\d s; 3 failed \\(the first failure is shown"
                + " above\\)");
  }

  private void leadsResource(HttpExchange exchange) throws IOException {
    try (exchange) {
      String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
      callerByIdempotencyKey.put(key == null ? "count" : key, caller(exchange.getRequestHeaders().getFirst("Authorization")));
      if ("GET".equals(exchange.getRequestMethod())) {
        respond(
            exchange,
            200,
            "application/json",
            "{\"items\":[],\"page\":0,\"size\":1,\"total\":" + existingLeads + "}");
        return;
      }
      int now = inFlight.incrementAndGet();
      mostInFlight.accumulateAndGet(now, Math::max);
      try {
        contentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
        JsonNode body = json.readTree(exchange.getRequestBody());
        String path = exchange.getRequestURI().getPath();
        if (!path.equals("/api/v1/leads")) {
          actionPathByIdempotencyKey.put(key, path.substring(path.lastIndexOf('/') + 1));
          actionBodyByIdempotencyKey.put(key, body);
          respond(exchange, path.endsWith("/activities") ? 201 : 200, "application/json", "{}");
          return;
        }
        if (rejectedKeys.contains(key)) {
          respond(
              exchange,
              400,
              "application/problem+json",
              "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                  + "\"errors\":[{\"field\":\"email\",\"message\":\"must be a valid address\"}]}");
          return;
        }
        createdByIdempotencyKey.put(key, body);
        respond(
            exchange, 201, "application/json", "{\"id\":\"" + java.util.UUID.randomUUID() + "\"}");
      } finally {
        inFlight.decrementAndGet();
      }
    }
  }

  /** "subject [roles]" of a bearer token, read without checking it (the services check it). */
  private String caller(String authorization) throws IOException {
    String payload = authorization.substring("Bearer ".length()).split("\\.")[1];
    JsonNode claims = json.readTree(java.util.Base64.getUrlDecoder().decode(payload));
    return claims.get("sub").asText() + " " + claims.get("groups");
  }

  private static void respond(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private String printed() {
    return printed.toString(StandardCharsets.UTF_8);
  }
}
