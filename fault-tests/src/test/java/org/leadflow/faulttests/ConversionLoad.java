package org.leadflow.faulttests;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.leadflow.devstack.tokens.TestTokens;

/**
 * Conversions at a steady rate, as clients would make them: each one creates a lead and qualifies
 * it, every request with its own Idempotency-Key. A request that fails (a 503, a refused or lost
 * connection, a timeout) is sent again, same key, a second later, as Retry-After tells a client:
 * so a qualify whose answer was lost is answered by its first outcome, never done twice. A request
 * is started every {@code 1/rate} s, new conversions and retries alike.
 */
final class ConversionLoad implements AutoCloseable {

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration RETRY_AFTER = Duration.ofSeconds(1);
  /** Several sellers, as in a real team, each within its request budget (leadflow.rate-limit). */
  private static final int SELLERS = 8;

  private final Function<String, URI> leadService;
  private final int minimumConversions;
  private final BooleanSupplier keepGoing;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final ObjectMapper json = new ObjectMapper();
  private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
  private final List<String> sellerTokens =
      IntStream.range(0, SELLERS).mapToObj(i -> TestTokens.seller("fault-seller-" + i)).toList();
  private final Queue<Conversion> retries = new ConcurrentLinkedQueue<>();
  private final AtomicInteger started = new AtomicInteger();
  private final AtomicInteger sent = new AtomicInteger();
  private final Set<Conversion> unfinished = ConcurrentHashMap.newKeySet();
  /** Leads whose qualify was answered 200: the accepted conversions. */
  private final Set<UUID> accepted = ConcurrentHashMap.newKeySet();
  private final Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
  private final AtomicLong lastAcceptedAt = new AtomicLong();

  private ConversionLoad(Function<String, URI> leadService, int minimumConversions, BooleanSupplier keepGoing) {
    this.leadService = leadService;
    this.minimumConversions = minimumConversions;
    this.keepGoing = keepGoing;
  }

  /**
   * Starts sending; new conversions are started until {@code minimumConversions} are and {@code
   * keepGoing} says no more, then only retries until every conversion is accepted.
   */
  static ConversionLoad start(Function<String, URI> leadService, int rate, int minimumConversions, BooleanSupplier keepGoing) {
    ConversionLoad load = new ConversionLoad(leadService, minimumConversions, keepGoing);
    load.ticks.scheduleAtFixedRate(load::tick, 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
    return load;
  }

  private void tick() {
    long now = System.nanoTime();
    Conversion due = retries.peek();
    if (due != null && due.retryAt <= now && retries.remove(due)) {
      send(due);
    } else if (started.get() < minimumConversions || keepGoing.getAsBoolean()) {
      int index = started.getAndIncrement();
      Conversion conversion = new Conversion(sellerTokens.get(index % SELLERS));
      unfinished.add(conversion);
      send(conversion);
    }
  }

  private void send(Conversion conversion) {
    sent.incrementAndGet();
    HttpRequest request = conversion.nextRequest();
    String operation = conversion.leadId == null ? "create" : "qualify";
    http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .whenComplete(
            (response, failure) -> {
              String outcome = failure != null ? "no answer (" + rootName(failure) + ")" : Integer.toString(response.statusCode());
              answers.computeIfAbsent(operation + " " + outcome, key -> new AtomicInteger()).incrementAndGet();
              if (failure == null && conversion.leadId == null && response.statusCode() == 201) {
                conversion.leadId = UUID.fromString(read(response.body(), "id"));
                send(conversion); // the qualify follows the create at once, as a client would
              } else if (failure == null && conversion.leadId != null && response.statusCode() == 200) {
                accepted.add(conversion.leadId);
                unfinished.remove(conversion);
                lastAcceptedAt.set(System.nanoTime());
              } else {
                conversion.retryAt = System.nanoTime() + RETRY_AFTER.toNanos();
                retries.add(conversion);
              }
            });
  }

  private String read(String body, String member) {
    try {
      return json.readTree(body).get(member).asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String rootName(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName();
  }

  int started() {
    return started.get();
  }

  /** Requests sent: new conversions' and retries alike. */
  int sent() {
    return sent.get();
  }

  /** Conversions not yet accepted (their requests failing and being retried). */
  int unfinished() {
    return unfinished.size();
  }

  Set<UUID> accepted() {
    return Set.copyOf(accepted);
  }

  /** How many answers of each kind, e.g. {@code "qualify 200"}, {@code "create 503"}. */
  Map<String, Integer> answers() {
    Map<String, Integer> counts = new java.util.TreeMap<>();
    answers.forEach((key, count) -> counts.put(key, count.get()));
    return counts;
  }

  /** When a qualify was last accepted ({@link System#nanoTime}). */
  long lastAcceptedAt() {
    return lastAcceptedAt.get();
  }

  @Override
  public void close() {
    ticks.shutdownNow();
  }

  /** One conversion: its lead (once created) and the keys of its two requests. */
  private final class Conversion {
    private final String token;
    private final String name = UUID.randomUUID().toString().replace("-", "");
    private final String createKey = UUID.randomUUID().toString();
    private final String qualifyKey = UUID.randomUUID().toString();
    private volatile UUID leadId;
    private volatile long retryAt;

    Conversion(String token) {
      this.token = token;
    }

    HttpRequest nextRequest() {
      if (leadId == null) {
        return post(
            "/api/v1/leads",
            createKey,
            "{\"firstName\":\"F" + name.substring(0, 10) + "\",\"lastName\":\"L" + name.substring(10, 22) + "\","
                + "\"companyName\":\"C" + name.substring(12) + "\",\"email\":\"" + name + "@faults.example\"}");
      }
      return post("/api/v1/leads/" + leadId + "/qualify", qualifyKey, "{}");
    }

    private HttpRequest post(String path, String idempotencyKey, String body) {
      return HttpRequest.newBuilder(leadService.apply(path))
          .timeout(REQUEST_TIMEOUT)
          .header("Authorization", "Bearer " + token)
          .header("Content-Type", "application/json")
          .header("Idempotency-Key", idempotencyKey)
          .POST(HttpRequest.BodyPublishers.ofString(body))
          .build();
    }
  }
}
