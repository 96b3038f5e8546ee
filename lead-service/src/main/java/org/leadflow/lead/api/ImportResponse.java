package org.leadflow.lead.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.leadflow.lead.domain.LeadImport;

/** An import and how far it got. */
@Schema(name = "Import", description = "A bulk import: its file, its progress and its counts")
public record ImportResponse(
    UUID id,
    @Schema(enumeration = {"queued", "running", "completed", "failed"}, example = "running") String status,
    @Schema(example = "trade-show-2026.csv") String fileName,
    @Schema(enumeration = {"csv", "ndjson"}, example = "csv") String format,
    @Schema(description = "SHA-256 of the file, hex", example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08") String sha256,
    ActorResponse importedBy,
    @Schema(description = "Rows in the file", example = "100000") int totalRows,
    @Schema(description = "Rows imported so far (each reported)", example = "42000") int processedRows,
    @Schema(description = "Leads created (including those created with a duplicate warning)", example = "41890") int createdLeads,
    @Schema(description = "Rows not created: a duplicate rule set to block found leads", example = "60") int duplicateRows,
    @Schema(description = "Rows created although a duplicate rule set to warn found leads", example = "12") int warnedRows,
    @Schema(description = "Rows not created: invalid, with the reasons in the report", example = "50") int invalidRows,
    @Schema(description = "Leads created with each historical outcome", example = "{\"won\": 3559, \"disqualified\": 5678}") Map<String, Long> outcomes,
    @Schema(description = "Why a failed import stopped") String failure,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt,
    @Schema(description = "Rows per second since it started (to now while it runs)", example = "2450.5") Double rowsPerSecond,
    @Schema(description = "The per-row report (CSV)", example = "/api/v1/imports/01964f3c-5b1a-7c2e-9d4f-0a1b2c3d4e5f/report") String report) {

  static ImportResponse of(LeadImport job, Map<String, Long> outcomes, Instant now) {
    Double rate = null;
    if (job.startedAt() != null && job.processedRows() > 0) {
      Instant end = job.finishedAt() != null ? job.finishedAt() : now;
      long millis = Math.max(1, Duration.between(job.startedAt(), end).toMillis());
      rate = Math.round(job.processedRows() * 10_000.0 / millis) / 10.0;
    }
    Map<String, Long> named = new java.util.LinkedHashMap<>();
    outcomes.forEach((kind, count) -> named.put(kind.toLowerCase(Locale.ROOT), count));
    return new ImportResponse(
        job.id(),
        job.status().toLowerCase(Locale.ROOT),
        job.fileName(),
        job.format().toLowerCase(Locale.ROOT),
        job.sha256(),
        new ActorResponse(job.ownerId(), job.ownerName(), "import"),
        job.totalRows(),
        job.processedRows(),
        job.createdLeads(),
        job.duplicateRows(),
        job.warnedRows(),
        job.invalidRows(),
        named,
        job.failure(),
        job.createdAt(),
        job.startedAt(),
        job.finishedAt(),
        rate,
        "/api/v1/imports/" + job.id() + "/report");
  }
}
