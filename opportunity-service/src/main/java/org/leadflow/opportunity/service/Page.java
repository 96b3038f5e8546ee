package org.leadflow.opportunity.service;

import java.util.List;

/** One page of a collection (docs/architecture.md, section REST conventions). */
public record Page<T>(List<T> items, int page, int size, long total) {}
