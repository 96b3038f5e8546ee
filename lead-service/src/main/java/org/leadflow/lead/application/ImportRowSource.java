package org.leadflow.lead.application;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads an import's file as rows, each validated as the API validates a lead (implemented by the API
 * layer, whose validation it is: {@code api/ImportRows}). Blocking: called on a worker thread.
 */
public interface ImportRowSource {

  /**
   * The file's rows after the first {@code skip} (those an earlier run of the job imported).
   *
   * @param format {@code CSV} or {@code NDJSON}
   * @param mapping the import's mapping, as JSON
   */
  Rows open(Path file, String format, String mapping, int skip) throws IOException;

  /** The rows of one file, read as a stream. */
  interface Rows extends Closeable {

    /** The next {@code max} rows at most; empty at the end of the file. */
    List<ImportRow> next(int max) throws IOException;
  }
}
