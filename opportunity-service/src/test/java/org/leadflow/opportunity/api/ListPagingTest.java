package org.leadflow.opportunity.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leadflow.opportunity.Api.ACCOUNTS;
import static org.leadflow.opportunity.Api.CONTACTS;
import static org.leadflow.opportunity.Api.OPPORTUNITIES;
import static org.leadflow.opportunity.Api.POSSIBLE_DUPLICATES;
import static org.leadflow.opportunity.Api.invalidFields;
import static org.leadflow.opportunity.Api.list;
import static org.leadflow.opportunity.Api.succeeded;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Paging of every collection: a page past the integer range is a 400 naming it, never a 500. */
@QuarkusTest
class ListPagingTest {

  @ParameterizedTest
  @ValueSource(strings = {OPPORTUNITIES, ACCOUNTS, CONTACTS, POSSIBLE_DUPLICATES})
  void aPageWhoseFirstRowIsPastTheIntegerRangeIsA400NamingPage(String collection) {
    assertThat(invalidFields(list(collection, Map.of("page", "2147483647")))).containsExactly("page");
    assertThat(invalidFields(list(collection, Map.of("page", "2147483648")))).containsExactly("page");
    assertThat(invalidFields(list(collection, Map.of("page", "10737418", "size", "200")))).containsExactly("page");
    assertThat(invalidFields(list(collection, Map.of("page", "1073741823", "size", "2")))).containsExactly("page");
    assertThat(invalidFields(list(collection, Map.of("size", "4294967297")))).containsExactly("size");
  }

  @ParameterizedTest
  @ValueSource(strings = {OPPORTUNITIES, ACCOUNTS, CONTACTS, POSSIBLE_DUPLICATES})
  void theLastPageWithinTheIntegerRangeIsAnEmptyPage(String collection) {
    ExtractableResponse<Response> page = succeeded(list(collection, Map.of("page", "10737417", "size", "200")));

    assertThat(page.<List<?>>path("items")).isEmpty();
    assertThat(page.<Integer>path("page")).isEqualTo(10737417);
  }

  @ParameterizedTest
  @ValueSource(strings = {"+9999999-01-01", "-0001-01-01", "1899-12-31", "+10000-01-01"})
  void aCloseDateFilterOutsideYears1900To9999IsA400NamingIt(String date) {
    assertThat(invalidFields(list(OPPORTUNITIES, Map.of("closeDateFrom", date)))).containsExactly("closeDateFrom");
    assertThat(invalidFields(list(OPPORTUNITIES, Map.of("closeDateTo", date)))).containsExactly("closeDateTo");
  }
}
