package org.leadflow.opportunity.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.leadflow.opportunity.domain.Contact;
import org.leadflow.opportunity.domain.MatchProbe;

@ApplicationScoped
public class ContactRepository implements PanacheRepositoryBase<Contact, UUID> {

  /** Contacts with the probe's email (stored lower-case) or phone (E.164), oldest first. */
  public Uni<List<Contact>> candidates(MatchProbe probe, int limit) {
    List<String> conditions = new ArrayList<>();
    Map<String, Object> parameters = new HashMap<>();
    if (probe.email() != null) {
      conditions.add("email = :email");
      parameters.put("email", probe.email());
    }
    if (probe.phone() != null) {
      conditions.add("phone = :phone");
      parameters.put("phone", probe.phone());
    }
    if (conditions.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    return find(String.join(" or ", conditions), Sort.by("createdAt").and("id"), parameters)
        .page(Page.ofSize(limit))
        .list();
  }
}
