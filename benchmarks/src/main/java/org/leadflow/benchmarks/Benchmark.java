package org.leadflow.benchmarks;

import io.vertx.core.http.HttpClient;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.common.utils.AppInfoParser;
import org.leadflow.devstack.Infrastructure;
import org.leadflow.devstack.run.DemoLeadRequests;
import org.leadflow.devstack.run.LeadflowService;

/**
 * {@code ./benchmark.sh}: starts a fresh PostgreSQL, Kafka and both packaged services, runs the
 * scenarios of docs/benchmarks.md one after the other, prints the table and writes it to {@code
 * target/benchmarks/results.md} (all figures in {@code results.json}).
 */
public final class Benchmark {

  private static final String USAGE =
      """
      Usage: ./benchmark.sh [--quick] [--profile] [--only=create,conversion,conversion-idle,reads,import,scoring] [--jvm="OPTIONS"]

      Runs LeadFlow's benchmark (docs/benchmarks.md): fresh embedded PostgreSQL and Kafka in
      target/benchmarks/data, both packaged services, then lead creation (with pgbench of the same
      inserts for comparison), conversion (one at a time on the idle system, where the time goes
      stage by stage; rising rates; pgbench of the conversion's statements in both databases for
      comparison), reads over 1,000,000 leads (measured cold, then again in steady
      state after a warm-up that lasts until JIT compilation settles, with creates with duplicate
      rules off and on), a 100,000-row import (then at most 15 minutes until the services have
      worked through its events), scoring and footprint. About 40 minutes on two cores. Results:
      target/benchmarks/results.md and results.json.

        --quick     every scenario briefly, on 100,000 leads (a smoke run; figures not comparable)
        --profile   record each service with Java Flight Recorder (target/benchmarks/data/logs/*.jfr)
        --only=...  run only these scenarios (footprint is always measured; --only=footprint: nothing else;
                    conversion-idle: the conversions' warm-up and the idle conversions only, part of conversion)
        --jvm="..." more options for each service's java command, e.g. --jvm="-XX:TieredStopAtLevel=1"

      Environment: LEADFLOW_PGBENCH  pgbench to run (default: pgbench on PATH)
      """;

  private static final double IDLE_CORES = 0.1;
  private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(2);
  /** How long the import's 100,000 leads' enrichment, scoring and funnel facts may take after it. */
  private static final Duration IMPORT_BACKLOG_TIMEOUT = Duration.ofMinutes(15);
  /** Only the idle conversions, after the conversions' warm-up (part of "conversion" otherwise). */
  private static final String IDLE_CONVERSION = "conversion-idle";
  private static final Set<String> ALL_SCENARIOS = Set.of("create", "conversion", IDLE_CONVERSION, "reads", ImportScenario.NAME, ScoringScenario.NAME);
  private static final String FOOTPRINT_ONLY = "footprint";

  private final Plan plan;
  private final Path checkout;
  private final Path output;
  private final boolean profile;
  private final List<String> extraJvmOptions;
  private final Set<String> scenarios;
  private final PrintStream out;
  private final Report report = new Report();
  /** The service's rate over its pgbench twin's, per scenario measured (creation, conversion). */
  private final Map<String, Double> ratios = new LinkedHashMap<>();

  Benchmark(Plan plan, Path checkout, boolean profile, List<String> extraJvmOptions, Set<String> scenarios, PrintStream out) {
    this.extraJvmOptions = extraJvmOptions;
    this.plan = plan;
    this.scenarios = scenarios;
    this.checkout = checkout;
    this.output = checkout.resolve("target/benchmarks");
    this.profile = profile;
    this.out = out;
  }

  public static void main(String[] args) throws Exception {
    Set<String> options = new java.util.HashSet<>(Set.of(args));
    if (options.contains("--help") || options.contains("-h")) {
      System.out.print(USAGE);
      return;
    }
    Set<String> scenarios = ALL_SCENARIOS;
    List<String> extraJvmOptions = List.of();
    for (String option : Set.copyOf(options)) {
      if (option.startsWith("--only=")) {
        scenarios = Set.of(option.substring("--only=".length()).split(","));
        options.remove(option);
        if (scenarios.equals(Set.of(FOOTPRINT_ONLY))) {
          scenarios = Set.of();
        } else if (!ALL_SCENARIOS.containsAll(scenarios)) {
          System.err.println("--only takes some of " + String.join(",", ALL_SCENARIOS));
          System.exit(2);
        }
      } else if (option.startsWith("--jvm=")) {
        extraJvmOptions = List.of(option.substring("--jvm=".length()).trim().split("\\s+"));
        options.remove(option);
      } else if (!Set.of("--quick", "--profile").contains(option)) {
        System.err.println("Unknown option " + option + "; see ./benchmark.sh --help");
        System.exit(2);
      }
    }
    Plan plan = options.contains("--quick") ? Plan.quick() : Plan.full();
    new Benchmark(plan, Path.of("").toAbsolutePath(), options.contains("--profile"), extraJvmOptions, scenarios, System.out)
        .run();
    // Kafka's and Vert.x's threads would keep the JVM alive a while longer.
    System.exit(0);
  }

