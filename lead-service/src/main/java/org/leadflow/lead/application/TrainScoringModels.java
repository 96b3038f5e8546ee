package org.leadflow.lead.application;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;
import org.leadflow.lead.config.ScoringConfig;
import org.leadflow.lead.domain.scoring.ModelTraining;
import org.leadflow.lead.domain.scoring.TrainingExample;
import org.leadflow.lead.domain.scoring.TrainingRun;
import org.leadflow.lead.persistence.ScoringFeatureRows;
import org.leadflow.lead.persistence.ScoringStore;

/**
 * Trains scoring models after their request, as imports run (docs/scoring.md): an admin's request or
 * the schedule ({@code leadflow.scoring.training-cron}) queues a training; every {@code
 * leadflow.scoring.poll-interval} an instance claims the oldest one and runs it. The trees grow on a
 * thread of their own, never on the event loop or a request's worker; the closed leads are read
 * before and the model stored after through the reactive client. With fewer than {@code
 * leadflow.scoring.min-outcomes} leads of either outcome no model is made and the rule-based score
 * stays, which the training records. A new model scores every open lead again.
 */
@ApplicationScoped
public class TrainScoringModels {

  private static final Logger LOG = Logger.getLogger(TrainScoringModels.class);

  /** Who the schedule's trainings are requested by. */
  public static final String SCHEDULE = "schedule";

  @Inject ScoringStore store;
  @Inject ScoringFeatureRows features;
  @Inject ScoreLead scoreLead;
  @Inject ScoringConfig config;
  @Inject Clock clock;

  private final ExecutorService trainer =
      Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "scoring-training");
        thread.setDaemon(true);
        return thread;
      });

  @PreDestroy
  void stop() {
    trainer.shutdownNow();
  }

  /** Queues a training; empty when one is queued or running already. */
  public Uni<Optional<UUID>> request(String by, TrainingOptions options) {
    return store.queueTraining(by, options.asMap(), clock.instant());
  }

  @Scheduled(cron = "${leadflow.scoring.training-cron:0 0 3 * * ?}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> scheduled() {
    return request(SCHEDULE, TrainingOptions.DEFAULT).replaceWithVoid().onFailure().recoverWithNull().replaceWithVoid();
  }

  @Scheduled(every = "${leadflow.scoring.poll-interval:2s}", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  Uni<Void> runNext() {
    Instant now = clock.instant();
    return store.claimNext(now, now.plus(config.claim()))
        .chain(claimed -> claimed.map(this::run).orElse(Uni.createFrom().voidItem()))
        .onFailure()
        .invoke(failure -> LOG.warnf(failure, "Looking for a scoring training to run failed; the next run tries again"))
        .onFailure()
        .recoverWithNull()
        .replaceWithVoid();
  }

  private Uni<Void> run(TrainingRun run) {
    TrainingOptions options = TrainingOptions.from(run.options());
    Context context = Vertx.currentContext();
    LOG.infof("Scoring training %s started", run.id());
    return store.excludedAttributes()
        .chain(excluded -> features.closedLeads(excluded, options.splitAttribute()).chain(examples -> train(run, options, excluded, examples, context)))
        .onFailure()
        .call(failure -> {
          LOG.errorf(failure, "Scoring training %s failed", run.id());
          return store.finish(run.id(), "FAILED", null, null, null, null, "The training stopped: " + failure.getMessage(), clock.instant());
        })
        .onFailure()
        .recoverWithNull()
        .replaceWithVoid();
  }

  private Uni<Void> train(TrainingRun run, TrainingOptions options, Set<String> excluded, List<TrainingExample> examples, Context context) {
    long converted = examples.stream().filter(TrainingExample::converted).count();
    long notConverted = examples.size() - converted;
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("closedLeads", examples.size());
    data.put("converted", converted);
    data.put("notConverted", notConverted);
    data.put("excludedAttributes", excluded);
    data.put("minOutcomes", config.minOutcomes());
    if (converted < config.minOutcomes() || notConverted < config.minOutcomes()) {
      data.put("reason", "Too little history: " + converted + " converted and " + notConverted + " not converted closed leads, "
          + config.minOutcomes() + " of each are needed; the rule-based score stays in force");
      LOG.infof("Scoring training %s: too little history, rule-based score stays", run.id());
      return store.finish(run.id(), "COMPLETED", "RULES", null, data, null, null, clock.instant());
    }
    ModelTraining.Parameters parameters =
        new ModelTraining.Parameters(options.holdoutShare(), options.seed(), config.trainingThreads(), config.maxTrees(), options.baselines());
    long started = System.nanoTime();
    return Uni.createFrom()
        .item(() -> ModelTraining.train(examples, parameters))
        .runSubscriptionOn(trainer)
        .emitOn(task -> context.runOnContext(ignored -> task.run()))
        .chain(result -> {
          data.put("features", result.metrics().features());
          data.put("columns", result.metrics().columns());
          data.put("trainingSeconds", Math.round((System.nanoTime() - started) / 1e7) / 100.0);
          return store.storeModel(run.id(), result, clock.instant())
              .call(version -> store.finish(run.id(), "COMPLETED", "MODEL", version, data, result.metrics(), null, clock.instant()))
              .invoke(version -> LOG.infof("Scoring training %s: model %d, holdout AUC %.4f", run.id(), version, result.metrics().holdoutAuc()));
        })
        .chain(version -> rescoreOpenLeads(new UUID(0, 0)));
  }

  /** Scores every open lead again by the new model, a batch at a time, each lead in a transaction of its own. */
  private Uni<Void> rescoreOpenLeads(UUID after) {
    return store.openLeadsAfter(after, config.rescoreBatchSize())
        .chain(ids -> {
          if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
          }
          Uni<Void> batch = Uni.createFrom().voidItem();
          for (UUID id : ids) {
            batch = batch.chain(() -> scoreLead.compute(id)
                .chain(score -> score.map(found -> Panache.withTransaction(() -> scoreLead.store(found))).orElse(Uni.createFrom().voidItem())));
          }
          return batch.chain(() -> rescoreOpenLeads(ids.get(ids.size() - 1)));
        });
  }
}
