package org.leadflow.lead.persistence;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.leadflow.lead.domain.policy.PublishedPolicy;

/**
 * The saved versions of the qualification policy. Saving never overwrites: a version number taken by
 * another admin's save in the meantime makes {@link #add} answer false.
 */
@ApplicationScoped
public class PolicyVersions {

  @Inject ObjectMapper json;

  @Inject PolicyVersionRows rows;

  /** The newest version read so far: versions never change once saved, so its document is read once. */
  private final AtomicReference<PublishedPolicy> newestRead = new AtomicReference<>();

  /**
   * The newest version, if any was saved. Its number is read every time (one index probe); its
   * document only when it is a version this instance has not read yet.
   */
  public Uni<Optional<PublishedPolicy>> newest() {
    return Panache.getSession()
        .chain(session -> session.createNativeQuery("SELECT max(version) FROM qualification_policy_version", Integer.class).getSingleResultOrNull())
        .chain(number -> {
          if (number == null) {
            return Uni.createFrom().item(Optional.<PublishedPolicy>empty());
          }
          PublishedPolicy known = newestRead.get();
          if (known != null && known.version() == number) {
            return Uni.createFrom().item(Optional.of(known));
          }
          return version(number).invoke(found -> found.ifPresent(newestRead::set));
        });
  }

  public Uni<Optional<PublishedPolicy>> version(int version) {
    return rows.findById(version).map(row -> Optional.ofNullable(row).map(this::published));
  }

  /** A page of versions, newest first. */
  public Uni<List<PublishedPolicy>> page(int page, int size) {
    return rows.findAll(Sort.descending("version")).page(page, size).list().map(found -> found.stream().map(this::published).toList());
  }

  public Uni<Long> count() {
    return rows.count();
  }

  /** Saves {@code policy} under its version unless that version exists: true when it was saved. */
  public Uni<Boolean> add(PublishedPolicy policy) {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(
                        "INSERT INTO qualification_policy_version (version, policy, changed_by, changed_by_name, changed_at, note)"
                            + " VALUES (:version, cast(cast(:policy as text) as jsonb), :by, :byName, :at, :note) ON CONFLICT (version) DO NOTHING")
                    .setParameter("version", policy.version())
                    .setParameter("policy", PolicyDocument.write(policy.policy(), json))
                    .setParameter("by", policy.changedBy())
                    .setParameter("byName", policy.changedByName())
                    .setParameter("at", policy.changedAt())
                    .setParameter("note", policy.note())
                    .executeUpdate())
        .map(inserted -> inserted == 1);
  }

  private PublishedPolicy published(PolicyVersionRow row) {
    return new PublishedPolicy(row.version, PolicyDocument.read(row.policy, json), row.changedBy, row.changedByName, row.changedAt, row.note);
  }
}
