package org.leadflow.devstack.run;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.leadflow.devstack.FreePorts;

class PortCheckTest {

  @Test
  void freePortsPass() {
    List<RequiredPort> ports =
        List.of(
            new RequiredPort(PortSetting.POSTGRES, FreePorts.find()),
            new RequiredPort(PortSetting.KAFKA, FreePorts.find()));

    assertThatCode(() -> PortCheck.requireFree(ports)).doesNotThrowAnyException();
  }

  @Test
  void aBusyPortIsReportedWithTheVariableThatMovesIt() throws Exception {
    try (ServerSocket occupant = new ServerSocket()) {
      occupant.bind(new InetSocketAddress(0));
      int busy = occupant.getLocalPort();
      List<RequiredPort> ports =
          List.of(
              new RequiredPort(PortSetting.POSTGRES, FreePorts.find()),
              new RequiredPort(PortSetting.LEAD_SERVICE, busy));

      assertThatThrownBy(() -> PortCheck.requireFree(ports))
          .isInstanceOf(LocalRunException.class)
          .hasMessage(
              "Port "
                  + busy
                  + " (lead-service) is already in use; stop what uses it or set"
                  + " LEADFLOW_LEAD_SERVICE_PORT.");
    }
  }

  @Test
  void aPortBusyOnlyOnLoopbackIsReportedToo() throws Exception {
    try (ServerSocket occupant = new ServerSocket()) {
      occupant.bind(new InetSocketAddress("127.0.0.1", 0));
      RequiredPort kafka = new RequiredPort(PortSetting.KAFKA, occupant.getLocalPort());

      assertThatThrownBy(() -> PortCheck.requireFree(List.of(kafka)))
          .hasMessageContaining("(Kafka)")
          .hasMessageEndingWith("set LEADFLOW_KAFKA_PORT.");
    }
  }
}