  void run() throws Exception {
    long began = System.nanoTime();
    Instant startedAt = Instant.now();
    Pgbench pgbench =
        new Pgbench(System.getenv().getOrDefault("LEADFLOW_PGBENCH", "pgbench"), output.resolve("data/pgbench"));
    describeMachine(pgbench.version());
    report.machine("load average (1 min) at start", CpuAccounting.loadAverage());
    out.printf("LeadFlow benchmark (%s plan); load average now %.2f%n", plan.name(), CpuAccounting.loadAverage());
    out.println("Starting PostgreSQL, Kafka, opportunity-service, lead-service...");
    List<String> jvmOptions = new ArrayList<>(extraJvmOptions);
    if (profile) {
      jvmOptions.add("-XX:StartFlightRecording=filename=" + output.resolve("data/logs/{service}.jfr") + ",settings=profile,dumponexit=true");
    }
    try (Stack stack = Stack.start(checkout, output.resolve("data"), jvmOptions);
        HttpLoad load = new HttpLoad(stack.salesManager());
        Connection leads = connect(stack, LeadflowService.LEAD_SERVICE);
        Connection opportunities = connect(stack, LeadflowService.OPPORTUNITY_SERVICE)) {
      report.machine("PostgreSQL", query(leads, "SELECT version()"));
      // In this order: the CPU tables' columns follow it.
      Map<String, Long> services = new LinkedHashMap<>();
      services.put("lead-service", stack.pid(LeadflowService.LEAD_SERVICE));
      services.put("opportunity-service", stack.pid(LeadflowService.OPPORTUNITY_SERVICE));
      CpuAccounting cpu = new CpuAccounting(services);
      footprintAtStart(stack);
      if (scenarios.contains("create")) {
        leadCreation(stack, load, leads, pgbench, cpu);
      }
      if (scenarios.contains("conversion")) {
        conversion(stack, load, leads, opportunities, pgbench, cpu);
      } else if (scenarios.contains(IDLE_CONVERSION)) {
        Conversion conversion = new Conversion(load, stack, leads, opportunities);
        warmUpConversions(conversion, cpu);
        settle(cpu);
        idleConversions(stack, load, leads, opportunities, cpu);
      }
      settle(cpu);
      if (scenarios.contains("reads")) {
        reads(stack, load, leads, cpu);
      }
      if (scenarios.contains(ImportScenario.NAME)) {
        if (!scenarios.contains("reads")) {
          fill(stack, leads);
          settle(cpu);
        }
        new ImportScenario(stack, report, out, output.resolve("data"), 100_000).run(cpu);
        out.println("      waiting for the import's events to be worked through (enrichment, scoring, the funnel)...");
        double backlog = settle(cpu, IMPORT_BACKLOG_TIMEOUT);
        report.row("5. Import", "services busy after the import's end (enrichment, scoring and the funnel working through its events)",
            backlog >= IMPORT_BACKLOG_TIMEOUT.toSeconds() ? Report.format("still busy after %d min", IMPORT_BACKLOG_TIMEOUT.toMinutes()) : Report.format("%.0f s", backlog));
      }
      if (scenarios.contains(ScoringScenario.NAME)) {
        settle(cpu);
        new ScoringScenario(report, out, 100_000).run();
      }
      for (LeadflowService service : List.of(LeadflowService.LEAD_SERVICE, LeadflowService.OPPORTUNITY_SERVICE)) {
        report.row("4. Footprint", service.serviceName() + " RSS after the benchmark",
            Report.format("%.0f MB", CpuAccounting.residentMiB(stack.pid(service))));
      }
    }
    if (!ratios.isEmpty()) {
      report.detail("ratios", ratios);
    }
    double minutes = (System.nanoTime() - began) / 60e9;
    report.machine("load average (1 min) at end", CpuAccounting.loadAverage());
    report.machine("benchmark took", Report.format("%.1f min", minutes));
    String heading = "# LeadFlow benchmark results\n\n" + startedAt + ", plan: " + plan.name() + ", command: ./benchmark.sh";
    report.write(output.resolve("results.md"), output.resolve("results.json"), heading);
    out.println();
    out.print(report.markdown());
    out.println();
    out.println("Written to " + checkout.relativize(output.resolve("results.md")) + " and results.json"
        + " (took " + Report.format("%.1f", minutes) + " min)");
  }

