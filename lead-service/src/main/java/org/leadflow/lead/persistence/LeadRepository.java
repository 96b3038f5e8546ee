package org.leadflow.lead.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.leadflow.lead.domain.Lead;

@ApplicationScoped
public class LeadRepository implements PanacheRepositoryBase<Lead, UUID> {}
