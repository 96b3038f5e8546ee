package org.leadflow.web;

import jakarta.ws.rs.core.EntityTag;
import java.util.List;
import java.util.Optional;

/**
 * {@code If-Match} against ETags that are a record's version ({@code "3"}): which version a change
 * was based on. An edit without it would overwrite what others changed unseen, so edits require it
 * ({@link #required}, 428 when missing); actions that lose nothing may take it as an option.
 */
public final class IfMatch {

  public static final String HEADER = "If-Match";

  private IfMatch() {}

  public static EntityTag etag(long version) {
    return new EntityTag(Long.toString(version));
  }

  /**
   * The version the header expects.
   *
   * @throws PreconditionRequiredException when there is no header (or it is {@code *})
   * @throws InvalidRequestException when it is no version ETag
   */
  public static long required(String ifMatch) {
    return optional(ifMatch).orElseThrow(PreconditionRequiredException::new);
  }

  /**
   * The version the header expects, or empty when there is none (or it is {@code *}).
   *
   * @throws InvalidRequestException when it is no version ETag
   */
  public static Optional<Long> optional(String ifMatch) {
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
      long version = Long.parseLong(tag);
      if (version >= 0) {
        return Optional.of(version);
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new InvalidRequestException(List.of(new FieldError(HEADER, "must be an ETag of this record, such as \"3\"")));
  }

  /** An edit came without If-Match (428). */
  public static class PreconditionRequiredException extends RuntimeException {
    PreconditionRequiredException() {
      super("This change needs If-Match with the ETag of the version it is based on (read the record first)");
    }
  }
}