  private void describeMachine(String pgbenchVersion) throws IOException {
    report.machine("CPU", cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores (nproc)");
    report.machine("memory", Report.format("%.1f GiB", memTotalKiB() / 1024.0 / 1024.0));
    report.machine("Java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    report.machine("Kafka", AppInfoParser.getVersion() + " (embedded KRaft broker in the benchmark's JVM)");
    report.machine("pgbench", pgbenchVersion);
    report.machine("JVM options of the services",
        "as ./run.sh (" + String.join(" ", LeadflowService.JVM_OPTIONS) + ")"
            + (extraJvmOptions.isEmpty() ? "" : ", and " + String.join(" ", extraJvmOptions))
            + (profile ? "; flight recording on (--profile)" : ""));
  }

  private void footprintAtStart(Stack stack) {
    pause(plan.idleSettle());
    for (LeadflowService service : List.of(LeadflowService.LEAD_SERVICE, LeadflowService.OPPORTUNITY_SERVICE)) {
      Stack.Start start = stack.start(service);
      report.row("4. Footprint", service.serviceName() + " start: process start → ready",
          Report.format("%.2f s", start.secondsToReady())
              + start.quarkusReportedSeconds().map(s -> Report.format(" (Quarkus: started in %.2f s)", s)).orElse(""),
          "≤ 3 s", start.secondsToReady() <= 3);
      double rss = CpuAccounting.residentMiB(stack.pid(service));
      report.row("4. Footprint", service.serviceName() + " idle RSS", Report.format("%.0f MB", rss), "≤ 300 MB", rss <= 300);
    }
    out.println("Both services ready; footprint recorded.");
  }

  private void leadCreation(Stack stack, HttpLoad load, Connection leads, Pgbench pgbench, CpuAccounting cpu)
      throws SQLException {
    out.printf("[1/3] Lead creation: %d connections, %d s warm-up + %d s...%n",
        plan.connections(), plan.createWarmUp().toSeconds(), plan.createDuration().toSeconds());
    List<String> bodies = DemoLeadRequests.json(2_000, 20_260_101L);
    int[] next = {0};
    HttpClient client = load.client(stack.port(LeadflowService.LEAD_SERVICE), plan.connections());
    java.util.function.BiFunction<Duration, Duration, Measurement> creates =
        (warmUp, duration) ->
            load.closedLoop(
                "POST /api/v1/leads",
                client,
                plan.connections(),
                warmUp,
                duration,
                () -> Request.postJson("/api/v1/leads", bodies.get(next[0]++ % bodies.size())),
                status -> status == 201);
    Measurement cold = measured(cpu, "cold: create leads (service)", () -> creates.apply(plan.createWarmUp(), plan.createDuration()));
    out.printf("      Warming up until lead-service's JIT compilation settles (at most %d s)...", plan.warmUpLimit().toSeconds());
    SteadyState.WarmUp warmUp =
        SteadyState.warm(cpu, List.of("lead-service"), plan.warmUpLimit(), () -> creates.apply(Duration.ZERO, plan.warmUpWindow().multipliedBy(2)));
    out.printf(" %.0f s, compiler %.1f %% of lead-service's CPU in the last window%n", warmUp.seconds(), warmUp.lastCompilerShare() * 100);
    report.row("1. Lead creation", "warm-up before the steady-state run: creates until JIT compilation settles",
        Report.format("%.0f s (%d windows); compiler %.1f %% of lead-service's CPU in the last window", warmUp.seconds(),
            warmUp.windows(), warmUp.lastCompilerShare() * 100) + (warmUp.settled() ? "" : ", not settled within the limit"));
    Measurement created = measured(cpu, "steady: create leads (service)", () -> creates.apply(Duration.ZERO, plan.createDuration()));
    Map<String, Object> creationDetails = new LinkedHashMap<>();
    creationDetails.put("perSecond", Report.round(created.perSecond()));
    creationDetails.put("steady", Report.figures(created));
    creationDetails.put("cold", Report.figures(cold));
    report.detail("leadCreation", creationDetails);
    report.row("1. Lead creation", "POST /api/v1/leads, " + plan.connections() + " connections, keep-alive: steady state; cold",
        Report.rate(created.perSecond(), "req/s") + failures(created) + "; cold " + Report.rate(cold.perSecond(), "req/s") + failures(cold));
    report.row("1. Lead creation", "latency p50 / p99: steady state; cold",
        Report.millis(created.millisAt(50)) + " / " + Report.millis(created.millisAt(99))
            + "; cold " + Report.millis(cold.millisAt(50)) + " / " + Report.millis(cold.millisAt(99)));
    double backlog = settle(cpu);
    report.row("1. Lead creation", "services busy after the last create (relaying and consuming lead.created)",
        Report.format("%.1f s", backlog));

    out.printf("      pgbench: the same three inserts per transaction, %d clients, %d s...%n",
        plan.connections(), plan.pgbenchDuration().toSeconds());
    UUID sample = UUID.fromString(query(leads, "SELECT id FROM lead ORDER BY created_at DESC LIMIT 1"));
    Infrastructure infrastructure = stack.infrastructure();
    double loadAverage = CpuAccounting.loadAverage();
    CpuAccounting.Snapshot before = cpu.snapshot();
    Pgbench.Result result =
        pgbench.run(leads, sample, plan.connections(), plan.pgbenchWarmUp(), plan.pgbenchDuration(),
            infrastructure.postgresHost(), infrastructure.postgresPort(),
            infrastructure.postgresUsername(), infrastructure.postgresPassword());
    report.cpu("pgbench (same inserts)", cpu.snapshot().coresSince(before), loadAverage);
    Measurement database = result.measurement();
    Map<String, Object> pgbenchDetails = new LinkedHashMap<>(Report.figures(database));
    pgbenchDetails.put("reportedTps", result.reportedTps());
    pgbenchDetails.put("script", result.script());
    report.detail("pgbench", pgbenchDetails);
    report.row("1. Lead creation", "pgbench, same inserts (lead + history + outbox), " + plan.connections() + " clients",
        Report.rate(result.reportedTps(), "tx/s") + ", p50 / p99 "
            + Report.millis(database.millisAt(50)) + " / " + Report.millis(database.millisAt(99)) + failures(database));
    double ratio = created.perSecond() / result.reportedTps();
    ratios.put("creation", Report.round(ratio));
    report.row("1. Lead creation", "service (steady state) / pgbench; cold / pgbench",
        Report.format("%.2f; cold %.2f", ratio, cold.perSecond() / result.reportedTps()), "≥ 0.5", ratio >= 0.5);
    out.printf("      creation ratio %.2f (service %.0f/s, pgbench %.0f/s)%n", ratio, created.perSecond(), result.reportedTps());
  }

  private void conversion(Stack stack, HttpLoad load, Connection leads, Connection opportunities, Pgbench pgbench, CpuAccounting cpu)
      throws SQLException, InterruptedException {
    Conversion conversion = new Conversion(load, stack, leads, opportunities);
    double warmRate = plan.latencyRate() / 2;
    conversionLatency(conversion, warmRate, cpu, "conversionLatencyCold", false, "cold, just after start: ");
    settle(cpu);
    warmUpConversions(conversion, cpu);
    settle(cpu);
    idleConversions(stack, load, leads, opportunities, cpu);
    settle(cpu);
    boolean keptUp = conversionLatency(conversion, plan.latencyRate(), cpu, "conversionLatency", false, "");
    if (!keptUp) {
      // The target's rate is more than the services convert: the latency there is only the backlog's
      // growth. Half the rate shows what a conversion takes when they keep up.
      settle(cpu);
      conversionLatency(conversion, plan.latencyRate() / 2, cpu, "conversionLatencyAtHalfRate", false, "");
    }

    List<Map<String, Object>> stepDetails = new ArrayList<>();
    double best = 0;
    for (double rate : plan.stepRates()) {
      settle(cpu);
      out.printf("      Stepping up: %.0f qualifies/s for %d s...", rate, plan.stepDuration().toSeconds());
      Conversion.Step step = conversion.step(rate, plan.stepDuration());
      stepDetails.add(stepDetails(step));
      out.printf(" %s (%.0f conversions/s, lag p99 %s)%n", step.sustained() ? "kept up" : "fell behind",
          step.convertedPerSecond(), Report.millis(step.lag().millisAt(99)));
      if (!step.sustained()) {
        break;
      }
      best = rate;
    }
    report.detail("conversionSteps", stepDetails);
    if (best == 0) {
      report.row("2. Conversion", "highest sustained conversions/s", "below " + plan.stepRates().get(0).intValue() + "/s",
          "≥ 1,000/s for 60 s", false);
      // No rate was kept up: the ratio is of what the first step converted while falling behind.
      settle(cpu);
      conversionTwin(stack, leads, opportunities, pgbench, cpu, ((Number) stepDetails.get(0).get("convertedPerSecond")).doubleValue());
      return;
    }
    settle(cpu);
    out.printf("      Sustained: %.0f qualifies/s for %d s...%n", best, plan.sustainedDuration().toSeconds());
    double loadAverage = CpuAccounting.loadAverage();
    CpuAccounting.Snapshot before = cpu.snapshot();
    Conversion.Step sustained = conversion.step(best, plan.sustainedDuration());
    report.cpu(Report.format("conversions at %.0f/s for %d s", best, plan.sustainedDuration().toSeconds()),
        cpu.snapshot().coresSince(before), loadAverage);
    report.detail("conversionSustained", stepDetails(sustained));
    report.row("2. Conversion",
        Report.format("sustained %d s at %.0f qualifies/s: conversions/s", plan.sustainedDuration().toSeconds(), best),
        Report.rate(sustained.convertedPerSecond(), "/s") + (sustained.sustained() ? "" : " (fell behind)"),
        "≥ 1,000/s for 60 s", sustained.sustained() && sustained.convertedPerSecond() >= 1000);
    report.row("2. Conversion", "opportunities counted: expected / found / lost / duplicated",
        sustained.qualified() + " / " + sustained.converted() + " / " + sustained.lost() + " / " + sustained.duplicated(),
        "0 lost, 0 duplicated", sustained.lost() == 0 && sustained.duplicated() == 0);
    report.row("2. Conversion", "lag qualify answered → opportunity created (p50 / p99)",
        Report.millis(sustained.lag().millisAt(50)) + " / " + Report.millis(sustained.lag().millisAt(99)));
    settle(cpu);
    conversionTwin(stack, leads, opportunities, pgbench, cpu, sustained.convertedPerSecond());
    // The latency target holds at half the highest sustained rate: a service is not run at its limit.
    settle(cpu);
    conversionLatency(conversion, best / 2, cpu, "conversionLatencyAtHalfSustained", true, "at half the highest sustained rate: ");
  }

  /**
   * pgbench of the conversion's own statements in both databases ({@link ConversionTwin}), with the
   * clients of the creation's pgbench, and the service's sustained rate over it (when no step was
   * sustained, the rate the first step converted at).
   */
  private void conversionTwin(
      Stack stack, Connection leads, Connection opportunities, Pgbench pgbench, CpuAccounting cpu, double sustainedPerSecond)
      throws SQLException {
    out.printf("      pgbench: the conversion's statements in both databases, %d clients each, %d s...%n",
        plan.connections(), plan.pgbenchDuration().toSeconds());
    Infrastructure infrastructure = stack.infrastructure();
    double loadAverage = CpuAccounting.loadAverage();
    CpuAccounting.Snapshot before = cpu.snapshot();
    ConversionTwin.Result twin =
        new ConversionTwin(pgbench, output.resolve("data/pgbench"))
            .run(leads, opportunities, ConversionTwin.lastConversion(leads), plan.connections(), plan.pgbenchWarmUp(), plan.pgbenchDuration(),
                infrastructure.postgresHost(), infrastructure.postgresPort(), infrastructure.postgresUsername(), infrastructure.postgresPassword());
    report.cpu("pgbench (conversion's statements)", cpu.snapshot().coresSince(before), loadAverage);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("perSecond", Report.round(twin.conversionsPerSecond()));
    details.put("leadDatabase", Report.figures(twin.leadSide()));
    details.put("leadDatabaseReportedTps", twin.leadTps());
    details.put("opportunityDatabase", Report.figures(twin.opportunitySide()));
    details.put("opportunityDatabaseReportedTps", twin.opportunityTps());
    details.put("leadScript", twin.leadScript());
    details.put("opportunityScript", twin.opportunityScript());
    report.detail("pgbenchConversion", details);
    report.row("2. Conversion", "pgbench, the conversion's statements: qualify + completion (lead database) beside funnel fact + conversion"
            + " (opportunity database), " + plan.connections() + " clients each; conversions/s = the lower rate",
        Report.rate(twin.conversionsPerSecond(), "/s") + Report.format(" (lead database %.0f/s, p99 %s; opportunity database %.0f/s, p99 %s)",
            twin.leadTps(), Report.millis(twin.leadSide().millisAt(99)), twin.opportunityTps(), Report.millis(twin.opportunitySide().millisAt(99)))
            + failures(twin.leadSide()) + failures(twin.opportunitySide()));
    double ratio = sustainedPerSecond / twin.conversionsPerSecond();
    ratios.put("conversion", Report.round(ratio));
    report.row("2. Conversion", "sustained conversions/s / pgbench conversions/s", Report.format("%.2f", ratio), "≥ 0.5", ratio >= 0.5);
    out.printf("      conversion ratio %.2f (service %.0f/s, pgbench %.0f/s)%n", ratio, sustainedPerSecond, twin.conversionsPerSecond());
  }

  /** Conversions at half the latency target's rate until both services' JIT compilation settles. */
  private void warmUpConversions(Conversion conversion, CpuAccounting cpu) {
    double warmRate = plan.latencyRate() / 2;
    out.printf("      Warming up until both services' JIT compilation settles (at most %d s)...", plan.warmUpLimit().toSeconds());
    SteadyState.WarmUp warmUp =
        SteadyState.warm(cpu, List.of("lead-service", "opportunity-service"), plan.warmUpLimit(), () -> {
          try {
            conversion.latency(warmRate, Duration.ZERO, plan.warmUpWindow().multipliedBy(2));
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
          }
        });
    out.printf(" %.0f s, compiler %.1f %% of a service's CPU in the last window%n", warmUp.seconds(), warmUp.lastCompilerShare() * 100);
    report.row("2. Conversion", Report.format("warm-up before the steady-state runs: conversions at %.0f/s until JIT compilation settles", warmRate),
        Report.format("%.0f s (%d windows); compiler at most %.1f %% of a service's CPU in the last window", warmUp.seconds(),
            warmUp.windows(), warmUp.lastCompilerShare() * 100) + (warmUp.settled() ? "" : ", not settled within the limit"));
  }

  /**
   * One conversion at a time on the idle system, {@link Plan#idleConversions()} in a row: how long
   * one takes when nothing else runs, and where that time goes ({@link IdleConversions}).
   */
  private void idleConversions(Stack stack, HttpLoad load, Connection leads, Connection opportunities, CpuAccounting cpu)
      throws SQLException, InterruptedException {
    out.printf("      One conversion at a time on the idle system, %d in a row...%n", plan.idleConversions());
    double loadAverage = CpuAccounting.loadAverage();
    CpuAccounting.Snapshot before = cpu.snapshot();
    IdleConversions.Result idle = new IdleConversions(load, stack, leads, opportunities).run(plan.idleConversions());
    CpuAccounting.Snapshot after = cpu.snapshot();
    // CPU per conversion, whatever the machine's load: what the services do on a conversion's path and beside it.
    Map<String, Double> cpuMillis = new LinkedHashMap<>();
    for (String service : List.of("lead-service", "opportunity-service")) {
      double used = after.seconds().get(service) - before.seconds().get(service);
      double compiling = after.compilerSeconds().get(service) - before.compilerSeconds().get(service);
      cpuMillis.put(service, Report.round(used * 1000 / plan.idleConversions()));
      cpuMillis.put(service + " without its JIT compiler", Report.round((used - compiling) * 1000 / plan.idleConversions()));
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("conversions", plan.idleConversions());
    details.put("loadAverageBefore", loadAverage);
    details.put("lost", idle.lost());
    details.put("cpuMillisPerConversion", cpuMillis);
    details.put("qualify", Report.figures(idle.qualify()));
    details.put("seen", Report.figures(idle.seen()));
    details.put("created", Report.figures(idle.created()));
    Map<String, Object> stages = new LinkedHashMap<>();
    idle.stages().forEach((stage, measurement) -> stages.put(stage, Report.figures(measurement)));
    details.put("stages", stages);
    report.detail("conversionIdle", details);
    Measurement seen = idle.seen();
    report.row("2. Conversion",
        Report.format("one conversion on the idle system, %d in a row: qualify answered → opportunity created event seen (p50 / p99)",
            plan.idleConversions()),
        Report.millis(seen.millisAt(50)) + " / " + Report.millis(seen.millisAt(99))
            + (idle.lost() > 0 ? ", " + idle.lost() + " not seen within 30 s" : "")
            + Report.format(" (load average %.2f)", loadAverage),
        "p99 ≤ 30 ms", seen.millisAt(99) <= 30 && idle.lost() == 0);
    report.row("2. Conversion",
        "… of which: qualify answered → opportunity-service starts converting (the opportunity's created_at, read from the clock"
            + " as its transaction begins; p50 / p99); the qualify answer itself",
        Report.millis(idle.created().millisAt(50)) + " / " + Report.millis(idle.created().millisAt(99))
            + "; " + Report.millis(idle.qualify().millisAt(50)) + " / " + Report.millis(idle.qualify().millisAt(99)));
    report.row("2. Conversion", "… CPU each service used per idle conversion, lead-service / opportunity-service (without their JIT compilers)",
        Report.format("%.1f / %.1f ms (%.1f / %.1f ms)", cpuMillis.get("lead-service"), cpuMillis.get("opportunity-service"),
            cpuMillis.get("lead-service without its JIT compiler"), cpuMillis.get("opportunity-service without its JIT compiler")));
    for (Map.Entry<String, Measurement> stage : idle.stages().entrySet()) {
      report.row("2. Conversion", "… stage " + stage.getKey() + " (p50 / p99)",
          Report.millis(stage.getValue().millisAt(50)) + " / " + Report.millis(stage.getValue().millisAt(99)));
    }
    out.printf("      idle conversion: seen p50 %s, p99 %s; created p50 %s; CPU per conversion %s; stages p50 %s%n",
        Report.millis(seen.millisAt(50)), Report.millis(seen.millisAt(99)), Report.millis(idle.created().millisAt(50)), cpuMillis,
        idle.stages().values().stream().map(m -> Report.millis(m.millisAt(50))).collect(java.util.stream.Collectors.joining(", ")));
  }

  /**
   * Qualifies at {@code rate} and reports how soon the opportunities were readable; with {@code
   * target}, against the latency target (p99 ≤ 60 ms, at half the highest sustained rate). Answers
   * whether every opportunity arrived and p99 stayed within a second (the services kept up).
   */
  private boolean conversionLatency(
      Conversion conversion, double rate, CpuAccounting cpu, String detail, boolean target, String when)
      throws SQLException, InterruptedException {
    out.printf("[2/3] Conversion latency: qualify at %.0f/s, %d s warm-up + %d s...%n",
        rate, plan.latencyWarmUp().toSeconds(), plan.latencyDuration().toSeconds());
    double loadAverage = CpuAccounting.loadAverage();
    CpuAccounting.Snapshot before = cpu.snapshot();
    Conversion.Latency latency = conversion.latency(rate, plan.latencyWarmUp(), plan.latencyDuration());
    report.cpu(when + Report.format("conversions at %.0f/s", rate), cpu.snapshot().coresSince(before), loadAverage);
    Map<String, Object> latencyDetails = new LinkedHashMap<>();
    latencyDetails.put("rate", rate);
    latencyDetails.put("qualify", Report.figures(latency.qualify()));
    latencyDetails.put("readable", Report.figures(latency.readable()));
    latencyDetails.put("notReadableWithin30s", latency.notReadableInTime());
    report.detail(detail, latencyDetails);
    Measurement readable = latency.readable();
    String figure = when + Report.format("qualify → opportunity readable at %.0f/s (p50 / p95 / p99)", rate);
    String measured =
        Report.millis(readable.millisAt(50)) + " / " + Report.millis(readable.millisAt(95)) + " / " + Report.millis(readable.millisAt(99))
            + (latency.notReadableInTime() > 0 ? ", " + latency.notReadableInTime() + " not readable within 30 s" : "");
    if (target) {
      report.row("2. Conversion", figure, measured, "p99 ≤ 60 ms", readable.millisAt(99) <= 60 && latency.notReadableInTime() == 0);
    } else {
      report.row("2. Conversion", figure, measured);
    }
    report.row("2. Conversion", when + Report.format("qualify answer itself at %.0f/s (p50 / p99, from intended send time)", rate),
        Report.millis(latency.qualify().millisAt(50)) + " / " + Report.millis(latency.qualify().millisAt(99)) + failures(latency.qualify()));
    return latency.notReadableInTime() == 0 && readable.millisAt(99) <= Conversion.SUSTAINED_LAG_P99_MILLIS;
  }

  private static Map<String, Object> stepDetails(Conversion.Step step) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("offeredPerSecond", step.offeredPerSecond());
    details.put("sustained", step.sustained());
    details.put("qualified", step.qualified());
    details.put("converted", step.converted());
    details.put("lost", step.lost());
    details.put("duplicated", step.duplicated());
    details.put("failedConversions", step.failedConversions());
    details.put("convertedPerSecond", step.convertedPerSecond());
    details.put("drainSeconds", step.drainSeconds());
    details.put("qualify", Report.figures(step.qualify()));
    details.put("lag", Report.figures(step.lag()));
    return details;
  }

  /**
   * Waits until both services are idle (together under {@value #IDLE_CORES} cores for a second), so
   * that a scenario does not pay for the previous one's backlog; answers how long that took.
   */
  private double settle(CpuAccounting cpu) {
    return settle(cpu, SETTLE_TIMEOUT);
  }

  private double settle(CpuAccounting cpu, Duration timeout) {
    long started = System.nanoTime();
    CpuAccounting.Snapshot previous = cpu.snapshot();
    while (System.nanoTime() - started < timeout.toNanos()) {
      pause(Duration.ofSeconds(1));
      CpuAccounting.Snapshot now = cpu.snapshot();
      Map<String, Double> cores = now.coresSince(previous);
      if (cores.get("lead-service") + cores.get("opportunity-service") < IDLE_CORES) {
        break;
      }
      previous = now;
    }
    return (System.nanoTime() - started) / 1e9;
  }

  /** Fills the lead table to the plan's size (reads and the import are measured against it). */
  private long fill(Stack stack, Connection leads) throws SQLException {
    out.printf("filling the lead table to %,d leads...%n", plan.readTableSize());
    long fillStarted = System.nanoTime();
    long total;
    try (Connection second = connect(stack, LeadflowService.LEAD_SERVICE)) {
      total = new LeadSeeder(leads).fillTo(plan.readTableSize(), second);
    }
    out.printf("      %,d leads (filled and analysed in %.0f s)%n", total, (System.nanoTime() - fillStarted) / 1e9);
    return total;
  }

  private void reads(Stack stack, HttpLoad load, Connection leads, CpuAccounting cpu) throws SQLException, IOException {
    out.printf("[3/3] Reads: ");
    long total = fill(stack, leads);
    Reads reads = new Reads(load, stack, leads);
    String plans = reads.explainList();
    Files.writeString(output.resolve("explain-list.txt"), plans);
    report.detail("explainList", plans);
    out.printf("      Cold (just after start): GET one lead and its readiness at %.0f/s, list page at %.0f/s, %d s warm-up + %d s each...%n",
        plan.getRate(), plan.listRate(), plan.readWarmUp().toSeconds(), plan.readDuration().toSeconds());
    Measurement coldOne = measured(cpu, Report.format("cold: GET one lead at %.0f/s", plan.getRate()),
        () -> reads.getById(plan.getRate(), plan.readWarmUp(), plan.readDuration()));
    Measurement coldReadiness = measured(cpu, Report.format("cold: readiness of one lead at %.0f/s", plan.getRate()),
        () -> reads.readiness(plan.getRate(), plan.readWarmUp(), plan.readDuration()));
    Measurement coldList = measured(cpu, Report.format("cold: list page at %.0f/s", plan.listRate()),
        () -> reads.listPage(plan.listRate(), plan.readWarmUp(), plan.readDuration()));

    DuplicateCheckCost duplicates = new DuplicateCheckCost(load, stack);
    duplicates.allRules("warn");
    out.printf("      Warming up until lead-service's JIT compilation settles (at most %d s)...", plan.warmUpLimit().toSeconds());
    Duration window = plan.warmUpWindow();
    SteadyState.WarmUp warmUp =
        SteadyState.warm(cpu, List.of("lead-service"), plan.warmUpLimit(), () -> {
          reads.getById(plan.getRate(), Duration.ZERO, window);
          reads.readiness(plan.getRate(), Duration.ZERO, window);
          reads.listPage(plan.listRate(), Duration.ZERO, window);
          duplicates.create(plan.duplicateCreateRate(), Duration.ZERO, window);
        });
    out.printf(" %.0f s, compiler %.1f %% of lead-service's CPU in the last window%n", warmUp.seconds(), warmUp.lastCompilerShare() * 100);
    report.detail("warmUp", Map.of("seconds", warmUp.seconds(), "windows", warmUp.windows(),
        "lastCompilerShare", warmUp.lastCompilerShare(), "settled", warmUp.settled()));
    report.row("3. Reads", "warm-up before the steady-state runs: reads and creates until JIT compilation settles",
        Report.format("%.0f s (%d windows); compiler %.1f %% of lead-service's CPU in the last window", warmUp.seconds(),
            warmUp.windows(), warmUp.lastCompilerShare() * 100) + (warmUp.settled() ? "" : ", not settled within the limit"));

    out.println("      Steady state: the same reads, then creates with duplicate rules off and on...");
    Measurement one = measured(cpu, Report.format("steady: GET one lead at %.0f/s", plan.getRate()),
        () -> reads.getById(plan.getRate(), plan.readWarmUp(), plan.readDuration()));
    Measurement readiness = measured(cpu, Report.format("steady: readiness of one lead at %.0f/s", plan.getRate()),
        () -> reads.readiness(plan.getRate(), plan.readWarmUp(), plan.readDuration()));
    Measurement list = measured(cpu, Report.format("steady: list page at %.0f/s", plan.listRate()),
        () -> reads.listPage(plan.listRate(), plan.readWarmUp(), plan.readDuration()));
    // Off, on, off, on: a p99 over 20 s is easily disturbed (a late compilation, a checkpoint), so
    // each side's figure is the better of its two runs, and it is judged only when the compiler was
    // quiet in the runs it came from.
    List<Measurement> withoutRuns = new ArrayList<>();
    List<Measurement> withRuns = new ArrayList<>();
    double busiestCompiler = 0;
    for (int round = 1; round <= 2; round++) {
      for (String mode : List.of("off", "warn")) {
        duplicates.allRules(mode);
        CpuAccounting.Snapshot before = cpu.snapshot();
        Measurement run = measured(cpu,
            Report.format("steady: create at %.0f/s, duplicate rules %s (%d)", plan.duplicateCreateRate(), mode.equals("off") ? "off" : "on", round),
            () -> duplicates.create(plan.duplicateCreateRate(), plan.readWarmUp(), plan.readDuration()));
        busiestCompiler = Math.max(busiestCompiler, cpu.snapshot().compilerShareSince(before).get("lead-service"));
        (mode.equals("off") ? withoutRuns : withRuns).add(run);
      }
    }
    Measurement createWithout = withoutRuns.stream().min(java.util.Comparator.comparingDouble(m -> m.millisAt(99))).orElseThrow();
    Measurement createWith = withRuns.stream().min(java.util.Comparator.comparingDouble(m -> m.millisAt(99))).orElseThrow();

    report.detail("getOne", Map.of("steady", Report.figures(one), "cold", Report.figures(coldOne)));
    report.detail("readiness", Map.of("steady", Report.figures(readiness), "cold", Report.figures(coldReadiness)));
    report.detail("listPage", Map.of("steady", Report.figures(list), "cold", Report.figures(coldList)));
    report.detail("createDuplicateRulesOff", withoutRuns.stream().map(Report::figures).toList());
    report.detail("createDuplicateRulesOn", withRuns.stream().map(Report::figures).toList());
    String table = Report.format("%,d leads", total);
    report.row("3. Reads", Report.format("GET one lead by id, %s, %.0f req/s (p50 / p99): steady state; cold", table, plan.getRate()),
        steadyAndCold(one, coldOne), "p99 ≤ 10 ms", one.millisAt(99) <= 10 && one.failed() == 0);
    report.row("3. Reads", Report.format("readiness of one lead (qualification policy in force), %.0f req/s (p50 / p99): steady state; cold", plan.getRate()),
        steadyAndCold(readiness, coldReadiness), "p99 ≤ 10 ms", readiness.millisAt(99) <= 10 && readiness.failed() == 0);
    report.row("3. Reads", Report.format("list: country + state, createdAt desc, 50 per page, %.0f req/s (p50 / p99): steady state; cold", plan.listRate()),
        steadyAndCold(list, coldList), "p99 ≤ 50 ms", list.millisAt(99) <= 50 && list.failed() == 0);
    double added = createWith.millisAt(99) - createWithout.millisAt(99);
    boolean quiet = busiestCompiler <= 0.05;
    report.row("3. Reads", Report.format("POST /api/v1/leads at %.0f/s on %s, steady state, two runs each (p50 / p99): duplicate rules off; all four on (warn)",
            plan.duplicateCreateRate(), table),
        runs(withoutRuns) + "; " + runs(withRuns));
    report.row("3. Reads", "duplicate check added to a create, p99 (better run on − better run off)",
        Report.millis(added) + (quiet ? "" : Report.format(" (not judged: the JIT compiler took up to %.0f %% of lead-service's CPU in these runs)", busiestCompiler * 100)),
        // Not judged at all (neither met nor missed) while the compiler was still busy.
        "≤ 2 ms", quiet ? added <= 2 && createWith.failed() == 0 && createWithout.failed() == 0 : null);
  }

  /** Runs one measured load, recording the CPU each party used during it (and the load average before). */
  private Measurement measured(CpuAccounting cpu, String run, java.util.function.Supplier<Measurement> load) {
    double loadAverage = CpuAccounting.loadAverage();
    CpuAccounting.Snapshot before = cpu.snapshot();
    Measurement measurement = load.get();
    report.cpu(run, cpu.snapshot().coresSince(before), loadAverage);
    return measurement;
  }

  private static String runs(List<Measurement> measurements) {
    return measurements.stream()
        .map(m -> Report.millis(m.millisAt(50)) + " / " + Report.millis(m.millisAt(99)) + failures(m))
        .collect(java.util.stream.Collectors.joining(", "));
  }

  private static String steadyAndCold(Measurement steady, Measurement cold) {
    return Report.millis(steady.millisAt(50)) + " / " + Report.millis(steady.millisAt(99)) + failures(steady)
        + "; cold " + Report.millis(cold.millisAt(50)) + " / " + Report.millis(cold.millisAt(99)) + failures(cold);
  }

  private static String failures(Measurement measurement) {
    return measurement.failed() == 0 ? "" : ", " + measurement.failed() + " failed " + measurement.failures();
  }

  private static Connection connect(Stack stack, LeadflowService service) throws SQLException {
    Infrastructure infrastructure = stack.infrastructure();
    return DriverManager.getConnection(
        stack.jdbcUrl(service), infrastructure.postgresUsername(), infrastructure.postgresPassword());
  }

  private static String query(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getString(1);
    }
  }

  private static String cpuModel() throws IOException {
    return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
        .filter(line -> line.startsWith("model name"))
        .map(line -> line.substring(line.indexOf(':') + 1).strip())
        .findFirst()
        .orElse("unknown CPU");
  }

  private static long memTotalKiB() throws IOException {
    return Files.readAllLines(Path.of("/proc/meminfo")).stream()
        .filter(line -> line.startsWith("MemTotal:"))
        .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
        .findFirst()
        .orElse(0L);
  }

  /** Waits between polls of the benchmark's own progress (never as a measurement). */
  static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
