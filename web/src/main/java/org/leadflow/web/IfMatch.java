package org.leadflow.web;

import jakarta.ws.rs.core.EntityTag;
import java.util.List;
import java.util.Optional;

/**
 * ETags are a record's version; {@code If-Match} names the version a change was based on
 * (docs/architecture.md, section REST conventions).
 */
public final class IfMatch {

  public static final String HEADER = "If-Match";

  private IfMatch() {}

  public static EntityTag etag(long version) {
    return new EntityTag(Long.toString(version));
  }

  /**
   * The version an {@code If-Match} header expects, or empty when there is none (or it is {@code *}).
   *
   * @throws InvalidRequestException when the header is not one of LeadFlow's ETags
   */
  public static Optional<Long> expectedVersion(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
      return Optional.empty();
    }
    String tag = ifMatch.strip();
    if (tag.startsWith("W/")) {
      tag = tag.substring(2);
    }
    if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
      tag = tag.substring(1, tag.length() - 1);
    }
    try {
      return Optional.of(Long.parseLong(tag));
    } catch (NumberFormatException e) {
      throw new InvalidRequestException(List.of(new FieldError(HEADER, "must be an ETag of this record, such as \"3\"")));
    }
  }

  /**
   * The version an {@code If-Match} header expects, where a change must name one.
   *
   * @throws PreconditionRequiredException (428) when there is none
   * @throws InvalidRequestException when the header is not one of LeadFlow's ETags
   */
  public static long requiredVersion(String ifMatch) {
    return expectedVersion(ifMatch).orElseThrow(PreconditionRequiredException::new);
  }

  /** A change that must name the version it is based on did not (428 Precondition Required). */
  public static class PreconditionRequiredException extends RuntimeException {
    public PreconditionRequiredException() {
      super("This change needs an If-Match header with the ETag of the record it is based on (read the record first)");
    }
  }
}
