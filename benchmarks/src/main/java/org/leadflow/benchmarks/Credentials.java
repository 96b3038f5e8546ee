package org.leadflow.benchmarks;

import java.util.Optional;

/**
 * The {@code Authorization} header of every API call the benchmark makes. Every request is built in
 * {@link HttpLoad}, which asks this one place, so a token obtained some other way needs a change here
 * only.
 */
@FunctionalInterface
public interface Credentials {

  /** The header's value, or empty to send none. */
  Optional<String> authorization();

  static Credentials none() {
    return Optional::empty;
  }

  static Credentials bearer(String token) {
    Optional<String> header = Optional.of("Bearer " + token);
    return () -> header;
  }
}
