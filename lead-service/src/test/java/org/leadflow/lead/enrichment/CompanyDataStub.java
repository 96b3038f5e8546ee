package org.leadflow.lead.enrichment;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A company data provider for the tests: a real HTTP server (the JDK's) on a free port, whose URL it
 * gives lead-service as {@code leadflow.enrichment.provider.url}. {@code GET /companies/<domain>}
 * answers as the mode says: {@code up} (a company; 404 for domains starting with "unknown"), {@code
 * down} (503), {@code slow} (nothing until the mode changes). The test switches the mode with
 * {@code POST /__mode/<mode>} and reads how many lookups reached it with {@code GET /__lookups}, over
 * HTTP, since it runs in another class loader than this resource.
 */
public class CompanyDataStub implements QuarkusTestResourceLifecycleManager {

  private HttpServer server;
  private ExecutorService threads;
  private final AtomicReference<String> mode = new AtomicReference<>("up");
  private final AtomicReference<CountDownLatch> slowUntil = new AtomicReference<>(new CountDownLatch(1));
  private final AtomicInteger lookups = new AtomicInteger();

  @Override
  public Map<String, String> start() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    threads = Executors.newCachedThreadPool();
    server.setExecutor(threads);
    server.createContext("/companies/", this::company);
    server.createContext("/__mode/", exchange -> {
      mode.set(exchange.getRequestURI().getPath().substring("/__mode/".length()));
      slowUntil.getAndSet(new CountDownLatch(1)).countDown();
      answer(exchange, 204, null);
    });
    server.createContext("/__lookups", exchange -> answer(exchange, 200, Integer.toString(lookups.get())));
    server.start();
    return Map.of("leadflow.enrichment.provider.url", "http://127.0.0.1:" + server.getAddress().getPort());
  }

  private void company(HttpExchange exchange) throws IOException {
    lookups.incrementAndGet();
    String domain = exchange.getRequestURI().getPath().substring("/companies/".length());
    switch (mode.get()) {
      case "down" -> answer(exchange, 503, "{\"error\":\"maintenance\"}");
      case "slow" -> {
        try {
          slowUntil.get().await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        answer(exchange, 503, null);
      }
      default -> {
        if (domain.startsWith("unknown")) {
          answer(exchange, 404, "{\"error\":\"unknown domain\"}");
        } else {
          answer(
              exchange,
              200,
              "{\"name\":\"Stub Industries " + domain + "\",\"industry\":\"Manufacturing\",\"employees\":1200,"
                  + "\"annualRevenue\":{\"amount\":\"250000000\",\"currency\":\"EUR\"},\"country\":\"Germany\",\"founded\":1907}");
        }
      }
    }
  }

  private static void answer(HttpExchange exchange, int status, String json) throws IOException {
    byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void stop() {
    slowUntil.get().countDown();
    if (server != null) {
      server.stop(0);
    }
    if (threads != null) {
      threads.shutdownNow();
    }
  }
}
