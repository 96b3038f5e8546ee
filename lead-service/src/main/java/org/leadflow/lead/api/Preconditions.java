package org.leadflow.lead.api;

import jakarta.ws.rs.core.EntityTag;
import java.util.List;
import java.util.Optional;
import org.leadflow.web.InvalidRequestException;
import org.leadflow.web.FieldError;

/** ETags are a lead's version; {@code If-Match} names the version a change was based on. */
final class Preconditions {

  private Preconditions() {}

  static EntityTag etag(long version) {
    return new EntityTag(Long.toString(version));
  }

  /**
   * The version an {@code If-Match} header expects, or empty when there is none (or it is {@code *}).
   *
   * @throws InvalidRequestException when the header is not one of this service's ETags
   */
  static Optional<Long> expectedVersion(String ifMatch) {
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
      throw new InvalidRequestException(
          List.of(new FieldError("If-Match", "must be an ETag of this lead, such as \"3\"")));
    }
  }
}
