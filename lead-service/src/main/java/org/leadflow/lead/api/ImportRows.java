package org.leadflow.lead.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.FilterReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.leadflow.lead.application.ImportRow;
import org.leadflow.lead.application.ImportRowSource;
import org.leadflow.lead.application.LeadEdit;
import org.leadflow.lead.config.ImportConfig;
import org.leadflow.lead.domain.HistoricalOutcome;
import org.leadflow.web.FieldError;
import org.leadflow.web.InvalidRequestException;
import org.leadflow.web.Problems;

/**
 * Reads an import's file (CSV with Apache Commons CSV, or JSON Lines) as a stream of rows, and makes
 * each row a lead exactly as {@code POST /leads} does: the row becomes the request's JSON body
 * (through the mapping), bound to {@link LeadInput} by the same Jackson settings, and validated by
 * {@link LeadMapper#toEdit}. Also checks a file when it is uploaded ({@link #inspect}): its hash, its
 * rows counted, its header against the mapping.
 */
@ApplicationScoped
public class ImportRows implements ImportRowSource {

  public static final String CSV = "CSV";
  public static final String NDJSON = "NDJSON";

  @Inject ObjectMapper json;
  @Inject LeadMapper leads;
  @Inject ImportConfig config;
  @Inject Clock clock;

  /** What the upload check found: the file's SHA-256 (hex) and its rows. */
  public record Inspection(String sha256, int rows) {}

  /** More rows than an import takes. */
  public static class TooManyRowsException extends RuntimeException {
    TooManyRowsException(int max) {
      super("The file has more than " + max + " rows; split it into files of at most " + max + " rows");
    }
  }

