package org.leadflow.lead.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.leadflow.devstack.tokens.TestTokens;

/**
 * Each caller has a budget of requests (README.md, section Security); here a tiny one, on a clock
 * that moves only when the test moves it.
 */
@QuarkusTest
@TestProfile(RequestBudgetTest.ThreeRequestsPerThreeSeconds.class)
class RequestBudgetTest {

  public static class ThreeRequestsPerThreeSeconds implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("leadflow.rate-limit.requests", "3", "leadflow.rate-limit.window", "PT3S");
    }

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
      return Set.of(ManualClock.class);
    }
  }

  @Inject ManualClock clock;

  private static ExtractableResponse<Response> listLeads(String token) {
    return given().header("Authorization", "Bearer " + token).get("/api/v1/leads?size=1").then().extract();
  }

  @Test
  void pastItsBudgetACallerIsToldWhenToComeBackAndIsServedAgainThen() {
    String caller = TestTokens.seller("budget-" + UUID.randomUUID());
    for (int i = 0; i < 3; i++) {
      assertThat(listLeads(caller).statusCode()).isEqualTo(200);
    }

    ExtractableResponse<Response> refused = listLeads(caller);

    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.<String>path("type")).endsWith("/rate-limited");
    // One request comes back every second.
    assertThat(refused.header("Retry-After")).isEqualTo("1");
    assertThat(listLeads(TestTokens.seller("budget-" + UUID.randomUUID())).statusCode())
        .as("another caller's budget is untouched")
        .isEqualTo(200);

    clock.advance(Duration.ofMillis(999));
    assertThat(listLeads(caller).statusCode()).isEqualTo(429);
    clock.advance(Duration.ofMillis(1));
    assertThat(listLeads(caller).statusCode()).isEqualTo(200);
    assertThat(listLeads(caller).statusCode()).as("one request came back, not more").isEqualTo(429);
    clock.advance(Duration.ofSeconds(3));
    for (int i = 0; i < 3; i++) {
      assertThat(listLeads(caller).statusCode()).as("the whole budget is back").isEqualTo(200);
    }
  }
}
