package org.leadflow.devstack.run;

/**
 * A reason why the local run cannot go on, worded for the person who started it: the launcher
 * prints the message as it is, without a stack trace.
 */
public final class LocalRunException extends RuntimeException {

  LocalRunException(String message) {
    super(message);
  }

  LocalRunException(String message, Throwable cause) {
    super(message, cause);
  }
}
