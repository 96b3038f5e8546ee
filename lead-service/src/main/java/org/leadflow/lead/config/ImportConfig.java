package org.leadflow.lead.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Bulk import (docs/imports.md): where uploaded files are kept, how large they may be, how they are run. */
@ConfigMapping(prefix = "leadflow.imports")
public interface ImportConfig {

  /**
   * Where an uploaded file is kept until its import has run. With several instances it must be one
   * volume shared by all: a job whose instance stopped is taken up by another.
   */
  @WithDefault("${java.io.tmpdir}/leadflow-imports")
  String directory();

  /** Most rows in one file; a larger one is refused (413) before anything is imported. */
  @WithDefault("100000")
  int maxRows();

  /** Rows imported in one transaction. */
  @WithDefault("500")
  int chunkSize();

  /** How often the service looks for an import to run (the scheduler reads the same property). */
  @WithDefault("1s")
  Duration pollInterval();

  /** How long an instance holds a running job without finishing a chunk; then another may take it up. */
  @WithDefault("5m")
  Duration claim();
}
