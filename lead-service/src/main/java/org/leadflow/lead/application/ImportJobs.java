package org.leadflow.lead.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.unchecked.Unchecked;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;
import org.leadflow.lead.config.ImportConfig;
import org.leadflow.lead.persistence.LeadImports;
import org.leadflow.lead.domain.LeadImport;

/**
 * Runs imports after their request: every {@code leadflow.imports.poll-interval} an instance claims
 * the oldest import waiting (or one whose instance stopped: its claim ran out) and imports its file
 * chunk by chunk ({@link ImportChunk}, one transaction each), reading the next chunk from the file
 * while the last one is written. A job taken up again goes on after the rows its last chunk
 * committed. When the file is done the job is COMPLETED; a failure ends it FAILED, with what it
 * imported until then kept and reported.
 */
@ApplicationScoped
public class ImportJobs {

  private static final Logger LOG = Logger.getLogger(ImportJobs.class);

  @Inject LeadImports imports;
  @Inject ImportRowSource source;
  @Inject Commands commands;
  @Inject ImportChunk chunk;
  @Inject ImportConfig config;
  @Inject ObjectMapper json;
  @Inject Clock clock;
  @Inject Vertx vertx;

  @Scheduled(
      every = "${leadflow.imports.poll-interval:1s}",
      delayed = "1s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  Uni<Void> runNext() {
    Instant now = clock.instant();
    return Panache.withTransaction(() -> imports.claimNext(now, now.plus(config.claim())))
        .chain(claimed -> claimed.map(this::run).orElse(Uni.createFrom().voidItem()))
        .onFailure()
        .invoke(failure -> LOG.warnf(failure, "Looking for an import to run failed; the next run tries again"))
        .onFailure()
        .recoverWithNull()
        .replaceWithVoid();
  }

  private Uni<Void> run(LeadImport job) {
    LOG.infof("Import %s: %d rows, from row %d", job.id(), job.totalRows(), job.processedRows() + 1);
    ImportOptions options = options(job);
    Path file = Path.of(job.filePath());
    return blocking(() -> source.open(file, job.format(), job.mapping(), job.processedRows()))
        .chain(rows -> blocking(() -> rows.next(config.chunkSize()))
            .chain(first -> chunks(job, options, rows, first))
            .eventually(() -> blocking(() -> {
              rows.close();
              return null;
            })))
        .chain(() -> Panache.withTransaction(() -> imports.finish(job.id(), "COMPLETED", null, clock.instant())))
        .invoke(() -> LOG.infof("Import %s completed", job.id()))
        .onFailure()
        .call(failure -> {
          LOG.errorf(failure, "Import %s failed", job.id());
          String why = failure instanceof NoSuchFileException ? "The uploaded file is no longer there (was it kept on another instance?)" : "The import stopped: " + failure.getClass().getSimpleName();
          return Panache.withTransaction(() -> imports.finish(job.id(), "FAILED", why, clock.instant()));
        })
        .onFailure()
        .recoverWithNull()
        .call(() -> blocking(() -> Files.deleteIfExists(file)))
        .replaceWithVoid();
  }

  /** Imports {@code batch} while reading the next, until the file ends. */
  private Uni<Void> chunks(LeadImport job, ImportOptions options, ImportRowSource.Rows rows, List<ImportRow> batch) {
    if (batch.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    Uni<?> written = commands.run(chunk, new ImportChunk.Command(job, options, batch, clock.instant().plus(config.claim())));
    Uni<List<ImportRow>> next = blocking(() -> rows.next(config.chunkSize()));
    return Uni.combine().all().unis(written, next).asTuple().chain(both -> chunks(job, options, rows, both.getItem2()));
  }

  private ImportOptions options(LeadImport job) {
    try {
      return json.readValue(job.options(), ImportOptions.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Import " + job.id() + " has options that are not JSON", e);
    }
  }

  /** Runs blocking work (reading the file) on a worker thread; its result comes back on this context. */
  private <T> Uni<T> blocking(IoWork<T> work) {
    return vertx.executeBlocking(Uni.createFrom().item(Unchecked.supplier(work::run)), true);
  }

  @FunctionalInterface
  private interface IoWork<T> {
    T run() throws IOException;
  }
}
