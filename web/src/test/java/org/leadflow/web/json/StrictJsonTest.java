package org.leadflow.web.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.leadflow.web.FieldError;
import org.leadflow.web.Problems;

/** The JSON rules of both services, on a mapper customized as Quarkus customizes theirs. */
class StrictJsonTest {

  record Draft(
      String name,
      Integer seats,
      boolean dryRun,
      Boolean createAccount,
      int count,
      LocalDate closeDate,
      Instant at,
      UUID accountId,
      Map<String, Object> attributes,
      List<String> tags) {}

  private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());

  StrictJsonTest() {
    new StrictJson().customize(json);
  }

  private FieldError refusal(String body) {
    try {
      json.readValue(body, Draft.class);
    } catch (JsonProcessingException e) {
      return Problems.fieldError(e);
    }
    throw new AssertionError("accepted: " + body);
  }

  @Test
  void plainValuesAreReadAsBeforeAndAnOmittedBooleanIsFalse() throws Exception {
    Draft draft =
        json.readValue(
            "{\"name\":\"Ada \\ud83d\\ude00\",\"seats\":5,\"closeDate\":\"2027-03-31\",\"attributes\":{\"n\":1.5,\"ok\":true},\"tags\":[\"a\"]}",
            Draft.class);

    assertThat(draft.name()).isEqualTo("Ada \ud83d\ude00");
    assertThat(draft.dryRun()).isFalse();
    assertThat(draft.closeDate()).isEqualTo(LocalDate.of(2027, 3, 31));
    assertThat(draft.attributes()).containsEntry("ok", true);
    assertThat(json.readValue("{\"seats\":null,\"name\":null,\"createAccount\":null}", Draft.class).createAccount()).isNull();
    assertThat(draft.count()).isZero();
    assertThat(json.treeToValue(json.readTree("{\"seats\":null}"), Draft.class).seats()).isNull();
  }

  @Test
  void noValueIsCoercedIntoAnother() {
    assertThat(refusal("{\"name\":true}").field()).isEqualTo("name");
    assertThat(refusal("{\"name\":1e309}").field()).isEqualTo("name");
    assertThat(refusal("{\"seats\":\"5\"}").field()).isEqualTo("seats");
    assertThat(refusal("{\"seats\":2.5}").field()).isEqualTo("seats");
    assertThat(refusal("{\"dryRun\":\"true\"}").field()).isEqualTo("dryRun");
    assertThat(refusal("{\"dryRun\":1}").field()).isEqualTo("dryRun");
    assertThat(refusal("{\"dryRun\":null}")).isEqualTo(new FieldError("dryRun", "must not be null"));
    assertThat(refusal("{\"count\":null}")).isEqualTo(new FieldError("count", "must not be null"));
    assertThat(refusal("{\"tags\":[7]}").field()).isEqualTo("tags[0]");
  }

  @Test
  void datesTimesAndIdsAreTextOnlyAndNeverBlank() throws Exception {
    assertThat(refusal("{\"at\":42}").field()).isEqualTo("at");
    assertThat(refusal("{\"at\":1e309}").field()).isEqualTo("at");
    assertThat(refusal("{\"closeDate\":[2027,3,31]}").field()).isEqualTo("closeDate");
    assertThat(refusal("{\"closeDate\":[]}").field()).isEqualTo("closeDate");
    assertThat(refusal("{\"closeDate\":\"\"}")).isEqualTo(new FieldError("closeDate", "must not be empty"));
    assertThat(refusal("{\"accountId\":\"   \"}")).isEqualTo(new FieldError("accountId", "must not be empty"));
    assertThat(refusal("{\"accountId\":\"\\u0000\"}").field()).isEqualTo("accountId");
    assertThat(refusal("{\"accountId\":7}").field()).isEqualTo("accountId");
    UUID id = UUID.randomUUID();
    Draft draft = json.readValue("{\"accountId\":\"" + id + "\",\"at\":\"2027-03-31T09:30:00Z\",\"closeDate\":null}", Draft.class);
    assertThat(draft.accountId()).isEqualTo(id);
    assertThat(draft.at()).isEqualTo(Instant.parse("2027-03-31T09:30:00Z"));
    assertThat(draft.closeDate()).isNull();
  }

  @Test
  void numbersStayWithinTheirType() {
    assertThat(refusal("{\"seats\":99999999999}")).isEqualTo(new FieldError("seats", "is beyond the range of its type"));
    assertThat(refusal("{\"attributes\":{\"huge\":1e309}}")).isEqualTo(new FieldError("attributes.huge", "must be a finite number"));
  }

  @Test
  void aMemberGivenTwiceOrAnythingAfterTheBodyIsRefused() {
    assertThat(refusal("{\"name\":\"a\",\"name\":\"b\"}")).isEqualTo(new FieldError("name", "appears more than once"));
    assertThat(refusal("{\"attributes\":{\"k\":1,\"k\":2}}").field()).isEqualTo("attributes.k");
    assertThat(refusal("{\"name\":\"a\"} {}").field()).isEqualTo("body");
  }

  @Test
  void textWithNulOrALoneSurrogateIsRefusedAtAnyDepth() {
    assertThat(refusal("{\"name\":\"a\\u0000b\"}").field()).isEqualTo("name");
    assertThat(refusal("{\"name\":\"a\\ud800b\"}").field()).isEqualTo("name");
    assertThat(refusal("{\"name\":\"\\udc00\"}").field()).isEqualTo("name");
    assertThat(refusal("{\"tags\":[\"ok\",\"\\u0000\"]}").field()).isEqualTo("tags[1]");
    assertThat(refusal("{\"attributes\":{\"k\":{\"deep\":[\"\\ud800\"]}}}").field()).startsWith("attributes.k");
    FieldError key = refusal("{\"attributes\":{\"a\\u0000b\":1}}");
    assertThat(key.field()).startsWith("attributes");
    assertThat(key.message()).contains("NUL");
  }

  @Test
  void treesAreCheckedToo() {
    assertThatThrownBy(() -> json.readValue("{\"a\":{\"b\":\"\\u0000\"}}", JsonNode.class))
        .isInstanceOf(RefusedValueException.class)
        .satisfies(e -> assertThat(Problems.fieldError((JsonProcessingException) e).field()).isEqualTo("a.b"));
  }

  @Test
  void datesAndTimesLieInTheYears1900To9999() {
    assertThat(refusal("{\"closeDate\":\"+9999999-01-01\"}"))
        .isEqualTo(new FieldError("closeDate", "must be a date from 1900-01-01 to 9999-12-31"));
    assertThat(refusal("{\"closeDate\":\"1899-12-31\"}").field()).isEqualTo("closeDate");
    assertThat(refusal("{\"at\":\"+999999999-01-01T00:00:00Z\"}").field()).isEqualTo("at");
    assertThat(refusal("{\"at\":\"-0001-01-01T00:00:00Z\"}").field()).isEqualTo("at");
  }
}
