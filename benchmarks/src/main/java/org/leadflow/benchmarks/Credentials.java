package org.leadflow.benchmarks;

import java.util.Map;
import java.util.Optional;

/**
 * The {@code Authorization} header of every API call the benchmark makes. Every request is built in
 * {@link HttpLoad}, which asks this one place, so a token obtained some other way needs a change here
 * only.
 */
@FunctionalInterface
public interface Credentials {

  /** A bearer token for the benchmark's calls, when the services require one. */
  String TOKEN_VARIABLE = "LEADFLOW_BENCHMARK_TOKEN";

  /** The header's value, or empty to send none. */
  Optional<String> authorization();

  static Credentials none() {
    return Optional::empty;
  }

  static Credentials bearer(String token) {
    Optional<String> header = Optional.of("Bearer " + token);
    return () -> header;
  }

  /** A bearer token from {@value #TOKEN_VARIABLE}, or none when it is unset. */
  static Credentials fromEnvironment(Map<String, String> environment) {
    String token = environment.get(TOKEN_VARIABLE);
    return token == null || token.isBlank() ? none() : bearer(token.strip());
  }
}
