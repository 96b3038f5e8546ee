package org.leadflow.opportunity.service;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.leadflow.web.security.Caller;

/**
 * Which records a caller sees (docs/architecture.md, section Security and visibility): a sales manager every one; a seller the
 * opportunities they own, and the accounts and contacts they own or that one of their opportunities
 * is linked to (read access through the opportunity, as a CRM's implicit sharing gives it). Records
 * outside are as unknown to them as records that do not exist. The same rule decides what matching
 * answers and what a conversion may link or reuse: for the lead's owner, by the seller's rule
 * ({@link Viewer#owner}).
 */
final class Visibility {

  private static final String PARAMETER = "visibleTo";
  static final String OWN = "ownerId = :" + PARAMETER;
  static final String OWN_OR_LINKED_ACCOUNT =
      "(" + OWN + " or id in (select o.accountId from Opportunity o where o.ownerId = :" + PARAMETER + "))";
  static final String OWN_OR_LINKED_CONTACT =
      "(" + OWN + " or id in (select o.contactId from Opportunity o where o.ownerId = :" + PARAMETER + "))";

  private Visibility() {}

  /** {@code query} narrowed by {@code condition} unless the caller sees every owner's records. */
  static ListQuery restrict(ListQuery query, String condition, Caller caller) {
    return restrict(query, condition, Viewer.of(caller));
  }

  /** {@code query} narrowed by {@code condition} unless the viewer sees every owner's records. */
  static ListQuery restrict(ListQuery query, String condition, Viewer viewer) {
    return viewer.everyOwner() ? query : query.and(condition, PARAMETER, viewer.ownerId());
  }

  /** The record with {@code id} if the caller may see it, else {@code notFound}. */
  static <T> Uni<T> one(
      PanacheRepositoryBase<T, UUID> records, UUID id, String condition, Caller caller, Supplier<RuntimeException> notFound) {
    return one(records, id, condition, Viewer.of(caller), notFound);
  }

  /**
   * The record with {@code id} if the viewer may see it, else {@code notFound}: a record they may
   * not see fails exactly as one that does not exist.
   */
  static <T> Uni<T> one(
      PanacheRepositoryBase<T, UUID> records, UUID id, String condition, Viewer viewer, Supplier<RuntimeException> notFound) {
    ListQuery visible = restrict(new ListQuery("id = :id", Map.of("id", id), Sort.by("id"), 0, 1), condition, viewer);
    return records.find(visible.where(), visible.parameters()).firstResult().onItem().ifNull().failWith(notFound);
  }

  /** One page of the records that match {@code query} among those the caller may see. */
  static <T> Uni<Page<T>> page(PanacheRepositoryBase<T, UUID> records, ListQuery query, String condition, Caller caller) {
    return page(records, query, condition, Viewer.of(caller));
  }

  /** One page of the records that match {@code query} among those the viewer may see. */
  static <T> Uni<Page<T>> page(PanacheRepositoryBase<T, UUID> records, ListQuery query, String condition, Viewer viewer) {
    ListQuery visible = restrict(query, condition, viewer);
    var found = records.find(visible.where(), visible.sort(), visible.parameters());
    // One session runs one statement at a time: the page, then the count.
    return found
        .page(io.quarkus.panache.common.Page.of(visible.page(), visible.size()))
        .list()
        .chain(items -> found.count().map(total -> new Page<>(items, visible.page(), visible.size(), total)));
  }
}
