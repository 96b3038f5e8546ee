package org.leadflow.lead.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leadflow.lead.api.Leads.create;
import static org.leadflow.lead.api.Leads.invalidFields;
import static org.leadflow.lead.api.Leads.list;
import static org.leadflow.lead.api.Leads.marker;
import static org.leadflow.lead.api.Leads.query;
import static org.leadflow.lead.api.Leads.succeeded;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code GET /leads}: paged, sorted, filtered (docs/architecture.md, section REST conventions). Every query
 * names a marker of its own leads.
 */
@QuarkusTest
class LeadListTest {

  /** Creates a lead from JSON members, with {@code marker} as its last name; answers its id. */
  private static String lead(String marker, String members) {
    return succeeded(create("{\"lastName\":\"" + marker + "\"" + (members.isEmpty() ? "" : "," + members) + "}")).path("id");
  }

  private static List<String> ids(ExtractableResponse<Response> page) {
    return succeeded(page).path("items.id");
  }

  // --- Paging --------------------------------------------------------------------------------

  @Test
  void pagesSplitTheListWithoutOverlapOrGapsAndCountTheTotal() {
    String marker = marker();
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      created.add(lead(marker, ""));
    }

    List<String> seen = new ArrayList<>();
    for (int page = 0; page < 3; page++) {
      ExtractableResponse<Response> answer = succeeded(list(query(marker, "page", page, "size", 2)));
      assertThat(answer.<Integer>path("page")).isEqualTo(page);
      assertThat(answer.<Integer>path("size")).isEqualTo(2);
      assertThat(answer.<Integer>path("total")).isEqualTo(5);
      seen.addAll(answer.path("items.id"));
    }

