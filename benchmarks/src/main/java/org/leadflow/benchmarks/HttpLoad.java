package org.leadflow.benchmarks;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.PoolOptions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntPredicate;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/**
 * The load generator: one Vert.x event loop (one thread, so it takes little of the two cores the
 * services need) with keep-alive HTTP/1.1 connections. Every request carries the {@link Credentials}'
 * Authorization header. Everything it measures is recorded on that one thread, so no measurement
 * needs a lock.
 */
public final class HttpLoad implements AutoCloseable {

  /** Name prefix of the load generator's thread, for telling its CPU time from the rest of the JVM's. */
  public static final String THREAD_PREFIX = "vert.x-eventloop-thread";

  private static final long TICK_MILLIS = 1;
  /** A fixed-rate run stops sending when this many requests are unanswered: the target has fallen over. */
  private static final int MAX_IN_FLIGHT = 20_000;
  /** How long a run waits for its last answers; what is still unanswered then counts as failed. */
  private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);

  private final Vertx vertx;
  private final Context loop;
  private final Credentials credentials;

  public HttpLoad(Credentials credentials) {
    this.vertx =
        Vertx.vertx(
            new VertxOptions()
                .setEventLoopPoolSize(1)
                .setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1));
    this.loop = vertx.getOrCreateContext();
    this.credentials = credentials;
  }

  /** Keep-alive connections to a service on the loopback interface, at most {@code connections}. */
  public HttpClient client(int port, int connections) {
    return vertx.createHttpClient(
        new HttpClientOptions()
            .setDefaultHost("127.0.0.1")
            .setDefaultPort(port)
            .setKeepAlive(true)
            .setTcpNoDelay(true)
            .setConnectTimeout(5_000),
        new PoolOptions().setHttp1MaxSize(connections));
  }

  /** Sends a request with the credentials; call it on the load generator's thread. */
  public Future<Reply> send(HttpClient client, Request request) {
    return client
        .request(request.method(), request.path())
        .compose(
            outgoing -> {
              credentials
                  .authorization()
                  .ifPresent(value -> outgoing.putHeader(HttpHeaders.AUTHORIZATION, value));
              if (request.body() == null) {
                return outgoing.send();
              }
              outgoing.putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
              return outgoing.send(request.body());
            })
        .compose(response -> response.body().map(body -> new Reply(response.statusCode(), body)));
  }

  /** Runs {@code action} on the load generator's thread and waits for the future it returns. */
  public <T> T await(Supplier<Future<T>> action, Duration timeout) {
    CompletableFuture<T> result = new CompletableFuture<>();
    loop.runOnContext(
        ignored -> {
          try {
            action.get().onComplete(done -> {
              if (done.succeeded()) {
                result.complete(done.result());
              } else {
                result.completeExceptionally(done.cause());
              }
            });
          } catch (RuntimeException e) {
            result.completeExceptionally(e);
          }
        });
    try {
      return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("No answer within " + timeout, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    }
  }

  /** Runs {@code action} on the load generator's thread, later. */
  public void onLoop(Runnable action) {
    loop.runOnContext(ignored -> action.run());
  }

  /** Runs {@code action} on the load generator's thread after {@code delayMillis}. */
  public void later(long delayMillis, Runnable action) {
    vertx.setTimer(Math.max(1, delayMillis), id -> action.run());
  }

  /**
   * Closed loop: {@code concurrency} requests in flight all the time, each connection sending its
   * next request as soon as the last one is answered. Measures throughput at that concurrency;
   * latency is from send to answer.
   */
  public Measurement closedLoop(
      String name,
      HttpClient client,
      int concurrency,
      Duration warmUp,
      Duration duration,
      Supplier<Request> requests,
      IntPredicate expected) {
    Histogram latency = Measurement.newHistogram();
    Map<String, Long> failures = new HashMap<>();
    long[] succeeded = {0};
    long start = System.nanoTime();
    long measureFrom = start + warmUp.toNanos();
    long end = measureFrom + duration.toNanos();
    return await(
        () -> {
          Promise<Measurement> done = Promise.promise();
          int[] running = {concurrency};
          Runnable[] next = new Runnable[1];
          next[0] =
              () -> {
                long sentAt = System.nanoTime();
                if (sentAt >= end) {
                  if (--running[0] == 0) {
                    done.complete(
                        new Measurement(name, succeeded[0], failures, duration.toNanos() / 1e9, latency));
                  }
                  return;
                }
                send(client, requests.get())
                    .onComplete(
                        answer -> {
                          long answeredAt = System.nanoTime();
                          if (done.future().isComplete()) {
                            return;
                          }
                          if (sentAt >= measureFrom && answeredAt <= end) {
                            if (answer.succeeded() && expected.test(answer.result().status())) {
                              succeeded[0]++;
                              latency.recordValue(micros(answeredAt - sentAt));
                            } else {
                              failures.merge(failure(answer), 1L, Long::sum);
                            }
                          }
                          next[0].run();
                        });
              };
          for (int i = 0; i < concurrency; i++) {
            next[0].run();
          }
          vertx.setTimer(
              warmUp.plus(duration).plus(DRAIN_TIMEOUT).toMillis(),
              timer -> {
                if (!done.future().isComplete()) {
                  failures.merge("unanswered after " + DRAIN_TIMEOUT.toSeconds() + " s", (long) running[0], Long::sum);
                  done.complete(new Measurement(name, succeeded[0], failures, duration.toNanos() / 1e9, latency));
                }
              });
          return done.future();
        },
        warmUp.plus(duration).plus(DRAIN_TIMEOUT).plusSeconds(10));
  }

  /**
   * Waits until {@code condition}, checked on the load generator's thread every 10 ms, holds.
   *
   * @return whether it held before the timeout
   */
  public boolean awaitCondition(java.util.function.BooleanSupplier condition, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    return await(
        () -> {
          Promise<Boolean> held = Promise.promise();
          vertx.setPeriodic(
              1,
              10,
              timer -> {
                if (condition.getAsBoolean() || System.nanoTime() > deadline) {
                  vertx.cancelTimer(timer);
                  held.complete(condition.getAsBoolean());
                }
              });
          return held.future();
        },
        timeout.plusSeconds(10));
  }

  /** Told of every expected answer of a fixed-rate run, on the load generator's thread. */
  @FunctionalInterface
  public interface Answered {
    void answered(long index, Reply reply, long answeredNanos);
  }

  /**
   * Open loop: requests at a fixed rate whatever the answers, as independent users would send them.
   * Latency is measured from each request's intended send time, so a stalled service is charged for
   * the requests it held up (no coordinated omission). Returns once every request sent is answered.
   *
   * @param requests the request to send for each index, 0, 1, 2, ...
   */
  public Measurement fixedRate(
      String name,
      HttpClient client,
      double perSecond,
      Duration warmUp,
      Duration duration,
      LongFunction<Request> requests,
      IntPredicate expected,
      Answered onAnswer) {
    Histogram latency = Measurement.newHistogram();
    Map<String, Long> failures = new HashMap<>();
    long[] succeeded = {0};
    long total = (long) Math.floor(perSecond * (warmUp.toNanos() + duration.toNanos()) / 1e9);
    long measuredFrom = (long) Math.ceil(perSecond * warmUp.toNanos() / 1e9);
    double intervalNanos = 1e9 / perSecond;
    return await(
        () -> {
          Promise<Measurement> done = Promise.promise();
          long start = System.nanoTime();
          long[] sent = {0};
          long[] answered = {0};
          long[] lastAnswer = {start};
          Runnable finishIfDone =
              () -> {
                if (sent[0] == total && answered[0] == total && !done.future().isComplete()) {
                  double seconds = (lastAnswer[0] - (start + measuredFrom * intervalNanos)) / 1e9;
                  done.complete(
                      new Measurement(name, succeeded[0], failures, Math.max(seconds, duration.toNanos() / 1e9), latency));
                }
              };
          vertx.setPeriodic(
              TICK_MILLIS,
              timer -> {
                long now = System.nanoTime();
                while (sent[0] < total && start + (long) (sent[0] * intervalNanos) <= now) {
                  long index = sent[0]++;
                  long intendedAt = start + (long) (index * intervalNanos);
                  if (index - answered[0] >= MAX_IN_FLIGHT) {
                    answered[0]++;
                    failures.merge("not sent: " + MAX_IN_FLIGHT + " requests unanswered", 1L, Long::sum);
                    continue;
                  }
                  send(client, requests.apply(index))
                      .onComplete(
                          answer -> {
                            long answeredAt = System.nanoTime();
                            if (done.future().isComplete()) {
                              return;
                            }
                            answered[0]++;
                            lastAnswer[0] = answeredAt;
                            boolean ok = answer.succeeded() && expected.test(answer.result().status());
                            if (ok) {
                              onAnswer.answered(index, answer.result(), answeredAt);
                            }
                            if (index >= measuredFrom) {
                              if (ok) {
                                succeeded[0]++;
                                latency.recordValue(micros(answeredAt - intendedAt));
                              } else {
                                failures.merge(failure(answer), 1L, Long::sum);
                              }
                            }
                            finishIfDone.run();
                          });
                }
                if (sent[0] == total) {
                  vertx.cancelTimer(timer);
                  finishIfDone.run();
                }
              });
          vertx.setTimer(
              warmUp.plus(duration).plus(DRAIN_TIMEOUT).toMillis(),
              timer -> {
                if (!done.future().isComplete()) {
                  failures.merge("unanswered after " + DRAIN_TIMEOUT.toSeconds() + " s", total - answered[0], Long::sum);
                  double seconds = (System.nanoTime() - (start + measuredFrom * intervalNanos)) / 1e9;
                  done.complete(new Measurement(name, succeeded[0], failures, seconds, latency));
                }
              });
          return done.future();
        },
        warmUp.plus(duration).plus(DRAIN_TIMEOUT).plusSeconds(10));
  }

  private static String failure(io.vertx.core.AsyncResult<Reply> answer) {
    if (answer.failed()) {
      return "error: " + answer.cause().getClass().getSimpleName();
    }
    return "status " + answer.result().status();
  }

  private static long micros(long nanos) {
    return Math.max(1, nanos / 1_000);
  }

  @Override
  public void close() {
    vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
  }
}
