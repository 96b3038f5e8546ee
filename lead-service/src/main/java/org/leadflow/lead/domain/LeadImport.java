package org.leadflow.lead.domain;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A bulk import (docs/imports.md): who imported which file (by its SHA-256), how its columns map,
 * and how far it got: its status (QUEUED, RUNNING, COMPLETED, FAILED) and counts.
 *
 * @param ownerRoles the importer's roles: the job runs after the request, as them
 */
public record LeadImport(
    UUID id,
    String ownerId,
    String ownerName,
    Set<String> ownerRoles,
    String fileName,
    String sha256,
    String filePath,
    String format,
    String mapping,
    String options,
    String status,
    int totalRows,
    int processedRows,
    int createdLeads,
    int duplicateRows,
    int warnedRows,
    int invalidRows,
    String failure,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt) {

  /**
   * One row of an import's report.
   *
   * @param outcome CREATED, WARNED (created; a duplicate rule set to warn found candidates), DUPLICATE
   *     (not created; a rule set to block found candidates) or INVALID
   * @param reasons why, "field: message" joined by "; "; null for a row created as it was
   * @param candidates the leads found (ids) and earlier rows of the file ("row 12"), space separated
   */
  public record ReportRow(int rowNumber, String outcome, UUID leadId, String reasons, String candidates) {}
}
