package org.leadflow.lead.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.leadflow.lead.domain.Lead;

/**
 * The disqualified leads whose nurture date has come, claimed for the current transaction: each row is
 * locked ({@code FOR UPDATE SKIP LOCKED}), so that another instance's run, claiming at the same time,
 * takes other leads, and a person's change of a claimed lead waits for the claim's commit (and then
 * fails on the lead's version). A lead changed by a person before the claim no longer matches.
 */
@ApplicationScoped
public class NurtureQueue {

  @Inject LeadRepository leads;

  /** Up to {@code size} due leads, earliest nurture date first, locked until the transaction ends. */
  public Uni<List<Lead>> claimDue(LocalDate today, int size) {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(
                        "SELECT id FROM lead WHERE state = 'DISQUALIFIED' AND nurture_until <= :today"
                            + " ORDER BY nurture_until, id LIMIT :size FOR UPDATE SKIP LOCKED",
                        UUID.class)
                    .setParameter("today", today)
                    .setParameter("size", size)
                    .getResultList())
        // Read as entities after the lock, so that each is the committed row the claim holds.
        .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<Lead>of()) : leads.list("id in ?1", ids));
  }
}
