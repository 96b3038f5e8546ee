package org.leadflow.devstack.run;

/**
 * One generated demo lead: what to send to create it, and the status it is meant to reach later.
 *
 * @param number 1-based, stable for a given seed, so that a repeated load is recognised by its
 *     idempotency key
 */
record DemoLead(int number, CreateLeadRequest request, DemoLeadStatus intendedStatus) {

  String idempotencyKey() {
    return "demo-lead-" + number;
  }
}
