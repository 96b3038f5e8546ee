package org.leadflow.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import net.datafaker.Faker;
import org.leadflow.devstack.run.LeadflowService;

/**
 * Scenario 5 (docs/benchmarks.md, section Import): a generated CSV file of 100,000 leads (realistic
 * names and companies from Datafaker, emails and phones all different, so that every duplicate rule
 * applies to every row; a common name at a similar company is a warned row, as in real lists) imported through {@code POST /api/v1/imports} with the duplicate rules as the service
 * starts (all four on, warn); the job is polled until it completes. Reports the service's rate (rows
 * per second from the job's start to its end, as the job reports it), the wall time from the upload,
 * and the cores used. Target: ≥ 2,000 rows/s.
 */
final class ImportScenario {

  static final String NAME = "import";
  private static final String SECTION = "5. Import";
  private static final double TARGET_ROWS_PER_SECOND = 2_000;
  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration TIMEOUT = Duration.ofMinutes(15);
  private static final String[] SOURCES = {"Web", "Trade Show", "Partner", "Seminar", "Advertisement"};

  private final Stack stack;
  private final Report report;
  private final PrintStream out;
  private final Path directory;
  private final int rows;
  private final ObjectMapper json = new ObjectMapper();

  ImportScenario(Stack stack, Report report, PrintStream out, Path directory, int rows) {
    this.stack = stack;
    this.report = report;
    this.out = out;
    this.directory = directory;
    this.rows = rows;
  }

  void run(CpuAccounting cpu) throws IOException, InterruptedException {
    Path file = directory.resolve("import-" + rows + ".csv");
    generate(file);
    out.printf("[import] %,d rows (%.1f MB) through POST /api/v1/imports...%n", rows, Files.size(file) / 1e6);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    String authorization = stack.salesManager().authorization().orElseThrow();
    String boundary = "leadflow-benchmark-" + UUID.randomUUID();
    String mapping =
        "{\"columns\": {\"First\": \"firstName\", \"Last\": \"lastName\", \"Company\": \"companyName\", \"Email\": \"email\","
            + " \"Phone\": \"phone\", \"Country\": \"country\", \"Source\": \"source\", \"Employees\": \"numberOfEmployees\","
            + " \"Score\": \"attributes.score:number\"}}";
    List<byte[]> parts = new ArrayList<>();
    parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"mapping\"\r\nContent-Type: application/json\r\n\r\n" + mapping + "\r\n")
        .getBytes(StandardCharsets.UTF_8));
    parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"options\"\r\nContent-Type: application/json\r\n\r\n"
            + "{\"allowReimport\": true}\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file.getFileName()
            + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    parts.add(Files.readAllBytes(file));
    parts.add(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));

    double loadAverage = CpuAccounting.loadAverage();
    CpuAccounting.Snapshot before = cpu.snapshot();
    long uploaded = System.nanoTime();
    HttpResponse<String> accepted =
        http.send(
            HttpRequest.newBuilder(stack.uri(LeadflowService.LEAD_SERVICE, "/api/v1/imports"))
                .header("Authorization", authorization)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(parts))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (accepted.statusCode() != 202) {
      throw new IllegalStateException("The import was not accepted: " + accepted.statusCode() + " " + accepted.body());
    }
    double acceptedAfter = (System.nanoTime() - uploaded) / 1e9;
    URI job = stack.uri(LeadflowService.LEAD_SERVICE, accepted.headers().firstValue("Location").map(URI::create).map(URI::getPath).orElseThrow());
    JsonNode done = awaitEnd(http, authorization, job);
    double wall = (System.nanoTime() - uploaded) / 1e9;
    report.cpu("import " + rows + " rows (service)", cpu.snapshot().coresSince(before), loadAverage);

    if (!done.path("status").asText().equals("completed")) {
      throw new IllegalStateException("The import did not complete: " + done);
    }
    double seconds = Duration.between(Instant.parse(done.path("startedAt").asText()), Instant.parse(done.path("finishedAt").asText())).toMillis() / 1e3;
    double rate = done.path("processedRows").asInt() / seconds;
    report.detail("import", Map.of(
        "rows", rows, "createdLeads", done.path("createdLeads").asInt(), "invalidRows", done.path("invalidRows").asInt(),
        "warnedRows", done.path("warnedRows").asInt(), "duplicateRows", done.path("duplicateRows").asInt(),
        "jobSeconds", seconds, "wallSeconds", wall, "acceptedAfterSeconds", acceptedAfter));
    report.row(SECTION, Report.format("%,d-row CSV, duplicate checks on (4 rules, warn): rows/s from the job's start to its end", rows),
        Report.format("%,.0f rows/s (%.1f s)", rate, seconds), "≥ 2,000 rows/s", rate >= TARGET_ROWS_PER_SECOND);
    report.row(SECTION, "upload → 202 (file stored, hashed and counted) / upload → completed",
        Report.format("%.1f s / %.1f s", acceptedAfter, wall));
    report.row(SECTION, "created / warned / duplicate / invalid",
        done.path("createdLeads").asInt() + " / " + done.path("warnedRows").asInt() + " / " + done.path("duplicateRows").asInt() + " / "
            + done.path("invalidRows").asInt());
    out.printf("[import] %,.0f rows/s (%.1f s in the job, %.1f s from the upload)%n", rate, seconds, wall);
  }

  private JsonNode awaitEnd(HttpClient http, String authorization, URI job) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      HttpResponse<String> current =
          http.send(HttpRequest.newBuilder(job).header("Authorization", authorization).GET().build(), HttpResponse.BodyHandlers.ofString());
      JsonNode body = json.readTree(current.body());
      String status = body.path("status").asText();
      if (status.equals("completed") || status.equals("failed")) {
        return body;
      }
      Thread.sleep(POLL.toMillis()); // polling a job's progress, as a client does
    }
    throw new IllegalStateException("The import did not end within " + TIMEOUT);
  }

  /** Rows of people with realistic names at realistic companies (Datafaker), each with its own email and phone (seeded: every run the same file). */
  private void generate(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Random random = new Random(20_261_129L);
    Faker faker = new Faker(new Random(20_261_129L));
    try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      writer.write("First,Last,Company,Email,Phone,Country,Source,Employees,Score\n");
      for (int i = 0; i < rows; i++) {
        String last = faker.name().lastName().replace(",", " ");
        String company = faker.company().name().replace(",", " ");
        writer.write(faker.name().firstName().replace(",", " ") + "," + last + "," + company + ",lead" + i + "@c" + i + ".example,+4420" + String.format("%08d", i)
            + ",GB," + SOURCES[i % SOURCES.length] + "," + (1 + random.nextInt(5_000)) + "," + random.nextInt(100) + "\n");
      }
    }
  }
}