  /**
   * Reads the whole file once, as a stream: its hash, its rows counted (refused past {@code
   * leadflow.imports.max-rows}), a CSV header checked against the mapping; refuses a file that is
   * empty, not UTF-8 text, or not CSV.
   */
  public Inspection inspect(Path file, String format, ImportMapping mapping) throws IOException {
    int rows = 0;
    try (Reader reader = text(Files.newInputStream(file))) {
      if (format.equals(CSV)) {
        try (CSVParser parser = csv(reader, mapping)) {
          List<String> header = parser.getHeaderNames();
          if (header.isEmpty()) {
            throw invalid("file", "is empty: a CSV file starts with a header row naming its columns");
          }
          compile(mapping).requireColumns(header);
          for (Iterator<CSVRecord> records = parser.iterator(); records.hasNext(); records.next()) {
            rows = counted(rows);
          }
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
          throw notReadable(e, "CSV");
        }
      } else {
        if (mapping != null) {
          ColumnMapping.of(mapping);
        }
        BufferedReader lines = new BufferedReader(reader);
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          if (!line.isBlank()) {
            rows = counted(rows);
          }
        }
      }
    } catch (CharacterCodingException e) {
      throw invalid("file", "is not UTF-8 text");
    }
    if (rows == 0) {
      throw invalid("file", "has no rows to import");
    }
    return new Inspection(sha256(file), rows);
  }

  private static String sha256(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  @Override
  public Rows open(Path file, String format, String mapping, int skip) throws IOException {
    ImportMapping read = mapping == null || mapping.isBlank() || mapping.equals("null") ? null : json.readValue(mapping, ImportMapping.class);
    Reader reader = text(Files.newInputStream(file));
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    Rows rows = format.equals(CSV) ? csvRows(reader, read, today) : jsonLines(reader, read, today);
    rows.next(skip);
    return rows;
  }

  private Rows csvRows(Reader reader, ImportMapping mapping, LocalDate today) throws IOException {
    CSVParser parser = csv(reader, mapping);
    List<String> header = parser.getHeaderNames();
    ColumnMapping columns = compile(mapping);
    Iterator<CSVRecord> records = parser.iterator();
    return new Rows() {
      int number;

      @Override
      public List<ImportRow> next(int max) {
        List<ImportRow> rows = new ArrayList<>();
        while (rows.size() < max && records.hasNext()) {
          CSVRecord record = records.next();
          Map<String, String> values = new LinkedHashMap<>();
          for (int i = 0; i < header.size(); i++) {
            values.put(header.get(i), i < record.size() ? record.get(i) : null);
          }
          List<String> reasons = new ArrayList<>();
          if (record.size() != header.size()) {
            reasons.add("row: has " + record.size() + " values for " + header.size() + " columns");
          }
          rows.add(row(++number, columns, values, reasons, today));
        }
        return rows;
      }

      @Override
      public void close() throws IOException {
        parser.close();
      }
    };
  }

  private Rows jsonLines(Reader reader, ImportMapping mapping, LocalDate today) {
    BufferedReader lines = new BufferedReader(reader);
    ColumnMapping columns = mapping == null ? null : ColumnMapping.of(mapping);
    return new Rows() {
      int number;

      @Override
      public List<ImportRow> next(int max) throws IOException {
        List<ImportRow> rows = new ArrayList<>();
        while (rows.size() < max) {
          String line = lines.readLine();
          if (line == null) {
            break;
          }
          if (line.isBlank()) {
            continue;
          }
          rows.add(columns == null ? asLeadInput(++number, line) : mapped(++number, columns, line, today));
        }
        return rows;
      }

      @Override
      public void close() throws IOException {
        lines.close();
      }
    };
  }

  /** A JSON line without a mapping: the body of POST /leads, as it is. */
  private ImportRow asLeadInput(int number, String line) {
    try {
      return validated(number, json.readValue(line, LeadInput.class), null, List.of());
    } catch (JsonProcessingException e) {
      FieldError error = Problems.fieldError(e);
      return ImportRow.invalid(number, List.of(error.field() + ": " + error.message()));
    }
  }

  /** A JSON line read through a mapping: its members are the columns. */
  private ImportRow mapped(int number, ColumnMapping columns, String line, LocalDate today) {
    JsonNode object;
    try {
      object = json.readTree(line);
    } catch (JsonProcessingException e) {
      return ImportRow.invalid(number, List.of("row: is not valid JSON"));
    }
    if (object == null || !object.isObject()) {
      return ImportRow.invalid(number, List.of("row: must be a JSON object"));
    }
    Map<String, String> values = new LinkedHashMap<>();
    List<String> reasons = new ArrayList<>();
    object.fields().forEachRemaining(member -> {
      JsonNode value = member.getValue();
      if (value.isValueNode()) {
        values.put(member.getKey(), value.isNull() ? null : value.asText());
      } else {
        reasons.add(member.getKey() + ": must be a string, a number or a boolean");
      }
    });
    return row(number, columns, values, reasons, today);
  }

  private ImportRow row(int number, ColumnMapping columns, Map<String, String> values, List<String> reasons, LocalDate today) {
    var body = columns.body(values, reasons);
    HistoricalOutcome outcome = columns.outcome(values, today, reasons);
    try {
      return validated(number, json.treeToValue(body, LeadInput.class), outcome, reasons);
    } catch (JsonProcessingException e) {
      FieldError error = Problems.fieldError(e);
      List<String> all = new ArrayList<>(reasons);
      all.add(error.field() + ": " + error.message());
      return ImportRow.invalid(number, all);
    }
  }

  /** The API's validation of a lead, and what the import itself found wrong with the row. */
  private ImportRow validated(int number, LeadInput input, HistoricalOutcome outcome, List<String> reasons) {
    List<String> all = new ArrayList<>(reasons);
    LeadEdit edit = null;
    try {
      edit = leads.toEdit(input);
    } catch (InvalidRequestException e) {
      e.errors().forEach(error -> all.add(error.field() + ": " + error.message()));
    }
    return all.isEmpty() ? ImportRow.valid(number, edit, outcome) : ImportRow.invalid(number, all);
  }

  /** The mapping; none: each column names its own field. */
  private static ColumnMapping compile(ImportMapping mapping) {
    return ColumnMapping.of(mapping != null ? mapping : new ImportMapping(null, null, null, null, null, null, null));
  }

  private static CSVParser csv(Reader reader, ImportMapping mapping) throws IOException {
    char delimiter = mapping == null ? ',' : ColumnMapping.of(mapping).delimiter();
    return CSVFormat.DEFAULT.builder()
        .setDelimiter(delimiter)
        .setHeader()
        .setSkipHeaderRecord(true)
        .setIgnoreEmptyLines(true)
        .setAllowMissingColumnNames(false)
        .get()
        .parse(reader);
  }

  private int counted(int rows) {
    if (rows >= config.maxRows()) {
      throw new TooManyRowsException(config.maxRows());
    }
    return rows + 1;
  }

  /** UTF-8 text (a byte order mark skipped); bytes that are not UTF-8, or a NUL, fail the read. */
  private static Reader text(InputStream in) {
    Reader decoded =
        new InputStreamReader(
            in, StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    return new BufferedReader(new TextOnly(decoded), 64 * 1024);
  }

  private static InvalidRequestException invalid(String field, String message) {
    return new InvalidRequestException(List.of(new FieldError(field, message)));
  }

  private static RuntimeException notReadable(RuntimeException failure, String format) {
    if (failure instanceof InvalidRequestException || failure instanceof TooManyRowsException) {
      return failure;
    }
    if (failure.getCause() instanceof CharacterCodingException) {
      return invalid("file", "is not UTF-8 text");
    }
    return invalid("file", "is not a readable " + format + " file: " + failure.getMessage());
  }

  /** Skips a leading byte order mark; a NUL character (binary content) fails the read. */
  private static final class TextOnly extends FilterReader {
    private boolean started;

    TextOnly(Reader in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      char[] one = new char[1];
      return read(one, 0, 1) < 0 ? -1 : one[0];
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
      int read = super.read(buffer, offset, length);
      if (read > 0 && !started) {
        started = true;
        if (buffer[offset] == '\uFEFF') {
          System.arraycopy(buffer, offset + 1, buffer, offset, read - 1);
          read--;
          if (read == 0) {
            return read(buffer, offset, length);
          }
        }
      }
      for (int i = offset; i < offset + Math.max(read, 0); i++) {
        if (buffer[i] == 0) {
          throw new CharacterCodingException();
        }
      }
      return read;
    }
  }
}
