package org.leadflow.lead.domain.policy;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/** What a criterion looks at: a standard field of the lead, or one of its custom attributes. */
public sealed interface FieldRef {

  String ATTRIBUTE_PREFIX = "attributes.";

  /** The name in the API and the stored policy: {@code budgetStatus}, {@code attributes.seats}. */
  String apiName();

  /** How a seller calls it, for explanations: "budget status", "attribute seats". */
  String description();

  FieldType type();

  Object read(LeadFacts facts);

  /** The field a name denotes, or empty when the name denotes none. */
  static Optional<FieldRef> parse(String name) {
    if (name == null) {
      return Optional.empty();
    }
    if (name.startsWith(ATTRIBUTE_PREFIX)) {
      String key = name.substring(ATTRIBUTE_PREFIX.length());
      return Attribute.KEY.matcher(key).matches() ? Optional.of(new Attribute(key)) : Optional.empty();
    }
    return PolicyField.named(name).map(Standard::new);
  }

  record Standard(PolicyField field) implements FieldRef {
    @Override
    public String apiName() {
      return field.apiName();
    }

    @Override
    public String description() {
      return field.description();
    }

    @Override
    public FieldType type() {
      return field.type();
    }

    @Override
    public Object read(LeadFacts facts) {
      return field.read(facts);
    }
  }

  /** A custom attribute; keys have 1 to 100 characters, as the lead's attributes do. */
  record Attribute(String key) implements FieldRef {
    static final Pattern KEY = Pattern.compile("\\S(.{0,98}\\S)?");

    @Override
    public String apiName() {
      return ATTRIBUTE_PREFIX + key;
    }

    @Override
    public String description() {
      return "attribute " + key;
    }

    @Override
    public FieldType type() {
      return FieldType.ATTRIBUTE;
    }

    /** Text, number or boolean as the lead holds it; anything else (a list, an object) is unknown. */
    @Override
    public Object read(LeadFacts facts) {
      Object value = facts.details().attributes().get(key);
      if (value instanceof Number number) {
        return new BigDecimal(number.toString());
      }
      if (value instanceof String text) {
        return text.isBlank() ? null : text;
      }
      return value instanceof Boolean ? value : null;
    }
  }
}
