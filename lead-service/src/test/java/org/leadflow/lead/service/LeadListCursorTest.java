package org.leadflow.lead.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The lead list's cursor: what it carries comes back whole, and nothing else is read as one. */
class LeadListCursorTest {

  private static final UUID ID = UUID.fromString("0191b2a4-7c1e-7000-8000-000000000001");

  @Test
  void aCursorCarriesItsPageSortValueIdAndFingerprint() {
    for (Object value : new Object[] {"Smithers", 87, Instant.parse("2026-11-30T03:04:05.123456Z"), null}) {
      LeadListCursor cursor = new LeadListCursor(3, value, ID, 42L);
      Class<?> kind = value == null ? String.class : value.getClass();

      assertThat(LeadListCursor.decode(cursor.encode(), kind)).isEqualTo(cursor);
    }
  }

  @Test
  void aCursorIsReadOnlyForTheKindOfValueItsSortHolds() {
    String byName = new LeadListCursor(1, "Smithers", ID, 1L).encode();

    assertThatThrownBy(() -> LeadListCursor.decode(byName, Instant.class)).isInstanceOf(LeadListCursor.InvalidCursorException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "AAAA", "not a cursor", "////", "AQAAAAAAAAAAAQ"})
  void textThatNoListGaveIsNoCursor(String text) {
    assertThatThrownBy(() -> LeadListCursor.decode(text, String.class)).isInstanceOf(LeadListCursor.InvalidCursorException.class);
  }

  @Test
  void aChangedByteIsSeen() {
    byte[] bytes = Base64.getUrlDecoder().decode(new LeadListCursor(2, 50, ID, 7L).encode());
    bytes[12] ^= 1;
    String altered = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);

    assertThatThrownBy(() -> LeadListCursor.decode(altered, Integer.class)).isInstanceOf(LeadListCursor.InvalidCursorException.class);
  }

  @Test
  void aHandMadeCursorWithAValueTheDatabaseCannotCompareIsRefused() {
    // The checksum is no secret, so a well-formed cursor can be made by hand: its values are checked all the same.
    String nul = new LeadListCursor(1, "a\u0000b", ID, 1L).encode();
    String farFuture = new LeadListCursor(1, Instant.parse("+20000-01-01T00:00:00Z"), ID, 1L).encode();
    String firstPage = new LeadListCursor(0, 5, ID, 1L).encode();

    assertThatThrownBy(() -> LeadListCursor.decode(nul, String.class)).isInstanceOf(LeadListCursor.InvalidCursorException.class);
    assertThatThrownBy(() -> LeadListCursor.decode(farFuture, Instant.class)).isInstanceOf(LeadListCursor.InvalidCursorException.class);
    assertThatThrownBy(() -> LeadListCursor.decode(firstPage, Integer.class)).isInstanceOf(LeadListCursor.InvalidCursorException.class);
  }
}
