package org.leadflow.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Reads the data of a consumed event as a tolerant reader: members it does not know are skipped (the
 * contracts' rule for consumers) and values are taken as the producer wrote them. What a value
 * then makes impossible is the consumer's to answer as a business outcome (a conversion that
 * fails with its reason), not a reason to give the message up as unreadable. The strict reading of
 * the APIs' request bodies (module web: no coercion, no NUL, dates within 1900-9999) is for hostile
 * input at the edge; applied here, it would dead-letter an event that can be answered and leave
 * its lead waiting for good.
 */
public final class EventData {

  private static final ObjectMapper READER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private EventData() {}

  /** The event's JSON data as {@code type}; {@code null} for the JSON value {@code null}. */
  public static <T> T read(String data, Class<T> type) throws JsonProcessingException {
    return READER.readValue(data, type);
  }
}
