package org.leadflow.opportunity.api;

import io.quarkus.panache.common.Sort;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.leadflow.opportunity.domain.UnknownLabelException;
import org.leadflow.opportunity.service.ListQuery;
import org.leadflow.web.BusinessDates;
import org.leadflow.web.InvalidRequestException;
import org.leadflow.web.FieldError;
import org.leadflow.web.PageParameters;

/**
 * Turns a collection's query parameters into a {@link ListQuery}, collecting every invalid one so
 * that a 400 names them all at once. Parameters arrive as text: a malformed number, id or date is
 * a 400 naming the parameter, never JAX-RS' bare 404.
 */
final class ListQueryBuilder {


  private final List<String> conditions = new ArrayList<>();
  private final Map<String, Object> parameters = new HashMap<>();
  private final List<FieldError> errors = new ArrayList<>();

  /** {@code attribute = value} when the parameter is given. */
  ListQueryBuilder equal(String attribute, String parameter, String value) {
    if (value != null && !value.isBlank()) {
      add(attribute + " = :" + parameter, parameter, value.strip());
    }
    return this;
  }

  /** {@code attribute = id} when the parameter is given and is a UUID. */
  ListQueryBuilder id(String attribute, String parameter, String value) {
    if (value != null && !value.isBlank()) {
      try {
        add(attribute + " = :" + parameter, parameter, UUID.fromString(value.strip()));
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError(parameter, "must be a UUID"));
      }
    }
    return this;
  }

  /** {@code attribute <operator> date} when the parameter is given and is an ISO-8601 business date. */
  ListQueryBuilder date(String attribute, String operator, String parameter, String value) {
    LocalDate date = BusinessDates.date(parameter, value, errors);
    if (date != null) {
      add(attribute + " " + operator + " :" + parameter, parameter, date);
    }
    return this;
  }

  /** {@code attribute = label's value} when the parameter is given and names an allowed value. */
  <T> ListQueryBuilder label(String attribute, String parameter, String value, Function<String, T> parse) {
    if (value != null && !value.isBlank()) {
      try {
        add(attribute + " = :" + parameter, parameter, parse.apply(value));
      } catch (UnknownLabelException e) {
        errors.add(new FieldError(parameter, "must be one of " + String.join(", ", e.allowed())));
      }
    }
    return this;
  }

  /** {@code attribute = true|false} when the parameter is given; anything but true or false is invalid. */
  ListQueryBuilder flag(String attribute, String parameter, String value) {
    if (value != null && !value.isBlank()) {
      String flag = value.strip().toLowerCase(Locale.ROOT);
      if (flag.equals("true") || flag.equals("false")) {
        add(attribute + " = :" + parameter, parameter, Boolean.valueOf(flag));
      } else {
        errors.add(new FieldError(parameter, "must be true or false"));
      }
    }
    return this;
  }

  /** {@code condition} with {@code value} bound to {@code parameter}, when the value is given. */
  ListQueryBuilder where(String condition, String parameter, Object value) {
    if (value != null) {
      add(condition, parameter, value);
    }
    return this;
  }

  /** Names a parameter found invalid elsewhere, so that the 400 names it with all the others. */
  ListQueryBuilder invalid(String parameter, String message) {
    errors.add(new FieldError(parameter, message));
    return this;
  }

  /** Case-insensitive "contains" over the attributes, when {@code q} is given. */
  ListQueryBuilder text(String q, String... attributes) {
    if (q != null && !q.isBlank()) {
      conditions.add(
          Stream.of(attributes).map(attribute -> "lower(" + attribute + ") like :q escape '\\'").collect(Collectors.joining(" or ", "(", ")")));
      parameters.put("q", "%" + escapeLike(q.strip().toLowerCase(Locale.ROOT)) + "%");
    }
    return this;
  }

  /**
   * @param sortable API sort field → entity attribute; the first is the default, descending
   * @throws InvalidRequestException naming every invalid parameter
   */
  ListQuery build(String page, String size, String sort, LinkedHashMap<String, String> sortable) {
    PageParameters paging = PageParameters.read(page, size, errors);
    Sort order = sort(sort, sortable);
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    String where = conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions);
    return new ListQuery(where, parameters, order, paging.page(), paging.size());
  }

  private Sort sort(String value, LinkedHashMap<String, String> sortable) {
    String defaultField = sortable.values().iterator().next();
    if (value == null || value.isBlank()) {
      return Sort.by(defaultField, Sort.Direction.Descending).and("id", Sort.Direction.Descending);
    }
    String[] parts = value.split(",", -1);
    String field = sortable.get(parts[0].strip());
    String direction = parts.length > 1 ? parts[1].strip().toLowerCase(Locale.ROOT) : "asc";
    if (field == null || parts.length > 2 || !(direction.equals("asc") || direction.equals("desc"))) {
      errors.add(
          new FieldError(
              "sort", "must be field,asc or field,desc with field one of " + String.join(", ", sortable.keySet())));
      return Sort.by(defaultField);
    }
    Sort.Direction dir = direction.equals("desc") ? Sort.Direction.Descending : Sort.Direction.Ascending;
    // id breaks ties so that pages never overlap or skip rows.
    return Sort.by(field, dir).and("id", dir);
  }

  private void add(String condition, String parameter, Object value) {
    conditions.add(condition);
    parameters.put(parameter, value);
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
