package org.leadflow.lead.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.leadflow.lead.api.Leads.problem;
import static org.leadflow.lead.api.Leads.succeeded;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.leadflow.devstack.Infrastructure;
import org.leadflow.devstack.SharedInfrastructure;
import org.leadflow.lead.application.WebFormCounterCleanup;
import org.junit.jupiter.api.Test;
import org.leadflow.devstack.tokens.TestTokens;
import org.leadflow.devstack.tokens.TokenTestResource.DefaultBearerToken;

/**
 * Web-to-lead (docs/web-to-lead.md): an admin's web forms, and their public capture endpoint as a
 * browser's plain HTML form, a script and a bot reach it.
 */
@QuarkusTest
class WebToLeadTest {

  @Inject WebFormCounterCleanup counterCleanup;

  private static final String FORMS = "/api/v1/web-forms";
  private static final String PAGE = "https://www.example.test";
  private static final String FORM_URLENCODED = "application/x-www-form-urlencoded";

  @TestHTTPResource("/") URI root;

  private static RequestSpecification admin() {
    return given().header("Authorization", "Bearer " + TestTokens.admin("web-admin"));
  }

  /** The public endpoint is called without any bearer token. */
  private static RequestSpecification visitor(String address) {
    return given().noFiltersOfType(DefaultBearerToken.class).header("X-Forwarded-For", address);
  }

  private static ExtractableResponse<Response> createForm(String settings) {
    return admin().contentType(ContentType.JSON).body(settings).post(FORMS).then().extract();
  }

  /** A form of the page's origin that maps its own field names, with consent and honeypot fields; answers id and key. */
  private static Map<String, String> form(String extra) {
    ExtractableResponse<Response> created =
        succeeded(
            createForm(
                "{\"name\":\"Contact us " + Leads.marker() + "\",\"allowedOrigins\":[\"" + PAGE + "\"],"
                    + "\"fields\":{\"first_name\":\"firstName\",\"last_name\":\"lastName\",\"company\":\"companyName\",\"email\":\"email\","
                    + "\"employees\":\"numberOfEmployees\",\"utm_campaign\":\"attributes.campaign\"},"
                    + "\"requiredFields\":[\"lastName\"],\"consentFields\":[\"consent_marketing\"],\"honeypotField\":\"website_url\"" + extra + "}"));
    assertThat(created.statusCode()).isEqualTo(201);
    return Map.of("id", created.path("id"), "key", created.path("key"), "name", created.path("name"));
  }

  private static String captureUrl(Map<String, String> form) {
    return "/api/v1/capture/" + form.get("id") + "?key=" + form.get("key");
  }

  private static ExtractableResponse<Response> post(Map<String, String> form, String address, Map<String, String> fields) {
    return visitor(address).header("Origin", PAGE).contentType(FORM_URLENCODED).formParams(fields).post(captureUrl(form)).then().extract();
  }

  private static List<Map<String, Object>> leadsOf(String company) {
    return succeeded(Leads.list(Map.of("q", company))).path("items");
  }

  private static Map<String, Object> stats(Map<String, String> form) {
    return succeeded(admin().get(FORMS + "/{id}", form.get("id")).then().extract()).path("stats");
  }

