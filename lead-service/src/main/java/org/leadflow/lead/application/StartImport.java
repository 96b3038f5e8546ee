package org.leadflow.lead.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.leadflow.lead.persistence.LeadImports;
import org.leadflow.lead.domain.LeadImport;
import org.leadflow.web.security.Caller;

/**
 * Queues an import of a file already stored and counted: the job is run by {@link ImportJobs}, after
 * the request. Refused when the caller imported the same file before (by its SHA-256), unless asked.
 */
@ApplicationScoped
public class StartImport implements CommandHandler<StartImport.Command, LeadImport> {

  /**
   * @param file where the uploaded file is kept until the import has run
   * @param format CSV or NDJSON
   */
  public record Command(
      UUID id, Caller caller, String fileName, String sha256, String file, String format, String mapping, String options, int totalRows, boolean allowReimport) {}

  @Inject LeadImports imports;
  @Inject LeadChanges changes;

  @Override
  public Uni<LeadImport> handle(Command command) {
    Caller caller = command.caller();
    Uni<Void> checked = command.allowReimport()
        ? Uni.createFrom().voidItem()
        : imports
            .findSameFile(command.sha256(), caller.seesEveryOwner() ? null : caller.id())
            .invoke(earlier -> earlier.ifPresent(job -> {
              throw new SameFileImportedException(job.id(), job.createdAt());
            }))
            .replaceWithVoid();
    Instant now = changes.now();
    LeadImport job =
        new LeadImport(
            command.id(), caller.id(), caller.name(), caller.roles(), command.fileName(), command.sha256(), command.file(), command.format(),
            command.mapping(), command.options(), "QUEUED", command.totalRows(), 0, 0, 0, 0, 0, null, now, null, null);
    return checked.chain(() -> imports.insert(job)).replaceWith(job);
  }

  /** The same file was imported before; {@code allowReimport} imports it again. */
  public static class SameFileImportedException extends RuntimeException {
    private final UUID earlierImport;

    SameFileImportedException(UUID earlierImport, Instant at) {
      super("The same file was imported at " + at + " (import " + earlierImport + "); set allowReimport to import it again");
      this.earlierImport = earlierImport;
    }

    public UUID earlierImport() {
      return earlierImport;
    }
  }
}
