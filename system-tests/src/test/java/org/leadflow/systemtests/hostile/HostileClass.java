package org.leadflow.systemtests.hostile;

/** The kinds of hostile value the suite sends, as issue 12 names them. */
public enum HostileClass {
  NUL("NUL"),
  LONE_SURROGATE("lone surrogate"),
  OVERLONG("overlong"),
  EMPTY("empty or blank"),
  NEGATIVE("negative"),
  ZERO("zero"),
  HUGE("huge"),
  WRONG_TYPE("wrong type"),
  NULL("null"),
  MALFORMED_VALUE("malformed value"),
  UNKNOWN_ID("unknown id"),
  OUT_OF_RANGE_DATE("out-of-range date"),
  PAGING_OVERFLOW("paging overflow"),
  DUPLICATE_KEY("duplicate key"),
  NO_CONTENT_TYPE("no Content-Type"),
  WRONG_CONTENT_TYPE("wrong Content-Type"),
  MALFORMED_JSON("malformed JSON"),
  NOT_AN_OBJECT("body not an object"),
  UNDOCUMENTED_METHOD("undocumented method"),
  FOREIGN_ORIGIN("foreign origin");

  private final String label;

  HostileClass(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
