package org.leadflow.lead.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leadflow.lead.api.Leads.succeeded;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

/**
 * By default ({@code leadflow.enrichment.fill-empty-fields=false}) enrichment records facts and leaves
 * the lead itself alone: no new version, no history entry, no {@code updated} event of its own.
 */
@QuarkusTest
class EnrichmentFactsOnlyTest {

  @Test
  void byDefaultEnrichmentRecordsFactsAndChangesNothingOfTheLead() {
    String domain = Leads.marker() + ".example";
    String id = LeadEnrichmentTest.created("{\"lastName\":\"Facts\",\"email\":\"only@" + domain + "\",\"phone\":\"+33 1 42 68 53 00\"}");

    JsonPath enrichment = LeadEnrichmentTest.enriched(id);

    assertThat(enrichment.getString("websiteDomain")).isEqualTo(domain);
    assertThat(enrichment.getString("facts.country.value")).isEqualTo("FR");
    assertThat(enrichment.<String, Object>getMap("filled")).isEmpty();
    JsonPath lead = succeeded(Leads.get(id)).jsonPath();
    assertThat(lead.getString("website")).isNull();
    assertThat(lead.getString("country")).isNull();
    assertThat(lead.getInt("version")).isZero();
    assertThat(lead.getString("enrichment.phoneCountry")).isEqualTo("FR");
    assertThat(succeeded(Leads.history(id)).jsonPath().getList("items.action", String.class)).containsExactly("created");
  }
}
