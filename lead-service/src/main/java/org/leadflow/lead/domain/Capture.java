package org.leadflow.lead.domain;

import java.time.Instant;

/** Who captured a piece of qualification data, and when. */
public record Capture(String by, Instant at) {}
