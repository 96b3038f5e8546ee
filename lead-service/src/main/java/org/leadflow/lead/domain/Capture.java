package org.leadflow.lead.domain;

import jakarta.persistence.Embeddable;
import java.time.Instant;

/** Who captured a piece of qualification data, and when (its columns are named where it is embedded). */
@Embeddable
public record Capture(String by, Instant at) {}
