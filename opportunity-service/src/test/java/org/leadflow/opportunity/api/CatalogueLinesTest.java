package org.leadflow.opportunity.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leadflow.opportunity.Api.OPPORTUNITIES;
import static org.leadflow.opportunity.Api.invalidFields;
import static org.leadflow.opportunity.Api.problem;
import static org.leadflow.opportunity.Api.succeeded;
import static org.leadflow.opportunity.Pipeline.MERGE_PATCH;
import static org.leadflow.opportunity.Pipeline.addLine;
import static org.leadflow.opportunity.Pipeline.asManager;
import static org.leadflow.opportunity.Pipeline.etag;
import static org.leadflow.opportunity.Pipeline.money;
import static org.leadflow.opportunity.Pipeline.patch;
import static org.leadflow.opportunity.api.ProductCatalogueApiTest.PRODUCTS;
import static org.leadflow.opportunity.api.ProductCatalogueApiTest.asAdmin;
import static org.leadflow.opportunity.api.ProductCatalogueApiTest.create;
import static org.leadflow.opportunity.api.ProductCatalogueApiTest.price;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.leadflow.opportunity.Pipeline;
import org.leadflow.opportunity.QualifiedLead;

/**
 * Lines of catalogue products (opportunity-service README, "Opportunity pipeline"): a line naming an
 * active product takes its name and its price in the opportunity's currency unless it gives them;
 * an unknown, deactivated or unpriced product is a 422 naming productId, and nothing changes.
 */
@QuarkusTest
class CatalogueLinesTest {

  private static Pipeline pipeline;

  @BeforeAll
  static void connect() {
    pipeline = new Pipeline();
  }

  @AfterAll
  static void disconnect() {
    pipeline.close();
  }

  /** A product priced in GBP and JPY. */
  private static String product(String marker, List<Map<String, Object>> prices) {
    ExtractableResponse<Response> created =
        create(Map.of("code", "ENG-" + marker, "name", "Analytical Engine " + marker, "prices", prices));
    assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
    return created.path("id");
  }

  /** An opportunity valued in GBP (the lead's budget): its currency is GBP. */
  private static UUID opportunityInPounds() {
    return pipeline.opportunity("seller-" + QualifiedLead.marker()).opportunityId;
  }

  @Test
  void aLineOfACatalogueProductTakesItsNameAndItsPriceInTheOpportunitysCurrency() {
    String marker = QualifiedLead.marker();
    String engine = product(marker, List.of(price("1250", "GBP"), price("180000", "JPY")));
    UUID id = opportunityInPounds();

    ExtractableResponse<Response> added = addLine(id, Map.of("productId", engine, "quantity", "2", "discount", money("100.00", "GBP")));

    assertThat(added.statusCode()).as(added.asString()).isEqualTo(201);
    assertThat(added.<String>path("lines[0].productId")).isEqualTo(engine);
    assertThat(added.<String>path("lines[0].productName")).isEqualTo("Analytical Engine " + marker);
    assertThat(added.<Map<String, String>>path("lines[0].unitPrice")).isEqualTo(money("1250.00", "GBP"));
    assertThat(added.<Map<String, String>>path("lines[0].amount")).isEqualTo(money("2400.00", "GBP"));

    ExtractableResponse<Response> given =
        addLine(id, Map.of("productId", engine, "quantity", "1", "productName", "Engine, refurbished", "unitPrice", money("900.00", "GBP")));
    assertThat(given.statusCode()).as(given.asString()).isEqualTo(201);
    assertThat(given.<String>path("lines[1].productName")).isEqualTo("Engine, refurbished");
    assertThat(given.<Map<String, String>>path("lines[1].unitPrice")).isEqualTo(money("900.00", "GBP"));
    ExtractableResponse<Response> writtenIn = addLine(id, Pipeline.line("Installation", "1", "500.00", "GBP"));
    assertThat(writtenIn.<Object>path("lines[2].productId")).isNull();
    assertThat(succeeded(patch(id, Map.of("estimatedValueSource", "lines"))).<Map<String, String>>path("estimatedValue"))
        .isEqualTo(money("3800.00", "GBP"));
    List<Map<String, Object>> history = succeeded(asManager().get(OPPORTUNITIES + "/{id}/history", id).then().extract()).path("items");
    assertThat(history).anySatisfy(entry -> assertThat(entry.toString()).contains("productId=" + engine));
  }

