package org.leadflow.devstack.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The demo pipeline that ./run.sh --demo-data loads has opportunities in every stage, won and lost. */
class DemoPipelineTest {

  @Test
  void theDemoLeadsReadyToQualifyGiveOpportunitiesInEveryStageAndSomeWonAndSomeLost() {
    long ready =
        DemoLeads.generate(LocalRun.DEMO_LEAD_COUNT, DemoLeads.SEED).stream()
            .filter(lead -> lead.intendedStatus() == DemoLeadStatus.QUALIFIED)
            .count();
    int qualified = (int) ready - DemoPipeline.LEFT_READY;

    Set<DemoPipeline.Target> targets = EnumSet.noneOf(DemoPipeline.Target.class);
    IntStream.range(0, qualified).forEach(index -> targets.add(DemoPipeline.target(index)));

    assertThat(targets).containsExactlyInAnyOrder(DemoPipeline.Target.values());
    assertThat(IntStream.range(0, qualified).filter(index -> DemoPipeline.target(index) == DemoPipeline.Target.WON).count())
        .isGreaterThanOrEqualTo(2);
  }
}
