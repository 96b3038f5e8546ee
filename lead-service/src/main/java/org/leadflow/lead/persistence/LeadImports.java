package org.leadflow.lead.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.leadflow.lead.domain.LeadImport;

/**
 * Bulk imports (migration V19): the job of each uploaded file, the report row of each of its rows,
 * and the historical outcomes rows brought. Rows of a chunk are written in one statement each.
 */
@ApplicationScoped
public class LeadImports {

  private static final String COLUMNS =
      "id, owner_id, owner_name, owner_roles, file_name, file_sha256, file_path, format, mapping, options, status, total_rows,"
          + " processed_rows, created_leads, duplicate_rows, warned_rows, invalid_rows, failure, created_at, started_at, finished_at";

  @Inject ObjectMapper json;

  /** What one chunk added to an import's counts. */
  public record ChunkCounts(int processed, int created, int duplicates, int warned, int invalid) {}

  /** A historical outcome a row brought, kept with its lead. */
  public record OutcomeRow(UUID leadId, String outcome, String statusReason, String reason, LocalDate occurredOn) {}

  public Uni<Void> insert(LeadImport job) {
    return session(session -> session
        .createNativeQuery(
            "INSERT INTO lead_import (" + COLUMNS + ") VALUES (:id, :owner, :ownerName, :roles, :fileName, :sha256, :path, :format,"
                + " :mapping, :options, :status, :total, 0, 0, 0, 0, 0, NULL, :createdAt, NULL, NULL)")
        .setParameter("id", job.id())
        .setParameter("owner", job.ownerId())
        .setParameter("ownerName", job.ownerName())
        .setParameter("roles", String.join(",", job.ownerRoles()))
        .setParameter("fileName", job.fileName())
        .setParameter("sha256", job.sha256())
        .setParameter("path", job.filePath())
        .setParameter("format", job.format())
        .setParameter("mapping", job.mapping())
        .setParameter("options", job.options())
        .setParameter("status", job.status())
        .setParameter("total", job.totalRows())
        .setParameter("createdAt", job.createdAt())
        .executeUpdate())
        .replaceWithVoid();
  }

  public Uni<Optional<LeadImport>> find(UUID id) {
    return session(session -> session
        .createNativeQuery("SELECT " + COLUMNS + " FROM lead_import WHERE id = :id", Object[].class)
        .setParameter("id", id)
        .getResultList())
        .map(rows -> rows.stream().findFirst().map(LeadImports::job));
  }

  /** The latest import of the same file (not failed) among those of {@code owner} (null: anyone's). */
  public Uni<Optional<LeadImport>> findSameFile(String sha256, String owner) {
    return session(session -> {
          var query = session.createNativeQuery(
              "SELECT " + COLUMNS + " FROM lead_import WHERE file_sha256 = :sha256 AND status <> 'FAILED'"
                  + (owner == null ? "" : " AND owner_id = :owner") + " ORDER BY created_at DESC LIMIT 1",
              Object[].class);
          query.setParameter("sha256", sha256);
          if (owner != null) {
            query.setParameter("owner", owner);
          }
          return query.getResultList();
        })
        .map(rows -> rows.stream().findFirst().map(LeadImports::job));
  }

  /** One page of the imports of {@code owner} (null: everyone's), newest first, and how many there are. */
  public Uni<Map.Entry<List<LeadImport>, Long>> list(String owner, int page, int size) {
    String where = owner == null ? "" : " WHERE owner_id = :owner";
    return session(session -> {
          var query = session.createNativeQuery(
              "SELECT " + COLUMNS + " FROM lead_import" + where + " ORDER BY created_at DESC, id DESC LIMIT :size OFFSET :offset", Object[].class);
          var count = session.createNativeQuery("SELECT count(*) FROM lead_import" + where, Long.class);
          if (owner != null) {
            query.setParameter("owner", owner);
            count.setParameter("owner", owner);
          }
          query.setParameter("size", size).setParameter("offset", (long) page * size);
          return query.getResultList().chain(rows -> count.getSingleResult().map(total -> Map.entry(rows.stream().map(LeadImports::job).toList(), total)));
        });
  }

  /**
   * Claims the oldest import waiting to run, or running on an instance whose claim ran out, until
   * {@code until}; another instance's claim is skipped, not waited for.
   */
  public Uni<Optional<LeadImport>> claimNext(Instant now, Instant until) {
    return session(session -> session
        .createNativeQuery(
            "SELECT id FROM lead_import WHERE status = 'QUEUED' OR (status = 'RUNNING' AND claimed_until < :now)"
                + " ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED",
            UUID.class)
        .setParameter("now", now)
        .getResultList()
        .chain(ids -> ids.isEmpty()
            ? Uni.createFrom().item(Optional.<LeadImport>empty())
            : session.createNativeQuery(
                    "UPDATE lead_import SET status = 'RUNNING', started_at = coalesce(started_at, :now), claimed_until = :until WHERE id = :id")
                .setParameter("now", now)
                .setParameter("until", until)
                .setParameter("id", ids.get(0))
                .executeUpdate()
                .chain(() -> find(ids.get(0)))));
  }

