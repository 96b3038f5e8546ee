package org.leadflow.web.security;

/** The caller may use the endpoint but not for this (403), e.g. a seller naming another owner. */
public class ActionForbiddenException extends RuntimeException {

  public ActionForbiddenException(String detail) {
    super(detail);
  }
}
