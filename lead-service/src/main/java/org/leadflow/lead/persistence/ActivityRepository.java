package org.leadflow.lead.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.leadflow.lead.domain.Activity;

@ApplicationScoped
public class ActivityRepository implements PanacheRepositoryBase<Activity, UUID> {}
