package org.leadflow.devstack.tokens;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.util.Map;

/**
 * Makes a {@code @QuarkusTest} application trust {@link TestTokens}, and makes every REST Assured
 * request of the tests carry the {@link TestTokens#DEFAULT_CALLER default caller}'s token (a sales
 * manager, who may do anything with any lead) unless it sets an Authorization header of its own.
 * A test that wants no token at all says {@code given().noFiltersOfType(DefaultBearerToken.class)}.
 */
public class TokenTestResource implements QuarkusTestResourceLifecycleManager {

  @Override
  public Map<String, String> start() {
    RestAssured.filters(new DefaultBearerToken(TestTokens.defaultCaller()));
    return TestTokens.verificationConfig();
  }

  @Override
  public void stop() {
    RestAssured.replaceFiltersWith(
        RestAssured.filters().stream().filter(filter -> !(filter instanceof DefaultBearerToken)).toList());
  }

  /** Adds the default caller's token to a request that has no Authorization header. */
  public static final class DefaultBearerToken implements Filter {

    private final String header;

    DefaultBearerToken(String token) {
      this.header = "Bearer " + token;
    }

    @Override
    public Response filter(
        FilterableRequestSpecification request, FilterableResponseSpecification response, FilterContext context) {
      if (!request.getHeaders().hasHeaderWithName("Authorization")) {
        request.header("Authorization", header);
      }
      return context.next(request, response);
    }
  }
}
