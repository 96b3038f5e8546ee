package org.leadflow.devstack.run;

import org.leadflow.devstack.FreePorts;

/** A port the local run is about to listen on. */
record RequiredPort(PortSetting setting, int port) {

  boolean isFree() {
    return FreePorts.isFree(port);
  }

  String busyMessage() {
    return "Port "
        + port
        + " ("
        + setting.listener()
        + ") is already in use; stop what uses it or set "
        + setting.environmentVariable()
        + ".";
  }
}
