package org.leadflow.faulttests;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy in front of the Kafka broker, which the broker advertises as its address, so that
 * every client goes through it. {@link #cut} is a network partition: open connections go silent
 * (nothing is forwarded either way, nothing is closed) and new ones are accepted but never reach
 * the broker, so clients wait for their timeouts as behind a lost route. {@link #restore} closes
 * what was cut; clients reconnect.
 */
final class BrokerProxy implements AutoCloseable {

  private final ServerSocket server;
  private final int brokerPort;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private volatile boolean cut;
  private volatile boolean closed;

  private BrokerProxy(ServerSocket server, int brokerPort) {
    this.server = server;
    this.brokerPort = brokerPort;
  }

  static BrokerProxy start(int brokerPort) {
    try {
      ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      BrokerProxy proxy = new BrokerProxy(server, brokerPort);
      Thread acceptor = new Thread(proxy::accept, "broker-proxy-accept");
      acceptor.setDaemon(true);
      acceptor.start();
      return proxy;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the broker proxy", e);
    }
  }

  int port() {
    return server.getLocalPort();
  }

  void cut() {
    cut = true;
  }

  void restore() {
    cut = false;
    // What was open across the cut is closed: its clients reconnect, as after a real partition.
    sockets.forEach(BrokerProxy::closeQuietly);
    sockets.clear();
  }

  private void accept() {
    while (!closed) {
      try {
        Socket client = server.accept();
        sockets.add(client);
        if (cut) {
          continue; // accepted, never answered: a black hole until restore()
        }
        Socket broker;
        try {
          broker = new Socket();
          broker.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), brokerPort), 2_000);
        } catch (IOException brokerDown) {
          sockets.remove(client);
          closeQuietly(client); // the broker is stopped: refused, as without the proxy
          continue;
        }
        sockets.add(broker);
        pipe(client, broker);
        pipe(broker, client);
      } catch (IOException e) {
        if (!closed) {
          throw new UncheckedIOException("The broker proxy stopped accepting", e);
        }
      }
    }
  }

  private void pipe(Socket from, Socket to) {
    Thread thread =
        new Thread(
            () -> {
              byte[] buffer = new byte[64 * 1024];
              try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                  if (cut) {
                    continue; // read and dropped: nothing crosses a cut network
                  }
                  out.write(buffer, 0, read);
                  out.flush();
                }
              } catch (IOException e) {
                // one side went away: the other one is closed below
              } finally {
                closeQuietly(from);
                closeQuietly(to);
                sockets.remove(from);
                sockets.remove(to);
              }
            },
            "broker-proxy-pipe");
    thread.setDaemon(true);
    thread.start();
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() {
    closed = true;
    closeQuietly(server);
    sockets.forEach(BrokerProxy::closeQuietly);
  }

  private static void closeQuietly(ServerSocket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
  }
}
