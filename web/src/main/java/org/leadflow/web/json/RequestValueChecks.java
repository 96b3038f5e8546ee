package org.leadflow.web.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.leadflow.web.BusinessDates;
import org.leadflow.web.RequestText;

/**
 * Checks every value JSON is read into, once for all request (and event) types: text without NUL
 * or unpaired surrogates (map keys included), finite floating-point numbers, and dates and times in
 * {@link BusinessDates}' range. Free-form values ({@code Object}, {@code Map}, trees) are checked
 * to any depth. A refused value is a {@link RefusedValueException} that Jackson locates in the body.
 */
final class RequestValueChecks {

  /** The types whose deserializers are wrapped; the free-form ones are walked. */
  private static final Set<Class<?>> CHECKED =
      Set.of(
          String.class, Object.class, Double.class, Float.class,
          LocalDate.class, LocalDateTime.class, Instant.class, OffsetDateTime.class, ZonedDateTime.class,
          UUID.class);

  /**
   * Types written as JSON text only: Jackson would also take a number as epoch seconds, an array as
   * [year, month, day], and an empty or blank string as null.
   */
  private static final Set<Class<?>> TEXT_ONLY =
      Set.of(LocalDate.class, LocalDateTime.class, Instant.class, OffsetDateTime.class, ZonedDateTime.class, UUID.class);

  private RequestValueChecks() {}

  static SimpleModule module() {
    SimpleModule module = new SimpleModule("leadflow-request-value-checks");
    module.setDeserializerModifier(
        new BeanDeserializerModifier() {
          @Override
          public JsonDeserializer<?> modifyDeserializer(
              DeserializationConfig config, BeanDescription description, JsonDeserializer<?> deserializer) {
            Class<?> type = description.getBeanClass();
            // Jackson may describe a wrapper (Integer) as its primitive; the deserializer knows which it reads.
            boolean primitive = type.isPrimitive() && deserializer.handledType() != null && deserializer.handledType().isPrimitive();
            return CHECKED.contains(type) || primitive ? new Checked(deserializer, primitive) : deserializer;
          }

          @Override
          public KeyDeserializer modifyKeyDeserializer(
              DeserializationConfig config, JavaType type, KeyDeserializer deserializer) {
            return type.getRawClass() == String.class ? new CheckedKey(deserializer) : deserializer;
          }
        });
    // Trees are not built through the modifier: their deserializers are replaced by checked ones.
    addTree(module, JsonNode.class);
    addTree(module, ObjectNode.class);
    addTree(module, ArrayNode.class);
    return module;
  }

  @SuppressWarnings("unchecked")
  private static <T extends JsonNode> void addTree(SimpleModule module, Class<T> type) {
    module.addDeserializer(type, (JsonDeserializer<T>) (JsonDeserializer<?>) new Checked(JsonNodeDeserializer.getDeserializer(type), false));
  }

  /**
   * Reads as the standard deserializer does, then refuses what LeadFlow does not accept. For a
   * primitive, an explicit {@code null} is refused while an omitted member keeps its default
   * (false, 0): FAIL_ON_NULL_FOR_PRIMITIVES would refuse both.
   */
  private static final class Checked extends DelegatingDeserializer {

    private final boolean refusesNull;

    Checked(JsonDeserializer<?> delegate, boolean refusesNull) {
      super(delegate);
      this.refusesNull = refusesNull;
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
      return new Checked(delegate, refusesNull);
    }

    @Override
    public Object getNullValue(DeserializationContext context) throws JsonMappingException {
      if (refusesNull) {
        throw new RefusedValueException(context.getParser(), "must not be null", null, handledType());
      }
      return _delegatee.getNullValue(context);
    }

    @Override
    public Object getAbsentValue(DeserializationContext context) throws JsonMappingException {
      return _delegatee.getNullValue(context);
    }