  @Test
  void aProductTheCatalogueDoesNotOfferInTheOpportunitysCurrencyIsRefusedNamingProductId() {
    String marker = QualifiedLead.marker();
    String yenOnly = product(marker, List.of(price("180000", "JPY")));
    String retired = product(marker + "r", List.of(price("1250", "GBP")));
    succeeded(asAdmin().post(PRODUCTS + "/{id}/deactivate", retired).then().extract());
    UUID id = opportunityInPounds();
    String before = etag(id);

    for (String product : List.of(yenOnly, retired, UUID.randomUUID().toString())) {
      ExtractableResponse<Response> refused = problem(addLine(id, Map.of("productId", product, "quantity", "1")), 422);
      assertThat(refused.<String>path("type")).endsWith("/price-not-in-catalogue");
      assertThat(refused.<List<String>>path("errors.field")).containsExactly("productId");
    }
    assertThat(etag(id)).isEqualTo(before);
    // A write-in line still needs its name and price.
    assertThat(invalidFields(addLine(id, Map.of("quantity", "1")))).containsExactlyInAnyOrder("productName", "unitPrice");
    assertThat(invalidFields(addLine(id, Map.of("productId", "not-a-uuid", "quantity", "1")))).containsExactly("productId");
  }

  @Test
  void withoutACurrencyYetTheOpportunityTakesTheOnlyCurrencyOfTheProduct() {
    String marker = QualifiedLead.marker();
    String yenOnly = product(marker, List.of(price("180000", "JPY")));
    String twoCurrencies = product(marker + "b", List.of(price("1250", "GBP"), price("180000", "JPY")));
    UUID id = opportunityInPounds();
    Map<String, Object> noValue = new HashMap<>();
    noValue.put("estimatedValue", null);
    succeeded(patch(id, noValue));

    problem(addLine(id, Map.of("productId", twoCurrencies, "quantity", "1")), 422);
    ExtractableResponse<Response> added = addLine(id, Map.of("productId", yenOnly, "quantity", "1.5"));

    assertThat(added.statusCode()).as(added.asString()).isEqualTo(201);
    assertThat(added.<Map<String, String>>path("lines[0].amount")).isEqualTo(money("270000", "JPY"));
  }

  @Test
  void aLinePatchedToAnotherProductTakesItsDefaultsAndOnePatchedToNoProductKeepsItsValues() {
    String marker = QualifiedLead.marker();
    String engine = product(marker, List.of(price("1250", "GBP")));
    String loom = product(marker + "l", List.of(price("800", "GBP")));
    UUID id = opportunityInPounds();
    String lineId = addLine(id, Map.of("productId", engine, "quantity", "2")).path("lines[0].id");

    ExtractableResponse<Response> switched = patchLine(id, lineId, Map.of("productId", loom));
    assertThat(switched.<String>path("lines[0].productName")).isEqualTo("Analytical Engine " + marker + "l");
    assertThat(switched.<Map<String, String>>path("lines[0].amount")).isEqualTo(money("1600.00", "GBP"));

    Map<String, Object> writeIn = new HashMap<>();
    writeIn.put("productId", null);
    ExtractableResponse<Response> written = patchLine(id, lineId, writeIn);
    assertThat(written.<Object>path("lines[0].productId")).isNull();
    assertThat(written.<String>path("lines[0].productName")).isEqualTo("Analytical Engine " + marker + "l");
    assertThat(written.<Map<String, String>>path("lines[0].unitPrice")).isEqualTo(money("800.00", "GBP"));
  }

  private static ExtractableResponse<Response> patchLine(UUID id, String lineId, Object patch) {
    return succeeded(
        asManager()
            .header("If-Match", etag(id))
            .contentType(MERGE_PATCH)
            .body(patch)
            .patch(OPPORTUNITIES + "/{id}/lines/{lineId}", id, lineId)
            .then()
            .extract());
  }
}
