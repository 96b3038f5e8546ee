package org.leadflow.devstack.run;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;

/**
 * A tiny program that behaves like a LeadFlow service from the outside, run as a child process by
 * {@link ServiceProcessTest}: it listens on {@code QUARKUS_HTTP_PORT} and answers {@code
 * /q/health/ready}, starts a child of its own, and misbehaves as its first argument says.
 */
public final class StandInService {

  public static void main(String[] args) throws Exception {
    String behaviour = args.length > 0 ? args[0] : "ready";
    for (int line = 1; line <= 30; line++) {
      System.out.println("stand-in log line " + line);
    }
    if (behaviour.equals("crash")) {
      System.err.println("Failed to start: the database is unreachable");
      System.exit(3);
    }
    if (behaviour.equals("stubborn")) {
      // Like a service stuck in shutdown: SIGTERM is caught and nothing happens.
      sun.misc.Signal.handle(new sun.misc.Signal("TERM"), signal -> {});
    }
    new ProcessBuilder("sleep", "300").inheritIO().start();
    int port = Integer.parseInt(System.getenv("QUARKUS_HTTP_PORT"));
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.createContext(
        "/q/health/ready",
        exchange -> {
          int status = behaviour.equals("never-ready") ? 503 : 200;
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
    new CountDownLatch(1).await();
  }
}
