package org.leadflow.lead.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.leadflow.lead.api.Leads.BASE;
import static org.leadflow.lead.api.Leads.invalidFields;
import static org.leadflow.lead.api.Leads.list;
import static org.leadflow.lead.api.Leads.marker;
import static org.leadflow.lead.api.Leads.query;
import static org.leadflow.lead.api.Leads.succeeded;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.leadflow.devstack.tokens.TestTokens;

/**
 * {@code GET /leads} at depth: the total counted exactly up to a limit (3 here, 10,000 by default) and
 * estimated above it, and keyset paging by cursor (docs/architecture.md, section REST conventions).
 */
@QuarkusTest
@TestProfile(LeadListDeepPagingTest.ExactTotalUpToThree.class)
class LeadListDeepPagingTest {

  public static class ExactTotalUpToThree implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("leadflow.leads.list.exact-total-limit", "3");
    }
  }

  private static String lead(String json) {
    return succeeded(Leads.create(json)).path("id");
  }

  /** {@code count} leads whose company is {@code marker}. */
  private static List<String> leads(String marker, int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(lead("{\"companyName\":\"" + marker + "\"}"));
    }
    return ids;
  }

  /** Follows nextCursor from the first page of {@code size} to the last; answers the ids in the order seen. */
  private static List<String> walk(Map<String, Object> query, int size) {
    List<String> seen = new ArrayList<>();
    Map<String, Object> asked = new LinkedHashMap<>(query);
    asked.put("size", size);
    for (int pages = 0; pages < 100; pages++) {
      ExtractableResponse<Response> page = succeeded(list(asked));
      assertThat(page.<Integer>path("page")).isEqualTo(pages);
      seen.addAll(page.path("items.id"));
      String next = page.path("nextCursor");
      if (next == null) {
        return seen;
      }
      asked.put("cursor", next);
    }
    throw new AssertionError("the cursor did not reach the last page in 100 pages");
  }

  // --- The total -------------------------------------------------------------------------------

  @Test
  void upToTheLimitTheTotalIsExact() {
    String marker = marker();
    leads(marker, 3);

    ExtractableResponse<Response> page = succeeded(list(query(marker, "size", 2)));

    assertThat(page.<Integer>path("total")).isEqualTo(3);
    assertThat(page.<Boolean>path("totalIsEstimate")).isFalse();
  }

  @Test
  void aboveTheLimitTheTotalIsAnEstimateNeverBelowTheLeadsCounted() {
    String marker = marker();
    leads(marker, 6);

    ExtractableResponse<Response> page = succeeded(list(query(marker, "size", 2)));

    assertThat(page.<Boolean>path("totalIsEstimate")).isTrue();
    assertThat(page.<Integer>path("total")).isGreaterThanOrEqualTo(4);
    assertThat(page.<List<String>>path("items.id")).hasSize(2);
  }

  @Test
  void theEstimateIsTheDatabasePlannersFigureNotTheLimit() {
    for (int i = 0; i < 20; i++) {
      lead("{\"companyName\":\"" + marker() + "\",\"country\":\"ZW\"}");
    }
    Agent.sql("ANALYZE lead");

    ExtractableResponse<Response> page = succeeded(list(Map.of("country", "ZW", "size", 1)));

    assertThat(page.<Boolean>path("totalIsEstimate")).isTrue();
    assertThat(page.<Integer>path("total")).as("the planner's estimate, not the 4 leads counted").isGreaterThanOrEqualTo(20);
  }

  @Test
  void exactTotalCountsEveryMatchingLeadAboveTheLimit() {
    String marker = marker();
    leads(marker, 6);

    ExtractableResponse<Response> page = succeeded(list(query(marker, "size", 2, "exactTotal", true)));

    assertThat(page.<Integer>path("total")).isEqualTo(6);
    assertThat(page.<Boolean>path("totalIsEstimate")).isFalse();
  }

  @Test
  void theLastPageByOffsetShowsTheExactTotalWhateverTheLimit() {
    String marker = marker();
    leads(marker, 5);

    ExtractableResponse<Response> last = succeeded(list(query(marker, "size", 2, "page", 2)));

    assertThat(last.<Integer>path("total")).isEqualTo(5);
    assertThat(last.<Boolean>path("totalIsEstimate")).isFalse();
    assertThat(last.<String>path("nextCursor")).isNull();
  }

  @Test
  void aSellersTotalCountsOnlyTheirOwnLeads() {
    String marker = marker();
    String alice = TestTokens.seller("seller-alice-total");
    String bob = TestTokens.seller("seller-bob-total");
    for (int i = 0; i < 5; i++) {
      succeeded(asCaller(alice).contentType(ContentType.JSON).body("{\"companyName\":\"" + marker + "\"}").post(BASE).then().extract());
    }
    succeeded(asCaller(bob).contentType(ContentType.JSON).body("{\"companyName\":\"" + marker + "\"}").post(BASE).then().extract());
    succeeded(asCaller(bob).contentType(ContentType.JSON).body("{\"companyName\":\"" + marker + "\"}").post(BASE).then().extract());

    ExtractableResponse<Response> bobs = succeeded(asCaller(bob).queryParams(query(marker, "size", 1)).get(BASE).then().extract());
    ExtractableResponse<Response> bobsExact =
        succeeded(asCaller(bob).queryParams(query(marker, "size", 1, "exactTotal", true)).get(BASE).then().extract());

    assertThat(bobs.<Integer>path("total")).isEqualTo(2);
    assertThat(bobs.<Boolean>path("totalIsEstimate")).isFalse();
    assertThat(bobsExact.<Integer>path("total")).isEqualTo(2);
  }

  @Test
  void exactTotalMustBeTrueOrFalse() {
    assertThat(invalidFields(list(Map.of("exactTotal", "yes")))).containsExactly("exactTotal");
  }

  // --- The cursor ------------------------------------------------------------------------------

  @ParameterizedTest(name = "sort={0}")
  @CsvSource({
    "'createdAt,desc'", "'createdAt,asc'", "'updatedAt,desc'", "'updatedAt,asc'",
    "'lastName,asc'", "'lastName,desc'", "'companyName,asc'", "'companyName,desc'",
    "'country,asc'", "'country,desc'", "'state,asc'", "'state,desc'",
    "'readiness,desc'", "'readiness,asc'", "'score,desc'", "'score,asc'",
  })
  void theCursorWalksEveryLeadOnceInTheOrderOfTheSort(String sort) {
    String marker = marker();
    // Equal values and missing ones in every sorted field, so that ids break ties and nulls have their place.
    lead("{\"lastName\":\"" + marker + "b\",\"country\":\"DE\"}");
    lead("{\"lastName\":\"" + marker + "a\",\"companyName\":\"" + marker + " x\"}");
    lead("{\"companyName\":\"" + marker + " x\",\"country\":\"DE\"}");
    lead("{\"lastName\":\"" + marker + "a\",\"companyName\":\"" + marker + " y\",\"country\":\"FR\"}");
    succeeded(Leads.disqualify(lead("{\"lastName\":\"" + marker + "c\"}"), "Lost"));
    lead("{\"companyName\":\"" + marker + " z\",\"country\":\"BE\"}");
    lead("{\"lastName\":\"" + marker + "b\",\"companyName\":\"" + marker + " y\",\"country\":\"GB\"}");
    List<String> inOrder = succeeded(list(query(marker, "sort", sort, "size", 200))).path("items.id");

    List<String> walked = walk(query(marker, "sort", sort), 2);

    assertThat(inOrder).hasSize(7);
    assertThat(walked).isEqualTo(inOrder);
  }

  @Test
  void theCursorKeepsTheFilters() {
    String marker = marker();
    String first = lead("{\"companyName\":\"" + marker + "\",\"country\":\"DE\"}");
    lead("{\"companyName\":\"" + marker + "\",\"country\":\"FR\"}");
    String second = lead("{\"companyName\":\"" + marker + "\",\"country\":\"DE\"}");
    lead("{\"companyName\":\"" + marker + "\",\"country\":\"FR\"}");
    String third = lead("{\"companyName\":\"" + marker + "\",\"country\":\"DE\"}");

    assertThat(walk(query(marker, "country", "DE", "sort", "createdAt,asc"), 1)).containsExactly(first, second, third);
  }

  @Test
  void aCursorWalkNeitherRepeatsNorSkipsALeadWhenLeadsAreAddedMeanwhile() {
    String marker = marker();
    List<String> before = leads(marker, 4);
    ExtractableResponse<Response> first = succeeded(list(query(marker, "sort", "createdAt,asc", "size", 2)));
    leads(marker, 1);

    ExtractableResponse<Response> second =
        succeeded(list(query(marker, "sort", "createdAt,asc", "size", 2, "cursor", first.path("nextCursor"))));

    assertThat(first.<List<String>>path("items.id")).containsExactlyElementsOf(before.subList(0, 2));
    assertThat(second.<List<String>>path("items.id")).containsExactlyElementsOf(before.subList(2, 4));
    assertThat(second.<Integer>path("page")).isEqualTo(1);
  }

  @Test
  void anAlteredCutOrMadeUpCursorIsRefused() {
    String marker = marker();
    leads(marker, 3);
    String cursor = succeeded(list(query(marker, "size", 1))).path("nextCursor");
    char middle = cursor.charAt(10);
    String altered = cursor.substring(0, 10) + (middle == 'A' ? 'B' : 'A') + cursor.substring(11);

    for (String bad : List.of(altered, cursor.substring(0, cursor.length() / 2), "not a cursor", "AAAA", "%00", "x".repeat(3000))) {
      ExtractableResponse<Response> refused = list(query(marker, "size", 1, "cursor", bad));
      assertThat(refused.statusCode()).as(bad).isEqualTo(400);
      assertThat(refused.contentType()).startsWith(Leads.PROBLEM);
      assertThat(refused.<List<String>>path("errors.field")).as(bad).containsExactly("cursor");
    }
  }

  @Test
  void aCursorIsRefusedWithOtherFiltersAnotherSortOrAPage() {
    String marker = marker();
    leads(marker, 3);
    String cursor = succeeded(list(query(marker, "size", 1))).path("nextCursor");

    assertThat(invalidFields(list(query(marker, "cursor", cursor, "country", "DE")))).containsExactly("cursor");
    assertThat(invalidFields(list(query(marker, "cursor", cursor, "sort", "createdAt,asc")))).containsExactly("cursor");
    assertThat(invalidFields(list(query(marker, "cursor", cursor, "sort", "lastName,desc")))).containsExactly("cursor");
    assertThat(invalidFields(list(query(marker, "cursor", cursor, "page", 1)))).containsExactly("page");
    assertThat(succeeded(list(query(marker, "cursor", cursor, "size", 5))).<List<String>>path("items.id")).hasSize(2);
  }

  @Test
  void anotherSellersCursorShowsOnlyTheCallersOwnLeads() {
    String marker = marker();
    String alice = TestTokens.seller("seller-alice-cursor");
    String bob = TestTokens.seller("seller-bob-cursor");
    List<String> alices = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      alices.add(
          succeeded(asCaller(alice).contentType(ContentType.JSON).body("{\"companyName\":\"" + marker + "\"}").post(BASE).then().extract())
              .path("id"));
    }
    String bobs =
        succeeded(asCaller(bob).contentType(ContentType.JSON).body("{\"companyName\":\"" + marker + "\"}").post(BASE).then().extract())
            .path("id");
    String alicesCursor =
        succeeded(asCaller(alice).queryParams(query(marker, "size", 1, "sort", "createdAt,asc")).get(BASE).then().extract())
            .path("nextCursor");

    ExtractableResponse<Response> bobsPage =
        succeeded(asCaller(bob).queryParams(query(marker, "size", 10, "sort", "createdAt,asc", "cursor", alicesCursor)).get(BASE).then().extract());

    assertThat(bobsPage.<List<String>>path("items.id")).containsExactly(bobs).doesNotContainAnyElementsOf(alices);
    assertThat(bobsPage.<List<String>>path("items.ownerId")).containsOnly("seller-bob-cursor");
  }

  private static io.restassured.specification.RequestSpecification asCaller(String token) {
    return given().header("Authorization", "Bearer " + token);
  }
}
