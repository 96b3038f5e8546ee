package org.leadflow.lead.application;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer to a request, as an {@code Idempotency-Key} keeps it: status, the headers a repeat gets
 * again ({@code Location}, {@code ETag}) and the body; a replayed answer's body is the JSON text kept.
 */
public record Answer(int status, Map<String, String> headers, Object body, boolean replayed) {

  public Answer {
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  /** A first answer. */
  public static Answer of(int status, Map<String, String> headers, Object body) {
    return new Answer(status, headers, body, false);
  }
}
