package org.leadflow.lead.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.leadflow.lead.application.LeadEdit;
import org.leadflow.lead.domain.Actor;
import org.leadflow.lead.domain.Lead;
import org.leadflow.lead.domain.LeadDetails;
import org.leadflow.lead.domain.LeadFields;
import org.leadflow.lead.domain.Qualification;

/**
 * A lead field is written in a handful of places, and this test fails until every one has it:
 *
 * <ol>
 *   <li>the domain value: a component of {@link LeadDetails} or of a {@link Qualification} criterion
 *       (with its column, in a migration);
 *   <li>{@link LeadFields}, the one list of editable fields (history, lead events, merge-patch base);
 *   <li>the API's {@link LeadInput} and {@link LeadResponse} (and the published OpenAPI document);
 *   <li>their mapping: {@link LeadMapper#toEdit} and {@link LeadResponseMapper#toResponse}, and the
 *       fully filled request below.
 * </ol>
 *
 * The event contracts carry the subset they document, written in {@code service/LeadEvents}.
 */
@QuarkusTest
class LeadFieldListTest {

  /** Every editable field set, written as lead-service stores it (so that it reads back the same). */
  static final LeadInput EVERY_FIELD =
      new LeadInput(
          "Ada",
          "Lovelace",
          "Analytical Engines Ltd",
          "Head of Operations",
          "ada@analytical-engines.example",
          "+442079460123",
          "https://analytical-engines.example",
          "Trade Show",
          "Manufacturing",
          250,
          new MoneyDto("12500000.00", "GBP"),
          "GB",
          "London",
          "seller-1",
          "Met at the booth",
          Map.of("campaign", "spring-expo"),
          new QualificationInput(
              new QualificationInput.Budget(new MoneyDto("50000.00", "GBP"), "Can Buy", "Approved in May"),
              new QualificationInput.Authority(true, "Committee", "The CFO signs"),
              new QualificationInput.Need("Must Have", "Replaces spreadsheets"),
              new QualificationInput.Timeline("This Quarter", "Before the audit"),
              new QualificationInput.Fit("Our kind of manufacturer")));

  @Inject LeadMapper requests;
  @Inject LeadResponseMapper responses;
  @Inject ObjectMapper json;

  @Test
  void theFieldListNamesEveryValueOfTheLeadThatAPersonEdits() {
    List<String> domain = new ArrayList<>(names(LeadDetails.class, ""));
    domain.add("ownerId");
    for (RecordComponent criterion : Qualification.class.getRecordComponents()) {
      names(criterion.getType(), "qualification." + criterion.getName() + ".").stream()
          .filter(name -> !name.endsWith(".captured"))
          .forEach(domain::add);
    }

    assertThat(LeadFields.names()).containsExactlyInAnyOrderElementsOf(domain);
  }

  @Test
  void theRequestSetsEveryFieldAndTheResponseShowsEveryOne() {
    assertThat(names(LeadInput.class, "")).containsExactlyInAnyOrderElementsOf(LeadFields.names());
    assertThat(names(LeadResponse.class, "")).containsAll(LeadFields.names());
  }

  @Test
  void everyFieldOfARequestReachesTheLeadItsResponseAndTheBaseOfAMergePatch() throws Exception {
    LeadEdit edit = requests.toEdit(EVERY_FIELD);
    Lead lead = Lead.capture(edit.details(), edit.qualification(), edit.ownerId(), new Actor("seller-1", Actor.Channel.USER), Instant.now());

    assertThat(LeadFields.of(lead)).allSatisfy((field, value) -> assertThat(value).as(field).isNotNull());
    JsonNode response = json.valueToTree(responses.toResponse(lead));
    JsonNode request = json.valueToTree(EVERY_FIELD);
    for (String field : LeadFields.names()) {
      String pointer = "/" + field.replace('.', '/');
      assertThat(response.at(pointer)).as(field).isEqualTo(request.at(pointer));
    }
    LeadInput base = json.treeToValue(json.valueToTree(LeadFields.nested(LeadFields.of(lead))), LeadInput.class);
    assertThat(base).isEqualTo(EVERY_FIELD);
  }

  /** The record's components by API name; nested records (not money) by their dotted path. */
  private static List<String> names(Class<?> type, String prefix) {
    List<String> names = new ArrayList<>();
    for (RecordComponent component : type.getRecordComponents()) {
      Class<?> value = component.getType();
      boolean nested = value.isRecord() && !Set.of(MoneyDto.class, ConversionResponse.class).contains(value)
          && value.getPackageName().equals(LeadInput.class.getPackageName());
      if (nested) {
        names.addAll(names(value, prefix + component.getName() + "."));
      } else {
        names.add(prefix + component.getName());
      }
    }
    return names;
  }
}
