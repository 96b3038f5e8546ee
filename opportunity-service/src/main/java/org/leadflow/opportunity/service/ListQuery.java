package org.leadflow.opportunity.service;

import io.quarkus.panache.common.Sort;
import java.util.HashMap;
import java.util.Map;

/** Filters, order and page of a collection, as a Panache query. */
public record ListQuery(String where, Map<String, Object> parameters, Sort sort, int page, int size) {

  /** This query with one more condition. */
  ListQuery and(String condition, String parameter, Object value) {
    Map<String, Object> more = new HashMap<>(parameters);
    more.put(parameter, value);
    return new ListQuery("(" + where + ") and " + condition, more, sort, page, size);
  }
}
