package org.leadflow.lead.domain.webform;

import java.time.Instant;
import java.util.UUID;

/** A visitor's consent as a web form recorded it: the form, the field and its value, from where, when. */
public record Consent(UUID formId, String field, String value, String clientAddress, Instant recordedAt) {}
