package org.leadflow.lead.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Lead scoring (docs/scoring.md): when a model takes over, how scores are graded, how training runs. */
@ConfigMapping(prefix = "leadflow.scoring")
public interface ScoringConfig {

  /**
   * Closed leads of each outcome (converted, not converted) a training needs; with fewer the
   * rule-based score stays in force.
   */
  @WithDefault("40")
  int minOutcomes();

  /** Lowest score of grade A. */
  @WithDefault("70")
  int gradeA();

  /** Lowest score of grade B. */
  @WithDefault("45")
  int gradeB();

  /** Lowest score of grade C; below it, D. */
  @WithDefault("20")
  int gradeC();

  /** Points a score must move since the last published one for {@code leadflow.lead.scored.v1} (a new grade always is). */
  @WithDefault("5")
  int materialChange();

  /** Threads a training may use (XGBoost); the event loop and the request workers are never among them. */
  @WithDefault("2")
  int trainingThreads();

  /** Trees a training grows at most (it stops earlier when 50 more do not help the validation AUC). */
  @WithDefault("600")
  int maxTrees();

  /** When the schedule asks for a training (Quarkus cron, 6 fields); {@code off} never. */
  @WithDefault("0 0 3 * * ?")
  String trainingCron();

  /** How often an instance looks for a training to run. */
  @WithDefault("2s")
  Duration pollInterval();

  /** How long an instance holds a running training; then another may take it up. */
  @WithDefault("30m")
  Duration claim();

  /**
   * Whether a lead is scored again after each change of it (its events on {@code lead-events}). Off,
   * scores change only when a model comes into force; the tests turn it off where they set scores
   * themselves.
   */
  @WithDefault("true")
  boolean rescoreOnEvents();

  /** Open leads scored again per transaction after a new model comes into force. */
  @WithDefault("500")
  int rescoreBatchSize();
}
