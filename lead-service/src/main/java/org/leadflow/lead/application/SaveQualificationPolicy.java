package org.leadflow.lead.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import org.leadflow.lead.domain.policy.PublishedPolicy;
import org.leadflow.lead.domain.policy.QualificationPolicy;
import org.leadflow.web.security.Caller;

/**
 * An admin's change of the qualification policy: saved as the version after the one in force, and
 * published ({@code leadflow.lead.qualification-policy-changed.v1}) with it.
 */
@ApplicationScoped
public class SaveQualificationPolicy implements CommandHandler<SaveQualificationPolicy.Command, PublishedPolicy> {

  /**
   * @param expectedVersion the version the admin changed, from {@code If-Match}; empty for none
   * @param policy checked already ({@link QualificationPolicy#validated()})
   */
  public record Command(Optional<Long> expectedVersion, QualificationPolicy policy, String note, Caller caller) {}

  @Inject PolicyVersionsInForce inForce;
  @Inject Clock clock;

  /**
   * @throws StalePolicyException when the policy in force is another version than expected
   * @throws ConcurrentPolicyChangeException when another admin saved the same version number first
   */
  @Override
  public Uni<PublishedPolicy> handle(Command command) {
    return inForce
        .currentOrStart(clock.instant())
        .chain(
            current -> {
              if (command.expectedVersion().isPresent() && command.expectedVersion().get() != current.version()) {
                throw new StalePolicyException(current.version());
              }
              PublishedPolicy next =
                  current.succeededBy(command.policy(), command.caller().id(), command.caller().name(), clock.instant(), command.note());
              return inForce.add(next).map(added -> {
                if (!added) {
                  throw new ConcurrentPolicyChangeException(next.version());
                }
                return next;
              });
            });
  }

  /** The admin changed another version than the one in force. */
  public static class StalePolicyException extends RuntimeException {
    private final int currentVersion;

    public StalePolicyException(int currentVersion) {
      super("The qualification policy in force is version " + currentVersion + "; read it again and apply the change to it");
      this.currentVersion = currentVersion;
    }

    public int currentVersion() {
      return currentVersion;
    }
  }

  /** Two admins saved a change of the same version at once, and this one lost. */
  public static class ConcurrentPolicyChangeException extends RuntimeException {
    public ConcurrentPolicyChangeException(int version) {
      super("Another change saved version " + version + " of the qualification policy first; read it again and retry");
    }
  }
}
