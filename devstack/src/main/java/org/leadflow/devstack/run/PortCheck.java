package org.leadflow.devstack.run;

import java.util.List;

/**
 * Checks every port before anything starts, so that a busy port gives one clear line instead of a
 * half-started system and a bind exception deep in a server's log.
 */
final class PortCheck {

  private PortCheck() {}

  static void requireFree(List<RequiredPort> ports) {
    for (RequiredPort port : ports) {
      if (!port.isFree()) {
        throw new LocalRunException(port.busyMessage());
      }
    }
  }
}
