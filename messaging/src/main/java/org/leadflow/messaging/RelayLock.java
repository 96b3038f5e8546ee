package org.leadflow.messaging;

/**
 * The PostgreSQL advisory lock that lets one {@link OutboxRelay} of a service publish at a time.
 * Derived from the service's {@code ce_source}, so that two services sharing a database server (as
 * in the local run) never wait on each other. A session that holds it holds every relay of the
 * service back (the fault suite does, to kill a service between a commit and its publication).
 */
public final class RelayLock {

  private RelayLock() {}

  public static long of(String source) {
    return 0x0B0A_0000_0000_0000L | (source.hashCode() & 0xFFFF_FFFFL);
  }
}
