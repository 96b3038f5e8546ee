package org.leadflow.opportunity.service;

import java.util.List;

/** One page of a collection (DESIGN.md section 5). */
public record Page<T>(List<T> items, int page, int size, long total) {}
