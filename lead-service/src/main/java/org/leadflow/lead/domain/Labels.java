package org.leadflow.lead.domain;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The API and the events name enumeration values by their Dynamics 365 labels ("Trade Show"), so
 * that integrators can map them one to one; this finds the constant behind a label.
 */
final class Labels {

  private Labels() {}

  static <E extends Enum<E>> E find(E[] values, String label, Function<E, String> labelOf) {
    for (E value : values) {
      if (labelOf.apply(value).equals(label)) {
        return value;
      }
    }
    throw new UnknownLabelException(
        label,
        Arrays.stream(values).map(labelOf).collect(Collectors.toUnmodifiableList()));
  }
}
