package org.leadflow.devstack.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Gives the demo an opportunity pipeline through the public APIs, as its users would: an admin fills
 * the product catalogue, sellers qualify most of their ready leads, and then work each opportunity
 * to a stage (every stage has some), or win or lose it (Out-Sold and Canceled), with lines of
 * catalogue products and write-in lines in the opportunity's currency. A few ready leads stay
 * unqualified, for a person to qualify.
 */
final class DemoPipeline {

  /** A lead ready to qualify (Contacted, every criterion of the default policy met), and its owner. */
  record ReadyLead(int number, String id, String ownerId) {}

  /** Where a demo opportunity ends up. */
  enum Target {
    QUALIFY("Qualify"),
    DEVELOP("Develop"),
    PROPOSE("Propose"),
    CLOSE("Close"),
    ON_HOLD("Develop"),
    WON("Close"),
    LOST_OUT_SOLD("Propose"),
    LOST_CANCELED("Develop");

    /** The stage it is taken to first. */
    final String stage;

    Target(String stage) {
      this.stage = stage;
    }
  }

  /** The order targets are handed out in: every stage and both endings within the first eight. */
  static final List<Target> PLAN =
      List.of(
          Target.WON, Target.PROPOSE, Target.DEVELOP, Target.LOST_OUT_SOLD, Target.CLOSE, Target.QUALIFY, Target.ON_HOLD,
          Target.LOST_CANCELED, Target.PROPOSE, Target.WON, Target.DEVELOP, Target.CLOSE, Target.WON, Target.PROPOSE);

  /** Ready leads left for a person to qualify (the README's walkthrough uses leads of its own). */
  static final int LEFT_READY = 3;

  private static final List<String> STAGES = List.of("Qualify", "Develop", "Propose", "Close");
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration CONVERSION_PATIENCE = Duration.ofSeconds(60);
  private static final String MERGE_PATCH = "application/merge-patch+json";

  /** The catalogue: code, name, price per unit in US dollars (whole units in every currency). */
  private static final List<String[]> PRODUCTS =
      List.of(
          new String[] {"LF-SEAT", "LeadFlow seat (one year)", "480"},
          new String[] {"LF-ANALYTICS", "LeadFlow analytics add-on", "1200"},
          new String[] {"LF-IMPLEMENT", "Implementation package", "9500"});

  private final HttpClient http;
  private final URI leadsEndpoint;
  private final URI opportunityService;
  private final PrintStream out;
  private final DemoCallers callers;
  private final ObjectMapper json = new ObjectMapper();

  /**
   * @param leadsEndpoint lead-service's leads, e.g. {@code http://127.0.0.1:8080/api/v1/leads}
   * @param opportunityService opportunity-service's root, e.g. {@code http://127.0.0.1:8081}
   */
  DemoPipeline(HttpClient http, URI leadsEndpoint, URI opportunityService, PrintStream out, DemoCallers callers) {
    this.http = http;
    this.leadsEndpoint = leadsEndpoint;
    this.opportunityService = opportunityService;
    this.out = out;
    this.callers = callers;
  }

  /** The target of the {@code index}-th qualified lead. */
  static Target target(int index) {
    return PLAN.get(index % PLAN.size());
  }

  /** Fills the catalogue, qualifies all but {@link #LEFT_READY} of the leads and works their opportunities. */
  void load(List<ReadyLead> ready) {
    long started = System.nanoTime();
    try {
      List<String> products = catalogue();
      List<Qualified> qualified = new ArrayList<>();
      for (int i = 0; i < ready.size() - LEFT_READY; i++) {
        ReadyLead lead = ready.get(i);
        qualified.add(new Qualified(lead, qualify(lead, i), target(i)));
      }
      int worked = 0;
      for (int i = 0; i < qualified.size(); i++) {
        work(qualified.get(i), products, i);
        worked++;
      }
      out.printf(
          Locale.ROOT,
          "Loaded a demo pipeline of %d opportunities (every stage, won and lost) in %.1f s%n",
          worked,
          (System.nanoTime() - started) / 1e9);
    } catch (IOException | RuntimeException e) {
      out.println("Demo pipeline not (fully) loaded: " + e.getMessage());
    }
  }

  private record Qualified(ReadyLead lead, String opportunityId, Target target) {}

