package org.leadflow.devstack.run;

import java.util.List;

/** The demo leads' create requests as JSON bodies, for tools outside the local run (the benchmark). */
public final class DemoLeadRequests {

  private DemoLeadRequests() {}

  /** Bodies of {@code POST /api/v1/leads}; the same seed always gives the same leads. */
  public static List<String> json(int count, long seed) {
    return DemoLeads.generate(count, seed).stream().map(lead -> lead.request().toJson()).toList();
  }
}
