package org.leadflow.lead.domain;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * UUIDv7 (RFC 9562): a millisecond timestamp followed by random bits. New rows land at the end of
 * the primary-key index instead of at random pages, which keeps inserts fast on large tables.
 */
public final class TimeOrderedIds {

  private static final SecureRandom RANDOM = new SecureRandom();

  private TimeOrderedIds() {}

  public static UUID next() {
    long millis = System.currentTimeMillis();
    long randomA = RANDOM.nextInt(1 << 12);
    long randomB = RANDOM.nextLong();
    long mostSignificant = (millis << 16) | (0x7L << 12) | randomA;
    long leastSignificant = (randomB & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(mostSignificant, leastSignificant);
  }
}
