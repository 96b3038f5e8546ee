package org.leadflow.lead.api;

import java.util.List;

/** One page of a collection (DESIGN.md section 5). */
public record PageResponse<T>(List<T> items, int page, int size, long total) {}
