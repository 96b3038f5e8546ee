package org.leadflow.contracts;

/**
 * CloudEvents 1.0 Kafka protocol binding, binary content mode: the event's attributes travel as
 * record headers and the record value is the event's JSON data.
 */
public final class CloudEventHeaders {

  public static final String ID = "ce_id";
  public static final String TYPE = "ce_type";
  public static final String SOURCE = "ce_source";
  public static final String SPEC_VERSION = "ce_specversion";
  public static final String TIME = "ce_time";
  public static final String SUBJECT = "ce_subject";
  public static final String CONTENT_TYPE = "content-type";
  /** The JSON Schema of the event's data: the {@code $id} of {@code events/schemas/<type>.schema.json}. */
  public static final String DATA_SCHEMA = "ce_dataschema";

  public static final String SPEC_VERSION_1_0 = "1.0";
  public static final String JSON = "application/json";

  private CloudEventHeaders() {}

  /** The {@code ce_dataschema} of an event type, which is its schema's {@code $id}. */
  public static String dataSchema(String type) {
    return "https://leadflow.org/schemas/events/" + type + ".json";
  }
}
