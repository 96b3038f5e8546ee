package org.leadflow.lead.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.unchecked.Unchecked;
import io.vertx.mutiny.core.Vertx;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Encoding;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.leadflow.lead.application.Commands;
import org.leadflow.lead.application.ImportOptions;
import org.leadflow.lead.application.StartImport;
import org.leadflow.lead.config.ImportConfig;
import org.leadflow.lead.domain.LeadImport;
import org.leadflow.lead.domain.LeadSource;
import org.leadflow.lead.domain.UnknownLabelException;
import org.leadflow.lead.service.ImportQueries;
import org.leadflow.web.FieldError;
import org.leadflow.web.InvalidRequestException;
import org.leadflow.web.PageParameters;
import org.leadflow.web.Problem;
import org.leadflow.web.Problems;
import org.leadflow.web.security.ActionForbiddenException;
import org.leadflow.web.security.Caller;
import org.leadflow.web.security.CurrentCaller;
import org.leadflow.web.security.Roles;

/**
 * Bulk import (docs/imports.md): a CSV or JSON Lines file of up to {@code leadflow.imports.max-rows}
 * rows, uploaded with its column mapping, runs as a job after the request ({@code
 * application/ImportJobs}); its progress, counts and per-row report are read here.
 */
@Path("/api/v1/imports")
@Tag(name = "Imports", description = "Bulk import of leads from CSV or JSON Lines files, run as jobs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SELLER, Roles.SALES_MANAGER, Roles.ADMIN, Roles.INTEGRATION})
public class ImportResource {

  static final String CSV_TYPE = "text/csv";
  static final String NDJSON_TYPE = "application/x-ndjson";

  /** The parts as they travel: the file's text, and the mapping and options as JSON text. */
  static final String UPLOAD_EXAMPLE =
      "{\"file\":\"First Name,Last Name,Company,E-mail,Phone,Country,Visits,Campaign,Result,Reason,Closed On"
          + "\\nAda,Lovelace,Analytical Engines Ltd,ada@analytical-engines.example,+44 20 7946 0123,GB,5,spring-ex"
          + "po,won,,2025-11-03\\n\",\"mapping\":\"{\\\"columns\\\":{\\\"First Name\\\":\\\"firstName\\\",\\\"Last"
          + " Name\\\":\\\"lastName\\\",\\\"Company\\\":\\\"companyName\\\",\\\"E-mail\\\":\\\"email\\\",\\\"Phone"
          + "\\\":\\\"phone\\\",\\\"Country\\\":\\\"country\\\",\\\"Visits\\\":\\\"attributes.visits:number\\\",\\"
          + "\"Campaign\\\":\\\"attributes.campaign\\\"},\\\"defaults\\\":{\\\"source\\\":\\\"Trade Show\\\"},\\\""
          + "missingValues\\\":[\\\"Select\\\"],\\\"outcome\\\":{\\\"column\\\":\\\"Result\\\",\\\"values\\\":{\\\""
          + "won\\\":\\\"won\\\",\\\"lost\\\":\\\"lost\\\",\\\"dq\\\":\\\"disqualified\\\"},\\\"reasonColumn\\\":\\"
          + "\"Reason\\\",\\\"dateColumn\\\":\\\"Closed On\\\"}}\",\"options\":\"{\\\"assignByRules\\\":true,\\\"a"
          + "llowReimport\\\":false}\"}";
  static final String SAME_FILE_EXAMPLE =
      "{\"type\":\"https://leadflow.org/problems/same-file-imported\",\"title\":\"Same file imported before\",\"status\":409,"
          + "\"detail\":\"The same file was imported at 2026-11-29T10:15:30Z (import 01964f3c-5b1a-7c2e-9d4f-0a1b2c3d4e5f); set allowReimport to import it again\","
          + "\"instance\":\"/api/v1/imports\",\"earlierImport\":\"01964f3c-5b1a-7c2e-9d4f-0a1b2c3d4e5f\"}";
  static final String REPORT_EXAMPLE =
      "row,outcome,leadId,reasons,candidates\n1,CREATED,01964f3c-5b1a-7c2e-9d4f-0a1b2c3d4e5f,,\n"
          + "2,INVALID,,email: must be a well-formed email address,\n3,DUPLICATE,,possible duplicate (blocked): matched by email,01964f3c-5b1a-7c2e-9d4f-0a1b2c3d4e5f\n";

  @Inject Commands commands;
  @Inject StartImport startImport;
  @Inject ImportQueries imports;
  @Inject ImportRows rows;
  @Inject ImportConfig config;
  @Inject CurrentCaller callers;
  @Inject ObjectMapper json;
  @Inject Clock clock;
  @Inject Vertx vertx;

  /** The multipart body of {@code POST /imports}, for the OpenAPI document. */
  @Schema(name = "ImportUpload", description = "multipart/form-data: the file, and its mapping and options as JSON parts")
  public record ImportUpload(
      @Schema(type = SchemaType.STRING, format = "binary", description = "The rows: text/csv (a header row, then one row per lead) or application/x-ndjson (one JSON object per line), UTF-8, at most 100,000 rows")
          String file,
      @Schema(description = "How the file's columns become leads; optional (without it a CSV header names lead fields and a JSON line is a LeadInput)")
          ImportMapping mapping,
      @Schema(description = "Owner, default source, re-import") ImportOptionsInput options) {}

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(
      operationId = "startImport",
      summary = "Import leads from a file",
      description =
          "Checks the file (UTF-8, CSV or JSON Lines, at most 100,000 rows, its header against the mapping) and queues its import:"
              + " 202 with Location; the job then runs in chunks (GET /imports/{id} for progress). Each row is validated as POST /leads"
              + " validates a lead; duplicate rules apply (block: not created, warn: created; both reported); rows without an owner go"
              + " to the assignment rules. Sellers, sales managers, admins and integrations may import; a seller's rows are the seller's"
              + " own. The same file (SHA-256) is refused unless options.allowReimport.")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.MULTIPART_FORM_DATA,
              schema = @Schema(implementation = ImportUpload.class),
              encoding = {
                @Encoding(name = "file", contentType = CSV_TYPE + ", " + NDJSON_TYPE),
                @Encoding(name = "mapping", contentType = MediaType.APPLICATION_JSON),
                @Encoding(name = "options", contentType = MediaType.APPLICATION_JSON)
              },
              examples = @ExampleObject(name = "csv", value = UPLOAD_EXAMPLE)))
  @APIResponse(
      responseCode = "202",
      description = "Queued; Location names the import",
      headers = @Header(name = "Location", description = "/api/v1/imports/{id}", schema = @Schema(type = SchemaType.STRING)),
      content = @Content(schema = @Schema(implementation = ImportResponse.class)))
  @APIResponse(responseCode = "400", description = "No file, an empty file, a file that is not UTF-8 CSV or JSON Lines, or a mapping that names an unknown field or a column the file lacks", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "403", description = "A seller named another owner", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "409", description = "The same file was imported before (the problem names that import in earlierImport)", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "same-file", value = SAME_FILE_EXAMPLE)))
  @APIResponse(responseCode = "413", description = "More than 100,000 rows, or a larger body than imports take", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "415", description = "Not multipart/form-data, or a file that is neither text/csv nor application/x-ndjson", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<Response> start(
      @RestForm("file") FileUpload file, @RestForm("mapping") String mapping, @RestForm("options") String options, @Context UriInfo uri) {
    Caller caller = callers.get();
    if (file == null || file.uploadedFile() == null) {
      throw new InvalidRequestException(List.of(new FieldError("file", "is required: a multipart part named file")));
    }
    String format = format(file);
    ImportMapping readMapping = blank(mapping) ? null : read(mapping, ImportMapping.class, "mapping");
    ImportOptionsInput readOptions = blank(options) ? null : read(options, ImportOptionsInput.class, "options");
    ImportOptions settled = options(readOptions, caller);
    ImportMapping withDefaults = withDefaultSource(readMapping, readOptions);
    if (withDefaults != null) {
      ColumnMapping.of(withDefaults);
    }
    UUID id = UUID.randomUUID();
    java.nio.file.Path stored = java.nio.file.Path.of(config.directory(), id + (format.equals(ImportRows.CSV) ? ".csv" : ".ndjson"));
    String mappingJson = withDefaults == null ? "null" : write(withDefaults);
    Uni<ImportRows.Inspection> inspected = vertx
        .executeBlocking(Uni.createFrom().item(Unchecked.supplier(() -> {
          Files.createDirectories(stored.getParent());
          Files.move(file.uploadedFile(), stored, StandardCopyOption.REPLACE_EXISTING);
          return rows.inspect(stored, format, withDefaults);
        })), false);
    return inspected
        .chain(inspection -> commands.run(
            startImport,
            new StartImport.Command(
                id, caller, fileName(file), inspection.sha256(), stored.toString(), format, mappingJson, write(settled), inspection.rows(), settled.allowReimport())))
        .onFailure()
        .call(failure -> vertx.executeBlocking(Uni.createFrom().item(Unchecked.supplier(() -> Files.deleteIfExists(stored))), false))
        .map(job -> Response.accepted(ImportResponse.of(job, Map.of(), clock.instant()))
            .location(uri.getBaseUriBuilder().path("api/v1/imports").path(job.id().toString()).build())
            .build());
  }

  @GET
  @Operation(operationId = "listImports", summary = "List imports, newest first", description = "A sales manager sees every import; anyone else their own.")
  @APIResponse(responseCode = "200", description = "One page of imports", content = @Content(schema = @Schema(implementation = ImportPage.class)))
  @APIResponse(responseCode = "400", description = "Invalid paging", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<ImportPage> list(
      @QueryParam("page") @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0", minimum = "0")) String page,
      @QueryParam("size") @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50", minimum = "1", maximum = "200")) String size) {
    PageParameters paging = PageParameters.read(page, size);
    return imports
        .list(callers.get(), paging.page(), paging.size())
        .map(found -> new ImportPage(found.items().stream().map(job -> ImportResponse.of(job, Map.of(), clock.instant())).toList(), found.page(), found.size(), found.total()));
  }

  @GET
  @Path("/{id}")
  @Operation(operationId = "getImport", summary = "An import's progress and counts", description = "Status, rows processed of the total, leads created, duplicates, invalid rows, historical outcomes, timing.")
  @APIResponse(responseCode = "200", description = "The import", content = @Content(schema = @Schema(implementation = ImportResponse.class)))
  @APIResponse(responseCode = "404", description = "No such import (or another's)", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<ImportResponse> get(@PathParam("id") UUID id) {
    return imports.get(id, callers.get()).map(view -> ImportResponse.of(view.job(), view.outcomes(), clock.instant()));
  }

  @GET
  @Path("/{id}/report")
  @Produces({CSV_TYPE, MediaType.APPLICATION_JSON})
  @Operation(
      operationId = "getImportReport",
      summary = "An import's per-row report (CSV)",
      description =
          "One line per row imported so far: row (its number in the file, from 1), outcome (CREATED, WARNED, DUPLICATE, INVALID),"
              + " leadId (created rows), reasons (field: message; ...), candidates (ids of the leads a duplicate rule found, and"
              + " earlier rows of the file as \"row 12\").")
  @APIResponse(
      responseCode = "200",
      description = "The report, as an attachment",
      headers = @Header(name = "Content-Disposition", description = "attachment; filename=\"import-{id}-report.csv\"", schema = @Schema(type = SchemaType.STRING)),
      content = @Content(mediaType = CSV_TYPE, schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "report", value = REPORT_EXAMPLE)))
  @APIResponse(responseCode = "404", description = "No such import (or another's)", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<Response> report(@PathParam("id") UUID id) {
    return imports
        .find(id, callers.get())
        .chain(job -> reportPages(job, 0, new StringBuilder("row,outcome,leadId,reasons,candidates\r\n")))
        .map(csv -> Response.ok(csv.toString(), CSV_TYPE + "; charset=UTF-8")
            .header("Content-Disposition", "attachment; filename=\"import-" + id + "-report.csv\"")
            .build());
  }

  /** The report's rows after {@code after}, a page at a time (one statement each), appended to {@code csv}. */
  private Uni<StringBuilder> reportPages(LeadImport job, int after, StringBuilder csv) {
    return imports.report(job.id(), after, 5_000).chain(page -> {
      if (page.isEmpty()) {
        return Uni.createFrom().item(csv);
      }
      try (CSVPrinter printer = new CSVPrinter(new StringWriter(), CSVFormat.DEFAULT)) {
        for (LeadImport.ReportRow row : page) {
          printer.printRecord(row.rowNumber(), row.outcome(), row.leadId(), row.reasons(), row.candidates());
        }
        csv.append(printer.getOut());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return reportPages(job, page.get(page.size() - 1).rowNumber(), csv);
    });
  }

  private ImportOptions options(ImportOptionsInput input, Caller caller) {
    if (input == null) {
      return ImportOptions.DEFAULT;
    }
    String owner = input.ownerId() == null || input.ownerId().isBlank() ? null : input.ownerId().strip();
    if (owner != null && owner.length() > Caller.MAX_ID_LENGTH) {
      throw new InvalidRequestException(List.of(new FieldError("options.ownerId", "must have at most " + Caller.MAX_ID_LENGTH + " characters")));
    }
    boolean importsForOthers = caller.mayAssignOwners() || caller.has(Roles.ADMIN);
    if (owner != null && !owner.equals(caller.id()) && !importsForOthers) {
      throw new ActionForbiddenException("Only a sales manager, an admin or an integration may import leads for another owner");
    }
    return new ImportOptions(owner, input.assignByRules() == null || input.assignByRules(), Boolean.TRUE.equals(input.allowReimport()));
  }

  /** The mapping with {@code options.defaultSource} among its defaults (checked as a lead's source label). */
  private static ImportMapping withDefaultSource(ImportMapping mapping, ImportOptionsInput options) {
    if (options == null || options.defaultSource() == null) {
      return mapping;
    }
    try {
      LeadSource.fromLabel(options.defaultSource());
    } catch (UnknownLabelException e) {
      throw new InvalidRequestException(List.of(new FieldError("options.defaultSource", "must be one of " + String.join(", ", e.allowed()))));
    }
    ImportMapping base = mapping != null ? mapping : new ImportMapping(null, null, null, null, null, null, null);
    Map<String, String> defaults = new LinkedHashMap<>(base.defaults() == null ? Map.of() : base.defaults());
    defaults.putIfAbsent("source", options.defaultSource());
    return new ImportMapping(base.columns(), base.templates(), defaults, base.unmappedColumns(), base.missingValues(), base.delimiter(), base.outcome());
  }

  /** CSV or JSON Lines, by the file part's content type, else by its name's extension. */
  private static String format(FileUpload file) {
    String type = file.contentType() == null ? "" : file.contentType().toLowerCase(Locale.ROOT);
    String name = file.fileName() == null ? "" : file.fileName().toLowerCase(Locale.ROOT);
    if (type.startsWith(CSV_TYPE) || (type.startsWith("application/octet-stream") || type.isEmpty() || type.startsWith("text/plain")) && name.endsWith(".csv")) {
      return ImportRows.CSV;
    }
    if (type.startsWith(NDJSON_TYPE) || type.startsWith("application/jsonl") || type.startsWith("application/jsonlines")
        || (type.startsWith("application/octet-stream") || type.isEmpty() || type.startsWith("text/plain")) && (name.endsWith(".ndjson") || name.endsWith(".jsonl"))) {
      return ImportRows.NDJSON;
    }
    throw new UnsupportedFileTypeException(file.contentType());
  }

  private static String fileName(FileUpload file) {
    String name = file.fileName();
    if (name == null || name.isBlank()) {
      return null;
    }
    String printable = name.replaceAll("\\p{Cntrl}", "").strip();
    return printable.length() > 255 ? printable.substring(0, 255) : printable;
  }

  private <T> T read(String text, Class<T> type, String part) {
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      FieldError error = Problems.fieldError(e);
      String field = error.field().equals("body") ? part : part + "." + error.field();
      throw new InvalidRequestException(List.of(new FieldError(field, error.message())));
    }
  }

  private String write(Object value) {
    try {
      return value == null ? null : json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  /** The file part is neither CSV nor JSON Lines. */
  public static class UnsupportedFileTypeException extends RuntimeException {
    UnsupportedFileTypeException(String type) {
      super("The file part's type " + (type == null ? "(none)" : type) + " is neither " + CSV_TYPE + " nor " + NDJSON_TYPE + " (nor a .csv, .ndjson or .jsonl file)");
    }
  }

  /** One page of imports. */
  @Schema(name = "ImportPage")
  public record ImportPage(List<ImportResponse> items, int page, int size, long total) {}
}
