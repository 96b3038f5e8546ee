package org.leadflow.lead.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.leadflow.lead.api.Leads.BASE;
import static org.leadflow.lead.api.Leads.invalidFields;
import static org.leadflow.lead.api.Leads.succeeded;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every list of lead-service reads a page by row offsets, which the database takes as ints: a page
 * past them is a 400 naming {@code page}, never a 500, whatever the list.
 */
@QuarkusTest
class PagingLimitsTest {

  /** One page of the named list: all leads, or a new lead's activities or history. */
  private static ExtractableResponse<Response> list(String list, Map<String, ?> query) {
    var request = given().queryParams(query);
    return switch (list) {
      case "leads" -> request.get(BASE).then().extract();
      case "activities" -> request.get(BASE + "/{id}/activities", Leads.newLead()).then().extract();
      case "history" -> request.get(BASE + "/{id}/history", Leads.newLead()).then().extract();
      default -> throw new IllegalArgumentException(list);
    };
  }

  @ParameterizedTest(name = "{0}: page={1}, size={2}")
  @CsvSource({
    "leads, 2147483647, 1",
    "leads, 2147483647, ",
    "leads, 10737418, 200",
    "leads, 42949673, 50",
    "activities, 2147483647, ",
    "activities, 10737418, 200",
    "history, 2147483647, 1",
    "history, 42949673, 50",
  })
  void aPageWhoseRowsArePastTheIntegerRangeIsA400NamingPage(String list, String page, String size) {
    Map<String, Object> query = new HashMap<>(Map.of("page", page));
    if (size != null) {
      query.put("size", size);
    }
    assertThat(invalidFields(list(list, query))).containsExactly("page");
  }

  @ParameterizedTest
  @ValueSource(strings = {"leads", "activities", "history"})
  void theLastPageWithinTheIntegerRangeIsAnEmptyPage(String list) {
    ExtractableResponse<Response> answer = succeeded(list(list, Map.of("page", 10737417, "size", 200)));
    assertThat(answer.<List<Object>>path("items")).isEmpty();
    assertThat(answer.<Integer>path("page")).isEqualTo(10737417);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2147483648", "99999999999999999999", "-2147483649", "1e3", "0x10"})
  void aNumberPastTheIntegerRangeOrNotWholeIsA400NamingTheParameter(String value) {
    for (String list : new String[] {"leads", "activities", "history"}) {
      assertThat(invalidFields(list(list, Map.of("page", value)))).as(list).containsExactly("page");
      assertThat(invalidFields(list(list, Map.of("size", value)))).as(list).containsExactly("size");
    }
  }
}
