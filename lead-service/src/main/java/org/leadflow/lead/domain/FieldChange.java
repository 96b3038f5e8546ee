package org.leadflow.lead.domain;

/**
 * One field's change, named as the API names it ({@code email}, {@code qualification.budget.status})
 * with JSON-friendly values (labels for enumerations, {amount, currency} for money).
 */
public record FieldChange(String field, Object oldValue, Object newValue) {}
