package org.leadflow.opportunity.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.leadflow.opportunity.Api.invalidFields;
import static org.leadflow.opportunity.Api.problem;
import static org.leadflow.opportunity.Api.succeeded;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.leadflow.devstack.tokens.TestTokens;
import org.leadflow.opportunity.Database;
import org.leadflow.opportunity.QualifiedLead;

/** {@code /products}: the catalogue an admin maintains, with prices exact to their currency (ISO 4217). */
@QuarkusTest
class ProductCatalogueApiTest {

  static final String PRODUCTS = "/api/v1/products";
  static final String MERGE_PATCH = "application/merge-patch+json";

  static RequestSpecification asAdmin() {
    return given().header("Authorization", "Bearer " + TestTokens.admin("admin-ann"));
  }

  static Map<String, Object> price(String amount, String currency) {
    return Map.of("amount", amount, "currency", currency);
  }

  static ExtractableResponse<Response> create(Map<String, ?> product) {
    return asAdmin().contentType(ContentType.JSON).body(product).post(PRODUCTS).then().extract();
  }

  static ExtractableResponse<Response> patch(Object id, String ifMatch, Object patch) {
    RequestSpecification request = asAdmin().contentType(MERGE_PATCH).body(patch);
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    return request.patch(PRODUCTS + "/{id}", id).then().extract();
  }

  /** A product with a code and name no other test uses, priced in EUR, JPY and KWD. */
  static Map<String, Object> engine(String marker) {
    return Map.of(
        "code", "ENG-" + marker,
        "name", "Analytical Engine " + marker,
        "description", "Installation included",
        "prices", List.of(price("12500", "EUR"), price("1800000", "JPY"), price("4150.5", "KWD")));
  }

  @Test
  void anAdminAddsAProductWithPricesExactToTheirCurrencies() {
    String marker = QualifiedLead.marker();

    ExtractableResponse<Response> created = create(engine(marker));

    assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
    assertThat(created.header("ETag")).isEqualTo("\"0\"");
    String id = created.path("id");
    assertThat(created.header("Location")).endsWith(PRODUCTS + "/" + id);
    assertThat(created.<Boolean>path("active")).isTrue();
    assertThat(created.<List<Map<String, Object>>>path("prices"))
        .containsExactly(price("12500.00", "EUR"), price("1800000", "JPY"), price("4150.500", "KWD"));
    ExtractableResponse<Response> read = succeeded(given().get(PRODUCTS + "/{id}", id).then().extract());
    assertThat(read.<String>path("code")).isEqualTo("ENG-" + marker);
    assertThat(read.<List<Map<String, Object>>>path("prices")).isEqualTo(created.path("prices"));
    assertThat(Database.value("SELECT amount FROM product_price WHERE product_id = ?::uuid AND currency = 'KWD'", id).toString())
        .isEqualTo("4150.5000");
  }

  @Test
  void aPriceWithMoreDecimalsThanItsCurrencyHasIsRefusedAndNothingIsCreated() {
    String marker = QualifiedLead.marker();
    Map<String, Object> product =
        Map.of(
            "code", "ENG-" + marker,
            "name", "Engine",
            "prices", List.of(price("100.5", "JPY"), price("4.1255", "KWD"), price("1.001", "EUR"), price("1", "EURO"), price("-1", "GBP")));

    ExtractableResponse<Response> refused = create(product);

    assertThat(invalidFields(refused))
        .containsExactly("prices[0].amount", "prices[1].amount", "prices[2].amount", "prices[3].currency", "prices[4].amount");
    assertThat(refused.<String>path("errors[0].message")).isEqualTo("has more decimals than JPY has (0)");
    assertThat(Database.count("SELECT count(*) FROM product WHERE code = ?", "ENG-" + marker)).isZero();
  }

  @Test
  void aCodeIsUniqueWhateverItsCase() {
    String marker = QualifiedLead.marker();
    succeeded(create(engine(marker)));

    ExtractableResponse<Response> taken = problem(create(Map.of("code", "eng-" + marker, "name", "Another")), 409);

    assertThat(taken.<String>path("type")).endsWith("/product-code-taken");
  }

