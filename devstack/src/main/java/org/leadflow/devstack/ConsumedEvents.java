package org.leadflow.devstack;

import java.util.List;

/**
 * What a service's consumers counted in {@code leadflow.events.consumed}, read from its metrics as
 * Prometheus scrapes them: for tests of events that leave no other trace.
 */
public final class ConsumedEvents {

  /** Where each service answers its metrics, in the Prometheus text format. */
  public static final String METRICS_PATH = "/q/metrics";

  private ConsumedEvents() {}

  /**
   * How many events of {@code type} from {@code topic} the service acknowledged as ignored (of a type
   * it does not act on), according to {@code metrics}: what it answered at {@link #METRICS_PATH}.
   */
  public static double ignored(String metrics, String topic, String type) {
    List<String> labels = List.of("outcome=\"ignored\"", "topic=\"" + topic + "\"", "type=\"" + type + "\"");
    return metrics
        .lines()
        .filter(line -> line.startsWith("leadflow_events_consumed_total{"))
        .filter(line -> labels.stream().allMatch(line::contains))
        .mapToDouble(ConsumedEvents::value)
        .sum();
  }

  /**
   * The value of a sample line: what follows its labels, before the exemplar (the trace the last
   * count was made in) that a line may end with, {@code name{labels} 1.0 # {trace_id="..."} 1.0 ...}.
   */
  private static double value(String line) {
    String afterLabels = line.substring(line.lastIndexOf("} ", line.contains(" # ") ? line.indexOf(" # ") : line.length()) + 2);
    return Double.parseDouble(afterLabels.split(" ")[0]);
  }
}
