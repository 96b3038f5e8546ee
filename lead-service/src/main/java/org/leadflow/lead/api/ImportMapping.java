package org.leadflow.lead.api;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How the columns of an import's file become a lead (docs/imports.md): each column named in {@code
 * columns} goes to a lead field or to an attribute; {@code templates} make a field from several
 * columns; {@code defaults} fill a field a row leaves empty; {@code outcome} reads a historical
 * outcome. A JSON Lines file's columns are the members of each line.
 */
@Schema(
    name = "ImportMapping",
    description =
        "Column → lead field or attribute. Targets: firstName, lastName, companyName, jobTitle, email, phone, website, source, industry,"
            + " numberOfEmployees, annualRevenue.amount, annualRevenue.currency, country, city, ownerId, description, or attributes.<key>"
            + " (a string; attributes.<key>:number or attributes.<key>:boolean for a typed value). Without a mapping a CSV file's header"
            + " names must be lead fields, and each JSON line is read as a LeadInput.")
public record ImportMapping(
    @Schema(description = "Column name → target", example = "{\"E-mail\": \"email\", \"Company\": \"companyName\", \"Visits\": \"attributes.visits:number\"}")
        Map<String, String> columns,
    @Schema(description = "Target → text with {Column} placeholders", example = "{\"lastName\": \"Lead {Lead Number}\"}")
        Map<String, String> templates,
    @Schema(description = "Target → value used when the row has none", example = "{\"source\": \"Trade Show\"}")
        Map<String, String> defaults,
    @Schema(description = "What becomes of columns the mapping does not name: ignore (default) or attributes (kept under their column name)", enumeration = {"ignore", "attributes"})
        String unmappedColumns,
    @Schema(description = "Values that mean 'no value' besides the empty one", example = "[\"Select\", \"N/A\"]")
        List<String> missingValues,
    @Schema(description = "The CSV delimiter, one character (default ,)", example = ";") String delimiter,
    OutcomeMapping outcome) {

  /** Reads a historical outcome (docs/imports.md, section Historical outcomes). */
  @Schema(name = "ImportOutcomeMapping", description = "Where each row's historical outcome is, and what its values mean")
  public record OutcomeMapping(
      @Schema(description = "The column holding the outcome", example = "Converted") String column,
      @Schema(description = "Column value → qualified, disqualified, won or lost; a value not listed is an invalid row; an empty one: no outcome",
              example = "{\"1\": \"won\", \"0\": \"disqualified\"}")
          Map<String, String> values,
      @Schema(description = "A disqualification's status reason (Lost, Cannot Contact, No Longer Interested, Canceled); other text is kept as the note, with Lost", example = "Reason")
          String reasonColumn,
      @Schema(description = "The day of the outcome, ISO 8601 (2024-03-01 or 2024-03-01T10:00:00Z); none: the day of the import", example = "Closed On")
          String dateColumn) {}
}
