package org.leadflow.opportunity.service;

import io.quarkus.panache.common.Sort;
import java.util.Map;

/** Filters, order and page of a collection, as a Panache query. */
public record ListQuery(String where, Map<String, Object> parameters, Sort sort, int page, int size) {}
