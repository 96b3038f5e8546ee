package org.leadflow.web;

import java.util.List;

/**
 * A yes/no query parameter, read strictly: {@code true} or {@code false}, nothing else (JAX-RS's own
 * boolean conversion would read any other text as false and act on it).
 */
public final class QueryFlag {

  private QueryFlag() {}

  /**
   * @param value the parameter as sent, or null when absent
   * @param absent what an absent parameter means
   * @throws InvalidRequestException naming the parameter when it is neither true nor false
   */
  public static boolean read(String parameter, String value, boolean absent) {
    if (value == null) {
      return absent;
    }
    return switch (value) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new InvalidRequestException(List.of(new FieldError(parameter, "must be true or false")));
    };
  }
}