  @Test
  void aPlainHtmlFormPostCreatesAWebLeadAssignedByTheRulesWithItsConsentAndAHistoryNamingTheForm() {
    String seller = "web-seller-" + Leads.marker();
    succeeded(admin().contentType(ContentType.JSON)
        .body("{\"rules\":[{\"name\":\"Web leads\",\"sources\":[\"Web\"],\"distribution\":\"round-robin\",\"team\":[\"" + seller + "\"]}]}")
        .put("/api/v1/assignment-rules").then().extract());
    try {
      Map<String, String> form = form("");
      String company = Leads.marker();

      ExtractableResponse<Response> answer =
          post(form, "203.0.113.10", Map.of("first_name", "Ada", "last_name", "Lovelace", "company", company, "email", "ada@engines.example",
              "employees", "40", "utm_campaign", "spring", "consent_marketing", "yes", "ignored_field", "whatever"));

      assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(202);
      assertThat(answer.<String>path("status")).isEqualTo("received");
      assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo(PAGE);
      assertThat(answer.header("Vary")).contains("Origin");
      List<Map<String, Object>> leads = leadsOf(company);
      assertThat(leads).hasSize(1);
      Map<String, Object> lead = leads.get(0);
      assertThat(lead).containsEntry("firstName", "Ada").containsEntry("lastName", "Lovelace").containsEntry("email", "ada@engines.example")
          .containsEntry("numberOfEmployees", 40).containsEntry("source", "Web").containsEntry("ownerId", seller)
          .containsEntry("attributes", Map.of("campaign", "spring"));
      String id = (String) lead.get("id");

      ExtractableResponse<Response> history = succeeded(Leads.history(id));
      assertThat(history.<String>path("items[0].action")).isEqualTo("created");
      assertThat(history.<String>path("items[0].actor.id")).isEqualTo("web-form:" + form.get("id"));
      assertThat(history.<String>path("items[0].actor.name")).isEqualTo("Web form " + form.get("name"));
      assertThat(history.<String>path("items[0].details.assignedBy.ownerId")).isEqualTo(seller);

      ExtractableResponse<Response> consents = succeeded(given().get(Leads.BASE + "/{id}/consents", id).then().extract());
      assertThat(consents.<List<Map<String, Object>>>path("items")).hasSize(1);
      assertThat(consents.<Map<String, Object>>path("items[0]"))
          .containsEntry("formId", form.get("id")).containsEntry("field", "consent_marketing").containsEntry("value", "yes")
          .containsEntry("clientAddress", "203.0.113.10").containsKey("recordedAt");
      assertThat(stats(form)).containsEntry("leadsCreated", 1);
    } finally {
      succeeded(admin().contentType(ContentType.JSON).body("{\"rules\":[]}").put("/api/v1/assignment-rules").then().extract());
    }
  }

