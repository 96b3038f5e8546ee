package org.leadflow.contracts.lead;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One field's change, named as lead-service's API names it ({@code email}, {@code
 * qualification.budget.status}); values are JSON values (money is {@code {amount, currency}}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FieldChange(String field, Object oldValue, Object newValue) {}