    assertThat(seen).containsExactlyInAnyOrderElementsOf(created);
    assertThat(ids(list(query(marker, "page", 3, "size", 2)))).isEmpty();
  }

  @Test
  void theDefaultPageIsTheFirst50NewestFirst() {
    String marker = marker();
    String older = lead(marker, "");
    String newer = lead(marker, "");

    ExtractableResponse<Response> answer = succeeded(list(Map.of("q", marker)));

    assertThat(answer.<Integer>path("page")).isZero();
    assertThat(answer.<Integer>path("size")).isEqualTo(50);
    assertThat(answer.<List<String>>path("items.id")).containsExactly(newer, older);
  }

  @Test
  void aPageOf200IsAllowed() {
    assertThat(succeeded(list(Map.of("size", 200))).<Integer>path("size")).isEqualTo(200);
  }

  // --- Sorting -------------------------------------------------------------------------------

  @ParameterizedTest(name = "sort={0}")
  @CsvSource({
    "'companyName,asc',  false",
    "'companyName,desc', true",
    "'country,asc',      false",
    "'country,desc',     true",
  })
  void leadsAreSortedByTheNamedField(String sort, boolean descending) {
    String marker = marker();
    // Created out of order: b, a, c by company name and by country alike.
    String b = lead(marker, "\"companyName\":\"" + marker + " b\",\"country\":\"DE\"");
    String a = lead(marker, "\"companyName\":\"" + marker + " a\",\"country\":\"BE\"");
    String c = lead(marker, "\"companyName\":\"" + marker + " c\",\"country\":\"FR\"");

    List<String> sorted = ids(list(query(marker, "sort", sort)));

    assertThat(sorted).isEqualTo(descending ? List.of(c, b, a) : List.of(a, b, c));
  }

  @Test
  void leadsAreSortedByLastNameInEitherDirection() {
    String marker = marker();
    String b = succeeded(create("{\"lastName\":\"" + marker + "b\"}")).path("id");
    String a = succeeded(create("{\"lastName\":\"" + marker + "a\"}")).path("id");

    assertThat(ids(list(query(marker, "sort", "lastName,asc")))).containsExactly(a, b);
    assertThat(ids(list(query(marker, "sort", "lastName,desc")))).containsExactly(b, a);
    assertThat(ids(list(query(marker, "sort", "lastName")))).as("ascending by default").containsExactly(a, b);
  }

  @Test
  void leadsAreSortedByCreationOrLastUpdate() {
    String marker = marker();
    String first = lead(marker, "");
    String second = lead(marker, "");
    succeeded(Leads.patch(first, "{\"city\":\"Leeds\"}"));

    assertThat(ids(list(query(marker, "sort", "createdAt,asc")))).containsExactly(first, second);
    assertThat(ids(list(query(marker, "sort", "createdAt,desc")))).containsExactly(second, first);
    assertThat(ids(list(query(marker, "sort", "updatedAt,desc")))).containsExactly(first, second);
    assertThat(ids(list(query(marker, "sort", "updatedAt,asc")))).containsExactly(second, first);
  }

  @Test
  void leadsAreSortedByState() {
    String marker = marker();
    String open = lead(marker, "");
    String disqualified = lead(marker, "");
    succeeded(Leads.disqualify(disqualified, "Lost"));

    assertThat(ids(list(query(marker, "sort", "state,asc")))).containsExactly(disqualified, open);
    assertThat(ids(list(query(marker, "sort", "state,desc")))).containsExactly(open, disqualified);
  }

  // --- Filters -------------------------------------------------------------------------------

  @Test
  void filtersSelectByStateAndStatusReason() {
    String marker = marker();
    String fresh = lead(marker, "");
    String contacted = lead(marker, "");
    String lost = lead(marker, "");
    succeeded(Leads.markContacted(contacted));
    succeeded(Leads.disqualify(lost, "Lost"));

    assertThat(ids(list(query(marker, "state", "Open")))).containsExactlyInAnyOrder(fresh, contacted);
    assertThat(ids(list(query(marker, "state", "Disqualified")))).containsExactly(lost);
    assertThat(ids(list(query(marker, "state", "Qualified")))).isEmpty();
    assertThat(ids(list(query(marker, "statusReason", "Contacted")))).containsExactly(contacted);
    assertThat(ids(list(query(marker, "statusReason", "New")))).containsExactly(fresh);
    assertThat(ids(list(query(marker, "statusReason", "Lost")))).containsExactly(lost);
  }

  @Test
  void filtersSelectBySourceOwnerAndCountry() {
    String marker = marker();
    String web = lead(marker, "\"source\":\"Web\",\"ownerId\":\"seller-" + marker + "\",\"country\":\"NL\"");
    String partner = lead(marker, "\"source\":\"Partner\",\"country\":\"BE\"");

    assertThat(ids(list(query(marker, "source", "Web")))).containsExactly(web);
    assertThat(ids(list(query(marker, "source", "Partner")))).containsExactly(partner);
    assertThat(ids(list(query(marker, "ownerId", "seller-" + marker)))).containsExactly(web);
    assertThat(ids(list(query(marker, "country", "BE")))).containsExactly(partner);
    assertThat(ids(list(query(marker, "country", "nl")))).as("country in lower case").containsExactly(web);
  }

  @Test
  void filtersCombineWithAnd() {
    String marker = marker();
    String wanted = lead(marker, "\"source\":\"Web\",\"country\":\"NL\"");
    lead(marker, "\"source\":\"Web\",\"country\":\"BE\"");
    lead(marker, "\"source\":\"Partner\",\"country\":\"NL\"");

    assertThat(ids(list(query(marker, "source", "Web", "country", "NL", "state", "Open")))).containsExactly(wanted);
  }

  @Test
  void creationTimeRangesIncludeTheirStartAndExcludeTheirEnd() {
    String marker = marker();
    String first = lead(marker, "");
    String second = lead(marker, "");
    String third = lead(marker, "");
    String secondCreatedAt = Leads.get(second).path("createdAt");
    String thirdCreatedAt = Leads.get(third).path("createdAt");

    assertThat(ids(list(query(marker, "createdFrom", secondCreatedAt)))).containsExactlyInAnyOrder(second, third);
    assertThat(ids(list(query(marker, "createdTo", secondCreatedAt)))).containsExactly(first);
    assertThat(ids(list(query(marker, "createdFrom", secondCreatedAt, "createdTo", thirdCreatedAt)))).containsExactly(second);
  }

  @Test
  void updateTimeRangesIncludeTheirStartAndExcludeTheirEnd() {
    String marker = marker();
    String untouched = lead(marker, "");
    String edited = lead(marker, "");
    String editedAt = succeeded(Leads.patch(edited, "{\"city\":\"Leeds\"}")).path("updatedAt");

    assertThat(ids(list(query(marker, "updatedFrom", editedAt)))).containsExactly(edited);
    assertThat(ids(list(query(marker, "updatedTo", editedAt)))).containsExactly(untouched);
  }

  @Test
  void freeTextMatchesNamesCompanyAndEmailIgnoringCase() {
    String marker = marker();
    String byFirstName = succeeded(create("{\"firstName\":\"" + marker + "First\",\"lastName\":\"X\"}")).path("id");
    String byLastName = succeeded(create("{\"lastName\":\"" + marker + "Last\"}")).path("id");
    String byCompany = succeeded(create("{\"companyName\":\"" + marker + "Company\"}")).path("id");
    String byEmail = succeeded(create("{\"lastName\":\"X\",\"email\":\"" + marker + "@example.org\"}")).path("id");
    succeeded(create("{\"lastName\":\"X\",\"city\":\"" + marker + "City\",\"description\":\"" + marker + "\"}"));

    assertThat(ids(list(Map.of("q", marker.toUpperCase())))).containsExactlyInAnyOrder(byFirstName, byLastName, byCompany, byEmail);
    assertThat(ids(list(Map.of("q", "  " + marker + "company  ")))).containsExactly(byCompany);
  }

  @Test
  void freeTextTakesWildcardCharactersLiterally() {
    String marker = marker();
    String percent = succeeded(create("{\"companyName\":\"" + marker + " 100% Widgets\"}")).path("id");
    succeeded(create("{\"companyName\":\"" + marker + " 1000 Widgets\"}"));
    String underscore = succeeded(create("{\"companyName\":\"" + marker + " a_b\"}")).path("id");
    succeeded(create("{\"companyName\":\"" + marker + " axb\"}"));

    assertThat(ids(list(Map.of("q", marker + " 100%")))).containsExactly(percent);
    assertThat(ids(list(Map.of("q", marker + " a_b")))).containsExactly(underscore);
  }

  // --- Invalid queries -----------------------------------------------------------------------

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({
    "page, -1",
    "page, first",
    "size, 0",
    "size, 201",
    "size, all",
    "sort, 'password,asc'",
    "sort, 'lastName,sideways'",
    "sort, 'lastName,asc,id'",
    "state, Sleeping",
    "state, open",
    "statusReason, Asleep",
    "source, Carrier Pigeon",
    "createdFrom, yesterday",
    "createdTo, 2026-01-01",
    "updatedFrom, not-a-time",
    "updatedTo, 12:00",
  })
  void anInvalidQueryParameterIsA400ProblemNamingIt(String parameter, String value) {
    assertThat(invalidFields(list(Map.of(parameter, value)))).containsExactly(parameter);
  }

  @Test
  void everyInvalidFilterIsNamedAtOnce() {
    assertThat(invalidFields(list(Map.of("state", "Sleeping", "source", "Carrier Pigeon", "sort", "password"))))
        .containsExactlyInAnyOrder("state", "source", "sort");
  }
}
