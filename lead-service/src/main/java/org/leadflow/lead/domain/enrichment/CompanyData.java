package org.leadflow.lead.domain.enrichment;

import org.leadflow.lead.domain.Money;

/**
 * What a company data provider knows of the company behind a domain; every member may be missing.
 *
 * @param country an ISO 3166-1 alpha-2 code, or null (a provider's country name is read by {@link
 *     CountryNames} before it gets here)
 */
public record CompanyData(String name, String industry, Integer numberOfEmployees, Money annualRevenue, String country) {}
