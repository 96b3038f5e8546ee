package org.leadflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IfMatchAndMergePatchTest {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void anIfMatchNamesAVersionQuotedWeakOrBare() {
    assertThat(IfMatch.required("\"3\"")).isEqualTo(3);
    assertThat(IfMatch.required("W/\"3\"")).isEqualTo(3);
    assertThat(IfMatch.required(" 3 ")).isEqualTo(3);
    assertThat(IfMatch.optional("*")).isEmpty();
    assertThat(IfMatch.optional(null)).isEqualTo(Optional.empty());
  }

  @Test
  void anEditWithoutIfMatchIsRefusedAndAnIfMatchThatIsNoVersionIsInvalid() {
    assertThatThrownBy(() -> IfMatch.required(null)).isInstanceOf(IfMatch.PreconditionRequiredException.class);
    assertThatThrownBy(() -> IfMatch.required("*")).isInstanceOf(IfMatch.PreconditionRequiredException.class);
    assertThatThrownBy(() -> IfMatch.required("\"abc\"")).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> IfMatch.required("\"-1\"")).isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void aMergePatchReplacesRemovesAndMergesMembers() throws Exception {
    var target = json.readTree("{\"name\":\"Engines\",\"city\":\"London\",\"revenue\":{\"amount\":\"1.00\",\"currency\":\"GBP\"},\"prices\":[1,2]}");
    var patch = json.readTree("{\"city\":null,\"revenue\":{\"amount\":\"2.00\"},\"prices\":[3]}");

    assertThat(MergePatch.apply(target, patch))
        .isEqualTo(json.readTree("{\"name\":\"Engines\",\"revenue\":{\"amount\":\"2.00\",\"currency\":\"GBP\"},\"prices\":[3]}"));
    assertThat(target.get("city").asText()).isEqualTo("London");
    assertThatThrownBy(() -> MergePatch.object(json.readTree("[1]"))).isInstanceOf(InvalidRequestException.class);
  }
}
