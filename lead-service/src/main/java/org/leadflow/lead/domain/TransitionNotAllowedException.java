package org.leadflow.lead.domain;

/** The lead's current status does not allow the action (409 Conflict). */
public class TransitionNotAllowedException extends RuntimeException {

  private final StatusReason current;
  private final LeadAction action;

  public TransitionNotAllowedException(StatusReason current, LeadAction action) {
    super(
        "A lead that is "
            + current.state().label()
            + "/"
            + current.label()
            + " cannot "
            + action.label()
            + (current.state() == LeadState.QUALIFIED ? ": Qualified is final" : ""));
    this.current = current;
    this.action = action;
  }

  public StatusReason current() {
    return current;
  }

  public LeadAction action() {
    return action;
  }
}
