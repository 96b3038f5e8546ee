package org.leadflow.opportunity.domain;

/** The opportunity's status does not allow the action (409): e.g. editing a won one. */
public class OpportunityActionNotAllowedException extends RuntimeException {

  private final OpportunityStatusReason current;
  private final String action;

  public OpportunityActionNotAllowedException(OpportunityStatusReason current, String action) {
    super("An opportunity that is " + current.state().label() + "/" + current.label() + " cannot " + action.replace('-', ' '));
    this.current = current;
    this.action = action;
  }

  public OpportunityStatusReason current() {
    return current;
  }

  public String action() {
    return action;
  }
}