  /** Adds a chunk's counts and report rows (and the outcomes its rows brought), and extends the claim. */
  public Uni<Void> chunkDone(UUID id, ChunkCounts counts, List<LeadImport.ReportRow> report, List<OutcomeRow> outcomes, Instant claimedUntil) {
    return session(session -> session
        .createNativeQuery(
            "UPDATE lead_import SET processed_rows = processed_rows + :processed, created_leads = created_leads + :created,"
                + " duplicate_rows = duplicate_rows + :duplicates, warned_rows = warned_rows + :warned, invalid_rows = invalid_rows + :invalid,"
                + " claimed_until = :until WHERE id = :id")
        .setParameter("processed", counts.processed())
        .setParameter("created", counts.created())
        .setParameter("duplicates", counts.duplicates())
        .setParameter("warned", counts.warned())
        .setParameter("invalid", counts.invalid())
        .setParameter("until", claimedUntil)
        .setParameter("id", id)
        .executeUpdate()
        .chain(() -> report.isEmpty() ? Uni.createFrom().item(0) : session
            .createNativeQuery(
                "INSERT INTO lead_import_row (import_id, row_number, outcome, lead_id, reasons, candidates)"
                    + " SELECT :id, r.\"rowNumber\", r.outcome, r.\"leadId\", r.reasons, r.candidates FROM jsonb_to_recordset(cast(cast(:rows as text) as jsonb))"
                    + " AS r(\"rowNumber\" int, outcome text, \"leadId\" uuid, reasons text, candidates text)")
            .setParameter("id", id)
            .setParameter("rows", write(report))
            .executeUpdate())
        .chain(() -> outcomes.isEmpty() ? Uni.createFrom().item(0) : session
            .createNativeQuery(
                "INSERT INTO lead_historical_outcome (lead_id, import_id, outcome, status_reason, reason, occurred_on)"
                    + " SELECT o.\"leadId\", :id, o.outcome, o.\"statusReason\", o.reason, o.\"occurredOn\" FROM jsonb_to_recordset(cast(cast(:rows as text) as jsonb))"
                    + " AS o(\"leadId\" uuid, outcome text, \"statusReason\" text, reason text, \"occurredOn\" date)")
            .setParameter("id", id)
            .setParameter("rows", write(outcomes))
            .executeUpdate()))
        .replaceWithVoid();
  }

  /** Ends an import: COMPLETED, or FAILED with why. */
  public Uni<Void> finish(UUID id, String status, String failure, Instant now) {
    return session(session -> session
        .createNativeQuery("UPDATE lead_import SET status = :status, failure = :failure, finished_at = :now, claimed_until = NULL WHERE id = :id")
        .setParameter("status", status)
        .setParameter("failure", failure)
        .setParameter("now", now)
        .setParameter("id", id)
        .executeUpdate())
        .replaceWithVoid();
  }

  /** Report rows of an import after row {@code after}, in order, {@code size} at most. */
  public Uni<List<LeadImport.ReportRow>> report(UUID id, int after, int size) {
    return session(session -> session
        .createNativeQuery(
            "SELECT row_number, outcome, lead_id, reasons, candidates FROM lead_import_row WHERE import_id = :id AND row_number > :after"
                + " ORDER BY row_number LIMIT :size",
            Object[].class)
        .setParameter("id", id)
        .setParameter("after", after)
        .setParameter("size", size)
        .getResultList())
        .map(rows -> rows.stream()
            .map(row -> new LeadImport.ReportRow(((Number) row[0]).intValue(), (String) row[1], (UUID) row[2], (String) row[3], (String) row[4]))
            .toList());
  }

  /** How many leads of an import came with each historical outcome. */
  public Uni<Map<String, Long>> outcomes(UUID id) {
    return session(session -> session
        .createNativeQuery("SELECT outcome, count(*) FROM lead_historical_outcome WHERE import_id = :id GROUP BY outcome ORDER BY outcome", Object[].class)
        .setParameter("id", id)
        .getResultList())
        .map(rows -> {
          Map<String, Long> counts = new LinkedHashMap<>();
          rows.forEach(row -> counts.put((String) row[0], ((Number) row[1]).longValue()));
          return counts;
        });
  }

  private <T> Uni<T> session(java.util.function.Function<Mutiny.Session, Uni<T>> work) {
    return Panache.getSession().chain(session -> work.apply(session));
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Import rows cannot be written as JSON", e);
    }
  }

  private static LeadImport job(Object[] row) {
    return new LeadImport(
        (UUID) row[0],
        (String) row[1],
        (String) row[2],
        new LinkedHashSet<>(Arrays.asList(((String) row[3]).split(","))),
        (String) row[4],
        (String) row[5],
        (String) row[6],
        (String) row[7],
        (String) row[8],
        (String) row[9],
        (String) row[10],
        ((Number) row[11]).intValue(),
        ((Number) row[12]).intValue(),
        ((Number) row[13]).intValue(),
        ((Number) row[14]).intValue(),
        ((Number) row[15]).intValue(),
        ((Number) row[16]).intValue(),
        (String) row[17],
        NativeValues.instant(row[18]),
        NativeValues.instant(row[19]),
        NativeValues.instant(row[20]));
  }
}
