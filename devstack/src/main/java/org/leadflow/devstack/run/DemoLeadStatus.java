package org.leadflow.devstack.run;

/**
 * The status reason a demo lead is meant to end up in, with Dynamics 365's state and code, so that
 * a demo pipeline looks lived-in rather than all New.
 *
 * <p>Demo leads are created through the public API, and a lead is born New; the loader then takes
 * it to this status through the lifecycle actions, as a seller would (see DemoDataLoader).
 */
enum DemoLeadStatus {
  NEW("Open", 1, 50),
  CONTACTED("Open", 2, 25),
  QUALIFIED("Qualified", 3, 6),
  LOST("Disqualified", 4, 5),
  CANNOT_CONTACT("Disqualified", 5, 6),
  NO_LONGER_INTERESTED("Disqualified", 6, 6),
  CANCELED("Disqualified", 7, 2);

  private final String state;
  private final int code;
  private final int weight;

  DemoLeadStatus(String state, int code, int weight) {
    this.state = state;
    this.code = code;
    this.weight = weight;
  }

  String state() {
    return state;
  }

  /** Dynamics 365's numeric status reason code. */
  int code() {
    return code;
  }

  /** How often the status occurs among demo leads, relative to the others. */
  int weight() {
    return weight;
  }
}
