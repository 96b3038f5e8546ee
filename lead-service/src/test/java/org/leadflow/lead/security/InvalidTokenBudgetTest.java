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
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.leadflow.devstack.tokens.TestTokens;
import org.leadflow.devstack.tokens.TokenTestResource.DefaultBearerToken;

/**
 * Requests with invalid bearer tokens are budgeted per client address (README.md, section
 * Security): here five per minute, on a clock that moves only when the test moves it.
 */
@QuarkusTest
@TestProfile(InvalidTokenBudgetTest.FiveInvalidTokensPerMinute.class)
class InvalidTokenBudgetTest {

  public static class FiveInvalidTokensPerMinute implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("leadflow.rate-limit.invalid-tokens.requests", "5", "leadflow.rate-limit.invalid-tokens.window", "PT1M");
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
  void pastItsBudgetOfInvalidTokensAnAddressWaitsBeforeAnyTokenOfItIsVerifiedAgain() {
    String forged = TestTokens.issuer().token("mallory", null, List.of("sales-manager")).signedByAnotherKey().sign();
    for (int i = 0; i < 5; i++) {
      assertThat(listLeads(forged).statusCode()).isEqualTo(401);
    }

    ExtractableResponse<Response> refused = listLeads(forged);

    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.<String>path("type")).endsWith("/rate-limited");
    // One invalid token comes back every 12 seconds.
    assertThat(refused.header("Retry-After")).isEqualTo("12");
    assertThat(listLeads(TestTokens.seller("seller-sue")).statusCode())
        .as("no token from the address is verified until then, valid or not")
        .isEqualTo(429);
    assertThat(given().noFiltersOfType(DefaultBearerToken.class).get("/api/v1/leads").then().extract().statusCode())
        .as("a request without a token costs no verification and is not held")
        .isEqualTo(401);

    clock.advance(Duration.ofSeconds(12));
    assertThat(listLeads(TestTokens.seller("seller-sue")).statusCode()).isEqualTo(200);
    assertThat(listLeads(forged).statusCode()).isEqualTo(401);
    assertThat(listLeads(forged).statusCode()).as("one came back, not more").isEqualTo(429);
  }
}
