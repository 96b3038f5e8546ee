package org.leadflow.web.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/** A JSON value that is well-formed and of the right type, but that LeadFlow refuses (400 naming it). */
public class RefusedValueException extends InvalidFormatException {

  private final String reason;

  RefusedValueException(JsonParser parser, String reason, Object value, Class<?> type) {
    super(parser, reason, value, type);
    this.reason = reason;
  }

  /** What the value must be, e.g. "must be a date from 1900-01-01 to 9999-12-31". */
  public String reason() {
    return reason;
  }
}
