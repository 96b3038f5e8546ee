package org.leadflow.lead.application;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.leadflow.lead.domain.agent.AgentPolicy;
import org.leadflow.lead.domain.agent.PublishedAgentPolicy;
import org.leadflow.lead.persistence.AgentPolicyVersions;
import org.leadflow.web.security.Caller;

/**
 * The qualification agent's policy: the version in force (version 0, off, until an admin saves one),
 * every version, and an admin's change saved as the next version.
 */
@ApplicationScoped
public class AgentPolicies implements CommandHandler<AgentPolicies.Save, PublishedAgentPolicy> {

  /**
   * @param expectedVersion the version the admin changed, from {@code If-Match}; empty for none
   * @param policy checked already ({@link AgentPolicy#validated()})
   */
  public record Save(Optional<Long> expectedVersion, AgentPolicy policy, String note, Caller caller) {}

  @Inject AgentPolicyVersions versions;
  @Inject Commands commands;
  @Inject Clock clock;

  public Uni<PublishedAgentPolicy> current() {
    return Panache.withSession(this::inForce);
  }

  public Uni<List<PublishedAgentPolicy>> all() {
    return Panache.withSession(versions::all);
  }

  public Uni<PublishedAgentPolicy> save(Save command) {
    return commands.run(this, command);
  }

  /** In the caller's transaction: the newest version, or the initial one. */
  Uni<PublishedAgentPolicy> inForce() {
    return versions.newest().map(newest -> newest.orElseGet(() -> PublishedAgentPolicy.initial(clock.instant())));
  }

  @Override
  public Uni<PublishedAgentPolicy> handle(Save command) {
    return inForce()
        .chain(current -> {
          if (command.expectedVersion().isPresent() && command.expectedVersion().get() != current.version()) {
            throw new StaleAgentPolicyException(current.version());
          }
          PublishedAgentPolicy next =
              current.succeededBy(command.policy(), command.caller().id(), command.caller().name(), clock.instant(), command.note());
          return versions.add(next).map(added -> {
            if (!added) {
              throw new ConcurrentAgentPolicyChangeException(next.version());
            }
            return next;
          });
        });
  }

  /** The admin changed another version than the one in force. */
  public static class StaleAgentPolicyException extends RuntimeException {
    private final int currentVersion;

    public StaleAgentPolicyException(int currentVersion) {
      super("The agent's policy in force is version " + currentVersion + "; read it again and apply the change to it");
      this.currentVersion = currentVersion;
    }

    public int currentVersion() {
      return currentVersion;
    }
  }

  /** Two admins saved a change of the same version at once, and this one lost. */
  public static class ConcurrentAgentPolicyChangeException extends RuntimeException {
    public ConcurrentAgentPolicyChangeException(int version) {
      super("Another change saved version " + version + " of the agent's policy first; read it again and retry");
    }
  }
}
