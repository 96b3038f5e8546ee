package org.leadflow.lead.enrichment;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;
import org.leadflow.lead.config.EnrichmentConfig;
import org.leadflow.lead.domain.Money;
import org.leadflow.lead.domain.enrichment.CompanyData;
import org.leadflow.lead.domain.enrichment.CountryNames;
import org.leadflow.lead.domain.enrichment.ProviderLookup;

/**
 * Asks an HTTP company data provider ({@code GET <url>/companies/<domain>}) with a timeout per try,
 * retries, and a circuit breaker (SmallRye Fault Tolerance), all from {@code
 * leadflow.enrichment.provider.*}. 404 is an answer (the provider does not know the domain); anything
 * else that is not a 2xx with a JSON object, a timeout or an open circuit is a failure, answered as
 * {@link ProviderLookup.Failed}, never thrown.
 */
@ApplicationScoped
public class HttpCompanyDataProvider implements CompanyDataProvider {

  private static final Logger LOG = Logger.getLogger(HttpCompanyDataProvider.class);

  @Inject EnrichmentConfig config;

  private CompanyDataApi api;
  private TypedGuard<Uni<ProviderLookup>> guard;

  @PostConstruct
  void connect() {
    EnrichmentConfig.Provider provider = config.provider();
    if (provider.url().isEmpty() || provider.url().get().isBlank()) {
      return;
    }
    api =
        QuarkusRestClientBuilder.newBuilder()
            .baseUri(URI.create(provider.url().get()))
            .connectTimeout(provider.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
            .readTimeout(provider.timeout().toMillis(), TimeUnit.MILLISECONDS)
            .build(CompanyDataApi.class);
    guard =
        TypedGuard.create(new TypeLiteral<Uni<ProviderLookup>>() {})
            .withDescription("company data provider")
            .withRetry()
            .maxRetries(provider.retries())
            .delay(provider.retryDelay().toMillis(), ChronoUnit.MILLIS)
            .abortOn(CircuitBreakerOpenException.class)
            .done()
            .withCircuitBreaker()
            .requestVolumeThreshold(provider.circuitBreakerRequestVolume())
            .failureRatio(provider.circuitBreakerFailureRatio())
            .delay(provider.circuitBreakerDelay().toMillis(), ChronoUnit.MILLIS)
            .onStateChange(state -> LOG.infof("Company data provider circuit breaker: %s", state))
            .done()
            .withTimeout()
            .duration(provider.timeout().toMillis(), ChronoUnit.MILLIS)
            .done()
            .build();
  }

  @Override
  public boolean configured() {
    return api != null;
  }

  @Override
  public Uni<ProviderLookup> lookUp(String domain, Instant now) {
    if (!configured()) {
      return Uni.createFrom().item(new ProviderLookup.Failed(domain, "no provider configured", now));
    }
    String authorization = config.provider().apiKey().map(key -> "Bearer " + key).orElse(null);
    return guard
        .get(() -> api.company(domain, authorization)
            .map(body -> (ProviderLookup) new ProviderLookup.Found(domain, read(body), now))
            .onFailure(HttpCompanyDataProvider::isNotFound)
            .recoverWithItem(() -> new ProviderLookup.NotFound(domain, now)))
        .onFailure()
        .recoverWithItem(failure -> new ProviderLookup.Failed(domain, reason(failure), now));
  }

  private static boolean isNotFound(Throwable failure) {
    return failure instanceof WebApplicationException web && web.getResponse().getStatus() == 404;
  }

  private static String reason(Throwable failure) {
    if (failure instanceof CircuitBreakerOpenException) {
      return "circuit breaker open: the provider failed too often lately";
    }
    if (failure instanceof TimeoutException) {
      return "timed out";
    }
    if (failure instanceof WebApplicationException web) {
      return "answered HTTP " + web.getResponse().getStatus();
    }
    return failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
  }

  /** The provider's answer as company data; members it lacks or that make no sense stay empty. */
  static CompanyData read(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new IllegalStateException("the provider's answer is not a JSON object");
    }
    Integer employees = null;
    JsonNode count = first(body, "numberOfEmployees", "employees", "employeeCount");
    if (count != null && count.canConvertToInt() && count.asInt() >= 0 && count.asInt() <= 10_000_000) {
      employees = count.asInt();
    }
    String country = text(body, 100, "country", "countryCode");
    return new CompanyData(
        text(body, 200, "name", "companyName"),
        text(body, 100, "industry"),
        employees,
        revenue(first(body, "annualRevenue", "revenue")),
        country == null ? null : CountryNames.code(country).orElse(null));
  }

  private static Money revenue(JsonNode revenue) {
    if (revenue == null || !revenue.isObject()) {
      return null;
    }
    JsonNode currency = revenue.get("currency");
    JsonNode amount = revenue.get("amount");
    if (currency == null || !currency.asText().matches("[A-Z]{3}") || amount == null) {
      return null;
    }
    try {
      BigDecimal value = new BigDecimal(amount.asText());
      return value.signum() < 0 || value.precision() - value.scale() > 17 ? null : new Money(value.setScale(2, java.math.RoundingMode.HALF_UP), currency.asText());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static JsonNode first(JsonNode body, String... names) {
    for (String name : names) {
      JsonNode value = body.get(name);
      if (value != null && !value.isNull()) {
        return value;
      }
    }
    return null;
  }

  private static String text(JsonNode body, int maxLength, String... names) {
    JsonNode value = first(body, names);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      return null;
    }
    String text = value.asText().strip().replace('\u0000', ' ');
    return text.length() <= maxLength ? text : text.substring(0, maxLength);
  }
}
