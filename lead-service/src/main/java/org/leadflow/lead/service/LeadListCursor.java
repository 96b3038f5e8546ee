package org.leadflow.lead.service;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

/**
 * Where the next page of the lead list starts (keyset paging): the sort value and id of the last lead
 * shown, the number of the page it leads to, and a fingerprint of the sort and filters it was made for.
 * Sent as opaque base64url text with a checksum, so that a cursor that was cut, altered or made for
 * another sort or other filters is refused rather than read. It is not a secret and grants nothing: every
 * page is read with the caller's own visibility, whoever made the cursor.
 *
 * @param sortValue a {@link String}, {@link Integer} or {@link Instant} as the sort field holds, or null
 */
public record LeadListCursor(int page, Object sortValue, UUID id, long fingerprint) {

  private static final byte VERSION = 1;
  private static final int CHECKSUM_BYTES = 8;
  /** Far above any real cursor (a sort value is at most a few hundred characters); longer text is refused unread. */
  public static final int MAX_LENGTH = 2048;

  /** Times a lead may have (docs/architecture.md: years 1900 to 9999). */
  private static final Instant EARLIEST = LocalDate.of(1900, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
  private static final Instant LATEST = LocalDate.of(10000, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();

  private static final byte NULL = 0;
  private static final byte TEXT = 1;
  private static final byte NUMBER = 2;
  private static final byte INSTANT = 3;

  /** The cursor as a query parameter's value. */
  public String encode() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeLong(fingerprint);
      out.writeInt(page);
      out.writeLong(id.getMostSignificantBits());
      out.writeLong(id.getLeastSignificantBits());
      if (sortValue == null) {
        out.writeByte(NULL);
      } else if (sortValue instanceof String text) {
        out.writeByte(TEXT);
        out.writeUTF(text);
      } else if (sortValue instanceof Integer number) {
        out.writeByte(NUMBER);
        out.writeInt(number);
      } else if (sortValue instanceof Instant instant) {
        out.writeByte(INSTANT);
        out.writeLong(instant.getEpochSecond());
        out.writeInt(instant.getNano());
      } else {
        throw new IllegalStateException("A lead list sorts by no " + sortValue.getClass());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] payload = bytes.toByteArray();
    byte[] signed = Arrays.copyOf(payload, payload.length + CHECKSUM_BYTES);
    System.arraycopy(sha256(payload), 0, signed, payload.length, CHECKSUM_BYTES);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(signed);
  }

  /**
   * Reads a cursor made by {@link #encode()}.
   *
   * @throws InvalidCursorException when the text is not such a cursor, or its sort value is not of {@code kind}
   */
  public static LeadListCursor decode(String text, Class<?> kind) {
    if (text.length() > MAX_LENGTH) {
      throw new InvalidCursorException("is longer than any cursor this list gives");
    }
    byte[] signed;
    try {
      signed = Base64.getUrlDecoder().decode(text.strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidCursorException("is not a cursor this list gave (not base64url)");
    }
    if (signed.length <= CHECKSUM_BYTES) {
      throw new InvalidCursorException("is not a cursor this list gave");
    }
    byte[] payload = Arrays.copyOf(signed, signed.length - CHECKSUM_BYTES);
    byte[] checksum = Arrays.copyOfRange(signed, payload.length, signed.length);
    if (!MessageDigest.isEqual(checksum, Arrays.copyOf(sha256(payload), CHECKSUM_BYTES))) {
      throw new InvalidCursorException("is not a cursor this list gave (altered or cut)");
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
      if (in.readByte() != VERSION) {
        throw new InvalidCursorException("is of a version this service does not read");
      }
      long fingerprint = in.readLong();
      int page = in.readInt();
      UUID id = new UUID(in.readLong(), in.readLong());
      Object value =
          switch (in.readByte()) {
            case NULL -> null;
            case TEXT -> in.readUTF();
            case NUMBER -> in.readInt();
            case INSTANT -> Instant.ofEpochSecond(in.readLong(), in.readInt());
            default -> throw new InvalidCursorException("is not a cursor this list gave");
          };
      if (in.available() > 0 || page < 1 || (value != null && !kind.isInstance(value))) {
        throw new InvalidCursorException("was made for another sort");
      }
      // The checksum is not a secret: a cursor made by hand must still hold only what the database can compare.
      if (value instanceof String sortText && sortText.indexOf('\u0000') >= 0
          || value instanceof Instant instant && (instant.isBefore(EARLIEST) || !instant.isBefore(LATEST))) {
        throw new InvalidCursorException("holds a value no lead has");
      }
      return new LeadListCursor(page, value, id, fingerprint);
    } catch (EOFException | DateTimeException | ArithmeticException e) {
      throw new InvalidCursorException("is not a cursor this list gave");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first 8 bytes of the SHA-256 of {@code text}: how a cursor names the sort and filters it belongs to. */
  static long fingerprint(String text) {
    return ByteBuffer.wrap(sha256(text.getBytes(StandardCharsets.UTF_8))).getLong();
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }

  /** A cursor parameter that cannot be used; the message completes "cursor ...". */
  public static class InvalidCursorException extends RuntimeException {
    public InvalidCursorException(String message) {
      super(message);
    }
  }
}
