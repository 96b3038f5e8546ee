package org.leadflow.lead.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.leadflow.lead.domain.LeadImport;
import org.leadflow.lead.persistence.LeadImports;
import org.leadflow.web.security.Caller;

/**
 * Reads imports as the caller may see them: a sales manager every import, anyone else their own
 * (another's import is "not found", as another's lead is).
 */
@ApplicationScoped
public class ImportQueries {

  @Inject LeadImports imports;

  /** An import and how many of its leads came with each historical outcome. */
  public record ImportView(LeadImport job, Map<String, Long> outcomes) {}

  @WithSession
  public Uni<ImportView> get(UUID id, Caller caller) {
    return visible(id, caller).chain(job -> imports.outcomes(id).map(outcomes -> new ImportView(job, outcomes)));
  }

  @WithSession
  public Uni<LeadQueries.Page<LeadImport>> list(Caller caller, int page, int size) {
    return imports
        .list(caller.seesEveryOwner() ? null : caller.id(), page, size)
        .map(found -> new LeadQueries.Page<>(found.getKey(), page, size, found.getValue()));
  }

  /** The import, checked visible (else {@link ImportNotFoundException}). */
  @WithSession
  public Uni<LeadImport> find(UUID id, Caller caller) {
    return visible(id, caller);
  }

  /** Report rows of a visible import after row {@code after}, {@code size} at most (in a session of their own). */
  @WithSession
  public Uni<List<LeadImport.ReportRow>> report(UUID id, int after, int size) {
    return imports.report(id, after, size);
  }

  private Uni<LeadImport> visible(UUID id, Caller caller) {
    return imports.find(id).map(found -> found.filter(job -> caller.mayAccess(job.ownerId())).orElseThrow(() -> new ImportNotFoundException(id)));
  }

  /** No import has this id (or the caller may not see it). */
  public static class ImportNotFoundException extends RuntimeException {
    public ImportNotFoundException(UUID id) {
      super("No import with id " + id);
    }
  }
}