    @Override
    public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      Class<?> type = handledType();
      if (type != null && TEXT_ONLY.contains(type)) {
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
          throw new RefusedValueException(parser, "must be text, e.g. " + TextOnly.example(type), null, type);
        }
        String text = parser.getText();
        if (!RequestText.isAcceptable(text)) {
          throw new RefusedValueException(parser, RequestText.REFUSAL, RequestText.printable(text), type);
        }
        // trim(), as Jackson's readers do: it drops every control character, not only white space.
        if (text.trim().isEmpty()) {
          throw new RefusedValueException(parser, "must not be empty", text, type);
        }
      }
      Object value = super.deserialize(parser, context);
      check(parser, value);
      return value;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object deserialize(JsonParser parser, DeserializationContext context, Object intoValue) throws IOException {
      Object value = ((JsonDeserializer<Object>) _delegatee).deserialize(parser, context, intoValue);
      check(parser, value);
      return value;
    }
  }

  private static final class CheckedKey extends KeyDeserializer {

    private final KeyDeserializer delegate;

    CheckedKey(KeyDeserializer delegate) {
      this.delegate = delegate;
    }

    @Override
    public Object deserializeKey(String key, DeserializationContext context) throws IOException {
      if (!RequestText.isAcceptable(key)) {
        throw new RefusedValueException(context.getParser(), RequestText.REFUSAL, RequestText.printable(key), String.class);
      }
      return delegate.deserializeKey(key, context);
    }
  }

  static void check(JsonParser parser, Object value) throws RefusedValueException {
    if (value instanceof String text) {
      if (!RequestText.isAcceptable(text)) {
        throw new RefusedValueException(parser, RequestText.REFUSAL, RequestText.printable(text), String.class);
      }
    } else if (value instanceof Double number && !Double.isFinite(number)
        || value instanceof Float single && !Float.isFinite(single)) {
      throw new RefusedValueException(parser, "must be a finite number", value, Double.class);
    } else if (value instanceof LocalDate date) {
      checkDate(parser, date);
    } else if (value instanceof LocalDateTime time) {
      checkDate(parser, time.toLocalDate());
    } else if (value instanceof Instant instant) {
      checkTime(parser, instant);
    } else if (value instanceof OffsetDateTime time) {
      checkTime(parser, time.toInstant());
    } else if (value instanceof ZonedDateTime time) {
      checkTime(parser, time.toInstant());
    } else if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        checkMember(parser, map, String.valueOf(entry.getKey()), entry.getValue());
      }
    } else if (value instanceof Collection<?> elements) {
      int index = 0;
      for (Object element : elements) {
        checkElement(parser, elements, index++, element);
      }
    } else if (value instanceof JsonNode node) {
      checkTree(parser, node);
    }
  }

  private static void checkTree(JsonParser parser, JsonNode node) throws RefusedValueException {
    if (node.isTextual()) {
      check(parser, node.textValue());
    } else if (node.isFloatingPointNumber() && !node.isBigDecimal()) {
      check(parser, node.doubleValue());
    } else if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> members = node.fields(); members.hasNext(); ) {
        Map.Entry<String, JsonNode> member = members.next();
        checkMember(parser, node, member.getKey(), member.getValue());
      }
    } else if (node.isArray()) {
      for (int index = 0; index < node.size(); index++) {
        checkElement(parser, node, index, node.get(index));
      }
    }
  }

  private static void checkMember(JsonParser parser, Object container, String name, Object value) throws RefusedValueException {
    try {
      check(parser, name);
      check(parser, value);
    } catch (RefusedValueException refused) {
      refused.prependPath(container, RequestText.printable(name));
      throw refused;
    }
  }

  private static void checkElement(JsonParser parser, Object container, int index, Object value) throws RefusedValueException {
    try {
      check(parser, value);
    } catch (RefusedValueException refused) {
      refused.prependPath(container, index);
      throw refused;
    }
  }

  private static void checkDate(JsonParser parser, LocalDate date) throws RefusedValueException {
    if (!BusinessDates.accepts(date)) {
      throw new RefusedValueException(parser, BusinessDates.DATE_REFUSAL, date, LocalDate.class);
    }
  }

  private static void checkTime(JsonParser parser, Instant instant) throws RefusedValueException {
    if (!BusinessDates.accepts(instant)) {
      throw new RefusedValueException(parser, BusinessDates.TIME_REFUSAL, instant, Instant.class);
    }
  }

  /** What a value of a text-only type looks like, for the refusal's message. */
  private static final class TextOnly {
    private TextOnly() {}

    static String example(Class<?> type) {
      if (type == UUID.class) {
        return "\"3f2c8e1a-5b7d-4c9e-8a1f-2b3c4d5e6f70\"";
      }
      return type == LocalDate.class ? "\"2027-03-31\"" : "\"2027-03-31T09:30:00Z\"";
    }
  }
}