  @Test
  void theExactBytesABrowserSendsForAFormAreAcceptedAndRedirectedToTheFormsThankYouPage() throws Exception {
    Map<String, String> form = form(",\"redirectUrl\":\"https://www.example.test/thank-you\",\"ownerId\":\"web-owner\"");
    String company = Leads.marker();
    // What a browser sends for <form method="post"> with these fields: application/x-www-form-urlencoded,
    // spaces as +, reserved characters percent-encoded in UTF-8, the honeypot sent empty.
    String body = "first_name=Ad%C3%A1&last_name=Lovelace+%26+Byron&company=" + company + "&email=ada%40engines.example&website_url=&consent_marketing=on";
    HttpRequest request =
        HttpRequest.newBuilder(root.resolve(captureUrl(form)))
            .header("Content-Type", FORM_URLENCODED)
            .header("Origin", PAGE)
            .header("Referer", PAGE + "/contact")
            .header("X-Forwarded-For", "198.51.100.20")
            .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.US_ASCII))
            .build();

    HttpResponse<String> answer = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build().send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(303);
    assertThat(answer.headers().firstValue("Location")).hasValue("https://www.example.test/thank-you");
    List<Map<String, Object>> leads = leadsOf(company);
    assertThat(leads).hasSize(1);
    assertThat(leads.get(0)).containsEntry("firstName", "Adá").containsEntry("lastName", "Lovelace & Byron").containsEntry("ownerId", "web-owner");
  }

  @Test
  void multipartAndJsonSubmissionsCreateLeadsToo() {
    Map<String, String> form = form(",\"redirectUrl\":\"https://www.example.test/thank-you\"");
    String multipartCompany = Leads.marker();
    String jsonCompany = Leads.marker();

    ExtractableResponse<Response> multipart =
        visitor("198.51.100.30").header("Origin", PAGE).multiPart("last_name", "Noether").multiPart("company", multipartCompany)
            .redirects().follow(false).post(captureUrl(form)).then().extract();
    ExtractableResponse<Response> json =
        visitor("198.51.100.30").header("Origin", PAGE).contentType(ContentType.JSON)
            .body("{\"last_name\":\"Noether\",\"company\":\"" + jsonCompany + "\",\"employees\":12,\"consent_marketing\":true}")
            .post(captureUrl(form)).then().extract();

    assertThat(multipart.statusCode()).as(multipart.asString()).isEqualTo(303);
    String withAFile = Leads.marker();
    ExtractableResponse<Response> fileIgnored =
        visitor("198.51.100.30").multiPart("last_name", "Noether").multiPart("company", withAFile)
            .multiPart("cv", "cv.txt", "hello".getBytes(StandardCharsets.UTF_8), "text/plain").redirects().follow(false).post(captureUrl(form)).then().extract();
    assertThat(fileIgnored.statusCode()).isEqualTo(303);
    assertThat(leadsOf(withAFile)).singleElement().satisfies(lead -> assertThat(lead.get("attributes")).isEqualTo(Map.of()));
    assertThat(json.statusCode()).as(json.asString()).isEqualTo(202);
    assertThat(leadsOf(multipartCompany)).hasSize(1);
    assertThat(leadsOf(jsonCompany)).singleElement().satisfies(lead -> assertThat(lead).containsEntry("numberOfEmployees", 12));
  }

  @Test
  void aPageOfAnotherOriginIsRefusedAndARequestWithoutOriginIsLetThrough() {
    Map<String, String> form = form("");
    String refusedCompany = Leads.marker();
    String withoutOrigin = Leads.marker();

    ExtractableResponse<Response> refused =
        visitor("198.51.100.40").header("Origin", "https://evil.example").contentType(FORM_URLENCODED)
            .formParams(Map.of("last_name", "Mallory", "company", refusedCompany)).post(captureUrl(form)).then().extract();
    ExtractableResponse<Response> serverSide =
        visitor("198.51.100.40").contentType(FORM_URLENCODED).formParams(Map.of("last_name", "Server", "company", withoutOrigin)).post(captureUrl(form)).then().extract();

    assertThat(problem(refused, 403).<String>path("type")).endsWith("/cors-rejected");
    assertThat(refused.header("Access-Control-Allow-Origin")).isNull();
    assertThat(leadsOf(refusedCompany)).isEmpty();
    assertThat(serverSide.statusCode()).isEqualTo(202);
    assertThat(serverSide.header("Access-Control-Allow-Origin")).isNull();
    assertThat(leadsOf(withoutOrigin)).hasSize(1);
  }

  @Test
  void aPreflightIsAnsweredForTheFormsOriginsOnly() {
    Map<String, String> form = form("");

    ExtractableResponse<Response> allowed =
        visitor("198.51.100.50").header("Origin", PAGE).header("Access-Control-Request-Method", "POST")
            .header("Access-Control-Request-Headers", "content-type").options(captureUrl(form)).then().extract();
    ExtractableResponse<Response> otherOrigin =
        visitor("198.51.100.50").header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
            .options(captureUrl(form)).then().extract();
    ExtractableResponse<Response> otherMethod =
        visitor("198.51.100.50").header("Origin", PAGE).header("Access-Control-Request-Method", "DELETE").options(captureUrl(form)).then().extract();
    ExtractableResponse<Response> wrongKey =
        visitor("198.51.100.50").header("Origin", PAGE).header("Access-Control-Request-Method", "POST")
            .options("/api/v1/capture/" + form.get("id") + "?key=wrong").then().extract();

    assertThat(allowed.statusCode()).isEqualTo(204);
    assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo(PAGE);
    assertThat(allowed.header("Access-Control-Allow-Methods")).isEqualTo("POST");
    assertThat(allowed.header("Access-Control-Allow-Headers")).isEqualToIgnoringCase("content-type");
    assertThat(allowed.header("Access-Control-Max-Age")).isEqualTo("3600");
    assertThat(problem(otherOrigin, 403).header("Access-Control-Allow-Origin")).isNull();
    problem(otherMethod, 403);
    problem(wrongKey, 404);
  }

  @Test
  void aFilledHoneypotGetsTheUsualAnswerButNoLeadAndIsCounted() {
    Map<String, String> form = form("");
    String company = Leads.marker();

    ExtractableResponse<Response> answer =
        post(form, "198.51.100.60", Map.of("last_name", "Bot", "company", company, "website_url", "http://spam.example"));

    assertThat(answer.statusCode()).isEqualTo(202);
    assertThat(answer.<String>path("status")).isEqualTo("received");
    assertThat(leadsOf(company)).isEmpty();
    assertThat(stats(form)).containsEntry("honeypotCaught", 1).containsEntry("leadsCreated", 0);
  }

  @Test
  void overTheLimitPerAddressOrPerFormASubmissionIsRefusedWith429AndRetryAfter() {
    Map<String, String> form = form(",\"rateLimits\":{\"perForm\":3,\"perAddress\":2,\"window\":\"PT1H\"}");
    String company = Leads.marker();

    assertThat(post(form, "192.0.2.1", Map.of("last_name", "One", "company", company)).statusCode()).isEqualTo(202);
    assertThat(post(form, "192.0.2.1", Map.of("last_name", "Two", "company", company)).statusCode()).isEqualTo(202);
    ExtractableResponse<Response> thirdFromOneAddress = problem(post(form, "192.0.2.1", Map.of("last_name", "Three", "company", company)), 429);
    assertThat(post(form, "192.0.2.2", Map.of("last_name", "Three", "company", company)).statusCode()).isEqualTo(202);
    ExtractableResponse<Response> fourthToTheForm = problem(post(form, "192.0.2.3", Map.of("last_name", "Four", "company", company)), 429);

    assertThat(thirdFromOneAddress.<String>path("type")).endsWith("/rate-limited");
    assertThat(Long.parseLong(thirdFromOneAddress.header("Retry-After"))).isBetween(1L, 3600L);
    assertThat(Long.parseLong(fourthToTheForm.header("Retry-After"))).isBetween(1L, 3600L);
    assertThat(thirdFromOneAddress.header("Access-Control-Allow-Origin")).isEqualTo(PAGE);
    assertThat(leadsOf(company)).extracting(lead -> lead.get("lastName")).containsExactlyInAnyOrder("One", "Two", "Three");
  }

  @Test
  void theCountersOfWindowsThatHaveEndedAreForgottenAndTheCurrentOnesKept() throws Throwable {
    Map<String, String> form = form(",\"rateLimits\":{\"perForm\":100,\"perAddress\":10,\"window\":\"PT1H\"}");
    assertThat(post(form, "192.0.2.60", Map.of("last_name", "Counted", "company", Leads.marker())).statusCode()).isEqualTo(202);
    UUID formId = UUID.fromString(form.get("id"));
    List<String> current = counterScopes(formId);
    assertThat(current).isNotEmpty();
    // An address last seen two hours ago: its one-hour window ended an hour ago.
    execute("INSERT INTO web_form_submissions (form_id, scope, window_start, submissions) VALUES (?, 'address:198.51.100.7', now() - interval '2 hours', 3)", formId);

    int forgotten = VertxContextSupport.subscribeAndAwait(() -> counterCleanup.forgetEndedWindows());

    assertThat(forgotten).isGreaterThanOrEqualTo(1);
    assertThat(counterScopes(formId)).containsExactlyInAnyOrderElementsOf(current);
  }

  private static List<String> counterScopes(UUID formId) {
    Infrastructure infra = SharedInfrastructure.get();
    try (Connection db = DriverManager.getConnection(infra.jdbcUrl("leads"), infra.postgresUsername(), infra.postgresPassword());
        PreparedStatement query = db.prepareStatement("SELECT scope FROM web_form_submissions WHERE form_id = ?")) {
      query.setObject(1, formId);
      List<String> scopes = new java.util.ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          scopes.add(rows.getString(1));
        }
      }
      return scopes;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void execute(String sql, UUID formId) {
    Infrastructure infra = SharedInfrastructure.get();
    try (Connection db = DriverManager.getConnection(infra.jdbcUrl("leads"), infra.postgresUsername(), infra.postgresPassword());
        PreparedStatement statement = db.prepareStatement(sql)) {
      statement.setObject(1, formId);
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  @Test
  void aWrongKeyAnUnknownFormAndAnInactiveFormAreAllNotFound() {
    Map<String, String> form = form("");
    Map<String, String> inactive = form(",\"active\":false");
    String company = Leads.marker();
    Map<String, String> fields = Map.of("last_name", "Nobody", "company", company);

    ExtractableResponse<Response> wrongKey = problem(post(Map.of("id", form.get("id"), "key", "0".repeat(48)), "198.51.100.70", fields), 404);
    ExtractableResponse<Response> noKey =
        problem(visitor("198.51.100.70").contentType(FORM_URLENCODED).formParams(fields).post("/api/v1/capture/" + form.get("id")).then().extract(), 404);
    ExtractableResponse<Response> unknown = problem(post(Map.of("id", UUID.randomUUID().toString(), "key", form.get("key")), "198.51.100.70", fields), 404);
    ExtractableResponse<Response> closed = problem(post(inactive, "198.51.100.70", fields), 404);

    assertThat(List.of(wrongKey, noKey, unknown, closed)).extracting(answer -> answer.<String>path("title")).containsOnly("Web form not found");
    assertThat(leadsOf(company)).isEmpty();
  }

  @Test
  void hostileAndInvalidSubmissionsAreRefusedNamingTheFormsFieldsAndCreateNothing() {
    Map<String, String> form = form("");
    String company = Leads.marker();
    String address = "198.51.100.80";

    assertThat(Leads.invalidFields(post(form, address, Map.of("company", company)))).containsExactly("last_name");
    assertThat(Leads.invalidFields(post(form, address, Map.of("last_name", "X", "company", company, "email", "not-an-email")))).containsExactly("email");
    assertThat(Leads.invalidFields(post(form, address, Map.of("last_name", "X", "company", company, "employees", "many")))).containsExactly("employees");
    assertThat(Leads.invalidFields(post(form, address, Map.of("last_name", "X\u0000", "company", company)))).containsExactly("last_name");
    assertThat(Leads.invalidFields(post(form, address, Map.of("last_name", "X".repeat(5000), "company", company)))).containsExactly("last_name");
    StringBuilder many = new StringBuilder("last_name=X&company=" + company);
    for (int i = 0; i < 150; i++) {
      many.append("&f").append(i).append("=v");
    }
    Leads.invalidFields(visitor(address).contentType(FORM_URLENCODED).body(many.toString()).post(captureUrl(form)).then().extract());
    Leads.invalidFields(visitor(address).contentType(ContentType.JSON).body("{\"last_name\":{\"nested\":true},\"company\":\"" + company + "\"}").post(captureUrl(form)).then().extract());
    Leads.invalidFields(visitor(address).contentType(ContentType.JSON).body("[1,2]").post(captureUrl(form)).then().extract());
    problem(visitor(address).contentType(ContentType.JSON).body("{\"last_name\":").post(captureUrl(form)).then().extract(), 400);
    Leads.invalidFields(visitor(address).multiPart("last_name", "X\u0000").multiPart("company", company).post(captureUrl(form)).then().extract());
    problem(visitor(address).contentType("text/plain").body("last_name=X").post(captureUrl(form)).then().extract(), 415);
    problem(visitor(address).contentType(FORM_URLENCODED).body("last_name=X").post("/api/v1/capture/not-a-form?key=x").then().extract(), 404);

    assertThat(leadsOf(company)).isEmpty();
  }

  @Test
  void aDuplicateRuleSetToBlockRefusesASecondSubmissionQuietlyAndCountsIt() {
    Map<String, String> form = form("");
    String company = Leads.marker();
    String email = Leads.marker() + "@twice.example";
    succeeded(admin().contentType(ContentType.JSON).body("{\"rules\":[{\"rule\":\"email\",\"mode\":\"block\"},{\"rule\":\"phone\",\"mode\":\"warn\"},{\"rule\":\"similar-name\",\"mode\":\"warn\"},{\"rule\":\"email-domain-and-last-name\",\"mode\":\"warn\"}]}").put("/api/v1/duplicate-rules").then().extract());
    try {
      assertThat(post(form, "198.51.100.90", Map.of("last_name", "Twice", "company", company, "email", email)).statusCode()).isEqualTo(202);
      ExtractableResponse<Response> again = post(form, "198.51.100.91", Map.of("last_name", "Twice", "company", company, "email", email));

      assertThat(again.statusCode()).isEqualTo(202);
      assertThat(again.<String>path("status")).isEqualTo("received");
      assertThat(leadsOf(company)).hasSize(1);
      assertThat(stats(form)).containsEntry("duplicatesRefused", 1).containsEntry("leadsCreated", 1);
    } finally {
      succeeded(admin().contentType(ContentType.JSON)
          .body("{\"rules\":[{\"rule\":\"email\",\"mode\":\"warn\"},{\"rule\":\"phone\",\"mode\":\"warn\"},{\"rule\":\"similar-name\",\"mode\":\"warn\"},{\"rule\":\"email-domain-and-last-name\",\"mode\":\"warn\"}]}")
          .put("/api/v1/duplicate-rules").then().extract());
    }
  }

  @Test
  void anAdminCreatesReadsReplacesRotatesTheKeyOfAndDeletesForms() {
    Map<String, String> form = form("");
    String url = FORMS + "/{id}";

    ExtractableResponse<Response> read = succeeded(admin().get(url, form.get("id")).then().extract());
    assertThat(read.header("ETag")).isEqualTo(Leads.etag(0));
    assertThat(read.<String>path("captureUrl")).isEqualTo(captureUrl(form));
    assertThat(read.<Map<String, Object>>path("rateLimits")).containsEntry("perForm", 500).containsEntry("perAddress", 20).containsEntry("window", "PT1H");
    assertThat(succeeded(admin().queryParam("size", 200).get(FORMS).then().extract()).<List<String>>path("items.id")).contains(form.get("id"));

    ExtractableResponse<Response> stale =
        problem(admin().header("If-Match", Leads.etag(3)).contentType(ContentType.JSON).body("{\"name\":\"Stale\"}").put(url, form.get("id")).then().extract(), 412);
    assertThat(stale.<String>path("title")).isEqualTo("The web form has changed");
    assertThat(stale.header("ETag")).isEqualTo(Leads.etag(0));
    ExtractableResponse<Response> replaced =
        succeeded(admin().header("If-Match", Leads.etag(0)).contentType(ContentType.JSON).body("{\"name\":\"Renamed\",\"allowedOrigins\":[\"" + PAGE + "\"],\"rotateKey\":true}")
            .put(url, form.get("id")).then().extract());
    assertThat(replaced.<String>path("name")).isEqualTo("Renamed");
    assertThat(replaced.<String>path("key")).isNotEqualTo(form.get("key")).hasSize(48);
    assertThat(replaced.<Map<String, String>>path("fields")).containsEntry("email", "email").containsEntry("lastName", "lastName");
    problem(post(form, "198.51.100.100", Map.of("lastName", "Old key")), 404);
    assertThat(post(Map.of("id", form.get("id"), "key", replaced.path("key")), "198.51.100.100", Map.of("lastName", "New key")).statusCode()).isEqualTo(202);

    assertThat(admin().delete(url, form.get("id")).then().extract().statusCode()).isEqualTo(204);
    problem(admin().get(url, form.get("id")).then().extract(), 404);
    problem(post(Map.of("id", form.get("id"), "key", replaced.path("key")), "198.51.100.100", Map.of("lastName", "Gone")), 404);
  }

  @Test
  void settingsThatCannotWorkAreRefusedNamingEachMember() {
    ExtractableResponse<Response> refused =
        createForm(
            "{\"name\":\"Broken\",\"allowedOrigins\":[\"https://ok.example\",\"https://bad.example/path\",\"ftp://x.example\"],"
                + "\"fields\":{\"e\":\"emailAddress\",\"owner\":\"ownerId\"},\"requiredFields\":[\"phone\"],\"consentFields\":[\"bad name\"],"
                + "\"rateLimits\":{\"window\":\"P2D\"}}");

    assertThat(Leads.invalidFields(refused))
        .contains("allowedOrigins[1]", "allowedOrigins[2]", "fields.e", "fields.owner", "requiredFields[0]", "consentFields[0]", "rateLimits.window");
    assertThat(Leads.invalidFields(createForm("{\"allowedOrigins\":[]}"))).contains("name");
    assertThat(Leads.invalidFields(createForm("{\"name\":\"X\",\"rateLimits\":{\"perForm\":0}}"))).containsExactly("rateLimits.perForm");
    assertThat(Leads.invalidFields(createForm("{\"name\":\"X\",\"unknown\":true}"))).isNotEmpty();
  }
}
