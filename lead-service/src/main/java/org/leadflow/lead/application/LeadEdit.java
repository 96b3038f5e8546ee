package org.leadflow.lead.application;

import org.leadflow.lead.domain.LeadDetails;
import org.leadflow.lead.domain.Qualification;

/** What a person sets on a lead: everything they edit, the owner included (null: the caller). */
public record LeadEdit(LeadDetails details, Qualification qualification, String ownerId) {}
