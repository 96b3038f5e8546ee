package org.leadflow.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Money as LeadFlow writes it everywhere: the amount as a decimal string, an ISO 4217 currency. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Money(String amount, String currency) {}
