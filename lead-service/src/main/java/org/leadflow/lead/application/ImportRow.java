package org.leadflow.lead.application;

import java.util.List;
import org.leadflow.lead.domain.HistoricalOutcome;

/**
 * One row of an import's file, read through the mapping and validated as the API validates a lead:
 * the lead it asks for (and the outcome it brings, if any), or why it is invalid.
 *
 * @param number the row's number in the file, from 1 (a CSV file's header is row 0)
 * @param reasons what is wrong, "field: message" each; empty for a valid row
 */
public record ImportRow(int number, LeadEdit edit, HistoricalOutcome outcome, List<String> reasons) {

  public ImportRow {
    reasons = List.copyOf(reasons);
  }

  public static ImportRow valid(int number, LeadEdit edit, HistoricalOutcome outcome) {
    return new ImportRow(number, edit, outcome, List.of());
  }

  public static ImportRow invalid(int number, List<String> reasons) {
    return new ImportRow(number, null, null, reasons);
  }

  public boolean isValid() {
    return reasons.isEmpty();
  }
}