  /** The catalogue's products (created unless their codes are taken), as ids. */
  private List<String> catalogue() throws IOException {
    List<String> ids = new ArrayList<>();
    for (String[] product : PRODUCTS) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("code", product[0]);
      body.put("name", product[1]);
      body.put("prices", prices(new BigDecimal(product[2])));
      HttpResponse<String> created = send(callers.admin(), "POST", opportunityService.resolve("/api/v1/products"), body, null, null);
      if (created.statusCode() == 201) {
        ids.add(json.readTree(created.body()).path("id").asText());
      } else if (created.statusCode() == 409) {
        HttpResponse<String> found = send(callers.admin(), "GET", opportunityService.resolve("/api/v1/products?q=" + product[0]), null, null, null);
        ids.add(json.readTree(found.body()).path("items").path(0).path("id").asText());
      } else {
        throw new IOException("POST /api/v1/products answered " + created.statusCode() + ": " + created.body());
      }
    }
    return ids;
  }

  /** A price in every currency of the demo countries, in whole units. */
  private static List<Map<String, String>> prices(BigDecimal dollars) {
    Map<String, BigDecimal> rates = new LinkedHashMap<>();
    for (DemoCountry country : DemoCountry.values()) {
      rates.putIfAbsent(country.currency(), country.unitsPerUsDollar());
    }
    List<Map<String, String>> prices = new ArrayList<>();
    rates.forEach((currency, rate) -> prices.add(Map.of("amount", dollars.multiply(rate).setScale(0, RoundingMode.HALF_UP).toPlainString(), "currency", currency)));
    return prices;
  }

  /** Qualifies the lead as its owner, valued by its budget; answers the opportunity's id. */
  private String qualify(ReadyLead lead, int index) throws IOException {
    LocalDate close = LocalDate.now(ZoneOffset.UTC).plusMonths(1 + index % 6).withDayOfMonth(28);
    Map<String, Object> body = Map.of("opportunity", Map.of("estimatedCloseDate", close.toString()));
    HttpResponse<String> answer =
        send(callers.seller(lead.ownerId()), "POST", URI.create(leadsEndpoint + "/" + lead.id() + "/qualify"), body, null, "demo-qualify-" + lead.number());
    if (answer.statusCode() / 100 != 2) {
      throw new IOException("Qualifying demo lead " + lead.number() + " answered " + answer.statusCode() + ": " + answer.body());
    }
    JsonNode opportunity = json.readTree(answer.body()).findValue("opportunityId");
    if (opportunity == null) {
      throw new IOException("Qualifying demo lead " + lead.number() + " named no opportunity: " + answer.body());
    }
    return opportunity.asText();
  }

  /** Takes the opportunity to its target, step by step, as its owner. */
  private void work(Qualified qualified, List<String> products, int index) throws IOException {
    String seller = callers.seller(qualified.lead().ownerId());
    URI opportunity = opportunityService.resolve("/api/v1/opportunities/" + qualified.opportunityId());
    JsonNode current = awaitConverted(seller, opportunity);
    String currency = current.path("estimatedValue").path("currency").asText("EUR");
    Target target = qualified.target();
    int stages = STAGES.indexOf(target.stage);
    if (stages >= 2) {
      expect(send(seller, "POST", URI.create(opportunity + "/lines"), Map.of("productId", products.get(0), "quantity", String.valueOf(10 + 15 * (index % 7))), null, null));
      if (index % 2 == 0) {
        expect(send(seller, "POST", URI.create(opportunity + "/lines"), Map.of("productId", products.get(1 + index % 2), "quantity", "1"), null, null));
      } else {
        Map<String, Object> workshop =
            Map.of("productName", "On-site onboarding workshop", "quantity", "2", "unitPrice", Map.of("amount", "1500", "currency", currency));
        expect(send(seller, "POST", URI.create(opportunity + "/lines"), workshop, null, null));
      }
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("customerNeed", "Replace spreadsheets with a shared pipeline before the next fiscal year");
    details.put("proposedSolution", "LeadFlow seats for the sales team, with onboarding");
    details.put("finalProposalDate", LocalDate.now(ZoneOffset.UTC).plusDays(14).toString());
    if (stages >= 2) {
      details.put("estimatedValueSource", "lines");
    }
    HttpResponse<String> read = send(seller, "GET", opportunity, null, null, null);
    expect(send(seller, "PATCH", opportunity, details, read.headers().firstValue("ETag").orElse("\"0\""), null));
    for (int stage = 1; stage <= stages; stage++) {
      expect(send(seller, "POST", URI.create(opportunity + "/stage"), Map.of("stage", STAGES.get(stage)), null, null));
    }
    switch (target) {
      case ON_HOLD -> expect(send(seller, "POST", URI.create(opportunity + "/hold"), null, null, null));
      case WON -> expect(send(seller, "POST", URI.create(opportunity + "/win"), Map.of("note", "Signed at the board meeting"), null, "demo-win-" + index));
      case LOST_OUT_SOLD ->
          expect(send(seller, "POST", URI.create(opportunity + "/lose"), Map.of("statusReason", "Out-Sold", "competitor", "Babbage & Co", "note", "Lower price"), null, "demo-lose-" + index));
      case LOST_CANCELED ->
          expect(send(seller, "POST", URI.create(opportunity + "/lose"), Map.of("statusReason", "Canceled", "note", "Budget frozen"), null, "demo-lose-" + index));
      default -> {
        // stays Open in its stage
      }
    }
  }

  /** The opportunity, once opportunity-service has made it from the lead's qualification. */
  private JsonNode awaitConverted(String seller, URI opportunity) throws IOException {
    long deadline = System.nanoTime() + CONVERSION_PATIENCE.toNanos();
    while (true) {
      HttpResponse<String> read = send(seller, "GET", opportunity, null, null, null);
      if (read.statusCode() == 200) {
        return json.readTree(read.body());
      }
      if (System.nanoTime() > deadline) {
        throw new IOException("Opportunity " + opportunity + " was not created within " + CONVERSION_PATIENCE.toSeconds() + " s");
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("Interrupted", e);
      }
    }
  }

  private static void expect(HttpResponse<String> response) throws IOException {
    if (response.statusCode() / 100 != 2) {
      throw new IOException(response.request().method() + " " + response.request().uri() + " answered " + response.statusCode() + ": " + response.body());
    }
  }

  private HttpResponse<String> send(String authorization, String method, URI uri, Object body, String ifMatch, String idempotencyKey)
      throws IOException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).header("Accept", "application/json").header("Authorization", authorization);
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", method.equals("PATCH") ? MERGE_PATCH : "application/json");
      request.method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted", e);
    }
  }
}