  @Test
  void anEditIsAMergePatchThatNeedsTheCurrentETag() {
    ExtractableResponse<Response> created = succeeded(create(engine(QualifiedLead.marker())));
    String id = created.path("id");

    problem(patch(id, null, Map.of("name", "Mk II")), 428);
    ExtractableResponse<Response> edited =
        succeeded(patch(id, "\"0\"", Map.of("name", "Analytical Engine Mk II", "prices", List.of(price("13000.00", "EUR"), price("99", "USD")))));
    assertThat(edited.header("ETag")).isEqualTo("\"1\"");
    assertThat(edited.<String>path("name")).isEqualTo("Analytical Engine Mk II");
    assertThat(edited.<String>path("description")).isEqualTo("Installation included");
    assertThat(edited.<List<Map<String, Object>>>path("prices")).containsExactly(price("13000.00", "EUR"), price("99.00", "USD"));

    ExtractableResponse<Response> stale = problem(patch(id, "\"0\"", Map.of("name", "Lost update")), 412);
    assertThat(stale.header("ETag")).isEqualTo("\"1\"");
    assertThat(succeeded(given().get(PRODUCTS + "/{id}", id).then().extract()).<String>path("name")).isEqualTo("Analytical Engine Mk II");

    assertThat(invalidFields(patch(id, "\"1\"", Map.of("prices", List.of(price("1.5", "JPY")))))).containsExactly("prices[0].amount");
    assertThat(invalidFields(patch(id, "\"1\"", Map.of("colour", "blue")))).containsExactly("colour");
    assertThat(invalidFields(patch(id, "\"1\"", "[1]"))).containsExactly("body");
    assertThat(invalidFields(patch(id, "\"1\"", java.util.Collections.singletonMap("name", null)))).containsExactly("name");
    assertThat(invalidFields(patch(id, "not-an-etag", Map.of("name", "x")))).containsExactly("If-Match");
    problem(patch(UUID.randomUUID(), "\"0\"", Map.of("name", "x")), 404);
  }

  @Test
  void aDeactivatedProductStaysInTheCatalogueAndIsFilteredOut() {
    String marker = QualifiedLead.marker();
    String active = succeeded(create(engine(marker))).path("id");
    String retired = succeeded(create(Map.of("code", "OLD-" + marker, "name", "Difference Engine " + marker))).path("id");

    ExtractableResponse<Response> deactivated = succeeded(asAdmin().post(PRODUCTS + "/{id}/deactivate", retired).then().extract());
    assertThat(deactivated.<Boolean>path("active")).isFalse();
    assertThat(deactivated.header("ETag")).isEqualTo("\"1\"");
    assertThat(succeeded(asAdmin().post(PRODUCTS + "/{id}/deactivate", retired).then().extract()).header("ETag")).isEqualTo("\"1\"");

    assertThat(list(Map.of("q", marker)).<List<String>>path("items.id")).containsExactlyInAnyOrder(active, retired);
    assertThat(list(Map.of("q", marker, "active", "true")).<List<String>>path("items.id")).containsExactly(active);
    assertThat(list(Map.of("q", marker, "active", "false")).<List<String>>path("items.id")).containsExactly(retired);
    assertThat(list(Map.of("q", "eng-" + marker.toUpperCase())).<List<String>>path("items.id")).containsExactly(active);
    assertThat(list(Map.of("q", marker, "currency", "kwd")).<List<String>>path("items.id")).containsExactly(active);
    assertThat(list(Map.of("q", marker, "sort", "code,asc")).<List<String>>path("items.id")).containsExactly(active, retired);

    ExtractableResponse<Response> reactivated = succeeded(patch(retired, "\"1\"", Map.of("active", true)));
    assertThat(reactivated.<Boolean>path("active")).isTrue();
  }

  @Test
  void invalidListParametersAre400Problems() {
    assertThat(invalidFields(given().queryParams(Map.of("active", "yes", "sort", "price", "currency", "EURO")).get(PRODUCTS).then().extract()))
        .containsExactlyInAnyOrder("active", "sort", "currency");
  }

  @Test
  void aRepeatedCreateWithTheSameIdempotencyKeyAnswersTheFirstProduct() {
    Map<String, Object> product = engine(QualifiedLead.marker());
    String key = UUID.randomUUID().toString();

    ExtractableResponse<Response> first =
        asAdmin().header("Idempotency-Key", key).contentType(ContentType.JSON).body(product).post(PRODUCTS).then().extract();
    ExtractableResponse<Response> repeat =
        asAdmin().header("Idempotency-Key", key).contentType(ContentType.JSON).body(product).post(PRODUCTS).then().extract();

    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(repeat.statusCode()).isEqualTo(201);
    assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(repeat.<String>path("id")).isEqualTo(first.path("id"));
    assertThat(repeat.header("Location")).isEqualTo(first.header("Location"));
    problem(
        asAdmin().header("Idempotency-Key", key).contentType(ContentType.JSON).body(engine(QualifiedLead.marker())).post(PRODUCTS).then().extract(),
        422);
  }

  private static ExtractableResponse<Response> list(Map<String, ?> query) {
    return succeeded(given().queryParams(query).get(PRODUCTS).then().extract());
  }
}
