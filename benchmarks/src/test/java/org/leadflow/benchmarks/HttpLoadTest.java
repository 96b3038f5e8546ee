package org.leadflow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpLoadTest {

  private static final long ANSWER_DELAY_MILLIS = 20;

  private final Vertx serverVertx = Vertx.vertx();
  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private HttpServer server;

  @BeforeEach
  void startServerThatAnswersAfterADelay() throws Exception {
    server =
        serverVertx
            .createHttpServer()
            .requestHandler(
                request -> {
                  authorizations.add(String.valueOf(request.getHeader("Authorization")));
                  int status = request.path().equals("/missing") ? 404 : 201;
                  serverVertx.setTimer(ANSWER_DELAY_MILLIS, id -> request.response().setStatusCode(status).end("{}"));
                })
            .listen(0, "127.0.0.1")
            .toCompletionStage()
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void stopServer() throws Exception {
    serverVertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void aClosedLoopKeepsItsConcurrencyInFlightAndSendsTheCredentialsWithEveryRequest() {
    try (HttpLoad load = new HttpLoad(Credentials.bearer("token-1"))) {
      Measurement measured =
          load.closedLoop(
              "post", load.client(server.actualPort(), 8), 8, Duration.ofMillis(200), Duration.ofSeconds(1),
              () -> Request.postJson("/leads", "{}"), status -> status == 201);

      // 8 in flight, each answered after 20 ms: about 400 per second.
      assertThat(measured.perSecond()).isBetween(100.0, 420.0);
      assertThat(measured.millisAt(50)).isGreaterThanOrEqualTo(ANSWER_DELAY_MILLIS);
      assertThat(measured.failed()).isZero();
      assertThat(authorizations).isNotEmpty().allMatch("Bearer token-1"::equals);
    }
  }

  @Test
  void aFixedRateRunSendsOnScheduleAndCountsUnexpectedAnswersAsFailures() {
    try (HttpLoad load = new HttpLoad(Credentials.none())) {
      long[] answered = {0};
      Measurement measured =
          load.fixedRate(
              "get", load.client(server.actualPort(), 4), 100, Duration.ofMillis(100), Duration.ofSeconds(1),
              index -> Request.get(index % 10 == 0 ? "/missing" : "/leads/" + index), status -> status == 201,
              (index, reply, at) -> answered[0]++);

      assertThat(answered[0]).isEqualTo(99); // 110 sent, every tenth answered 404
      assertThat(measured.succeeded()).isEqualTo(90);
      assertThat(measured.failures()).containsEntry("status 404", 10L);
      assertThat(measured.millisAt(50)).isGreaterThanOrEqualTo(ANSWER_DELAY_MILLIS);
      assertThat(authorizations).allMatch("null"::equals);
    }
  }

  @Test
  void latencyOfAFixedRateRunCountsFromTheIntendedSendTimeSoAQueueBehindTooFewConnectionsShows() {
    try (HttpLoad load = new HttpLoad(Credentials.none())) {
      // One connection answers 50 requests a second at most; 100 a second queue up behind it.
      Measurement measured =
          load.fixedRate(
              "get", load.client(server.actualPort(), 1), 100, Duration.ZERO, Duration.ofSeconds(1),
              index -> Request.get("/leads/" + index), status -> status == 201, (index, reply, at) -> {});

      assertThat(measured.maxMillis()).isGreaterThan(400);
    }
  }
}
