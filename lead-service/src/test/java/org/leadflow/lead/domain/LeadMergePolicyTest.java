package org.leadflow.lead.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.leadflow.lead.domain.LeadMerge.Source;

/** The merge's rules, without a database: which field comes from where, and who may take part. */
class LeadMergePolicyTest {

  private static final Actor ACTOR = new Actor("manager", Actor.Channel.USER);
  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

  private static Lead lead(String firstName, String lastName, String email, Map<String, Object> attributes) {
    LeadDetails details = new LeadDetails(firstName, lastName, null, null, email, null, null, null, null, null, null, null, null, null, attributes);
    return Lead.capture(details, Qualification.EMPTY, "seller", ACTOR, NOW);
  }

  @Test
  void aFieldNotChosenKeepsTheMastersValueOrTakesTheDuplicatesWhereTheMasterHasNone() {
    Lead master = lead(null, "Lovelace", "ada@engines.example", Map.of("tier", 1));
    Lead duplicate = lead("Augusta", "King", "augusta@engines.example", Map.of("tier", 2, "newsletter", true));

    Map<String, Source> chosen = LeadMerge.choices(master, duplicate, Map.of("email", Source.DUPLICATE));

    assertThat(chosen)
        .containsEntry("firstName", Source.DUPLICATE)
        .containsEntry("lastName", Source.MASTER)
        .containsEntry("email", Source.DUPLICATE)
        .containsEntry("attributes.tier", Source.MASTER)
        .containsEntry("attributes.newsletter", Source.DUPLICATE)
        .containsEntry("qualification.budget", Source.MASTER)
        .containsKeys(LeadMerge.FIELDS.toArray(String[]::new));
    LeadMerge.Outcome outcome = LeadMerge.merge(master, duplicate, chosen, 0, 0, ACTOR, NOW);
    assertThat(master.details().firstName()).isEqualTo("Augusta");
    assertThat(master.details().lastName()).isEqualTo("Lovelace");
    assertThat(master.details().email()).isEqualTo("augusta@engines.example");
    assertThat(master.details().attributes()).containsExactlyInAnyOrderEntriesOf(Map.of("tier", 1, "newsletter", true));
    assertThat(duplicate.statusReason()).isEqualTo(StatusReason.MERGED);
    assertThat(outcome.master()).hasSize(2).last().isInstanceOf(LeadEvent.Merged.class);
    assertThat(outcome.duplicate()).singleElement().isInstanceOfSatisfying(LeadEvent.Merged.class, merged -> {
      assertThat(merged.isMaster()).isFalse();
      assertThat(merged.from()).isEqualTo(StatusReason.NEW);
      assertThat(merged.to()).isEqualTo(StatusReason.MERGED);
    });
  }

  @Test
  void choosingWhatNeitherLeadCanGiveIsRefusedNamingEachField() {
    Lead master = lead(null, "Lovelace", null, Map.of());
    Lead duplicate = lead(null, "King", null, Map.of());

    assertThatThrownBy(() -> LeadMerge.choices(master, duplicate, Map.of("ownerId", Source.DUPLICATE, "attributes.none", Source.MASTER)))
        .isInstanceOfSatisfying(LeadMerge.InvalidChoicesException.class, refused -> assertThat(refused.problems()).containsOnlyKeys("ownerId", "attributes.none"));
  }

  @Test
  void aLeadIsNotMergedIntoItselfNorIsAMergedLeadMergedAgainOrReactivated() {
    Lead master = lead(null, "Lovelace", null, Map.of());
    Lead duplicate = lead(null, "King", null, Map.of());
    Lead other = lead(null, "Byron", null, Map.of());

    assertThatThrownBy(() -> LeadMerge.check(master, master)).isInstanceOf(LeadMerge.IntoItselfException.class);
    LeadMerge.merge(master, duplicate, LeadMerge.choices(master, duplicate, Map.of()), 0, 0, ACTOR, NOW);

    assertThatThrownBy(() -> LeadMerge.check(other, duplicate)).isInstanceOf(TransitionNotAllowedException.class);
    assertThatThrownBy(() -> LeadMerge.check(duplicate, other)).isInstanceOf(TransitionNotAllowedException.class);
    assertThatThrownBy(() -> duplicate.reactivate(null, null, ACTOR, NOW)).isInstanceOf(TransitionNotAllowedException.class);
  }
}
