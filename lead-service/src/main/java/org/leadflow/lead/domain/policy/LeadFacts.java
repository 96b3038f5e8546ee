package org.leadflow.lead.domain.policy;

import org.leadflow.lead.domain.LeadDetails;
import org.leadflow.lead.domain.Qualification;

/** What a policy reads of a lead: its details, what qualifying found out, and its fit. */
public record LeadFacts(LeadDetails details, Qualification qualification, FitAssessment fit) {}
