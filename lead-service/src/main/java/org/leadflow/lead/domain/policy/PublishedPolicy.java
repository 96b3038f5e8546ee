package org.leadflow.lead.domain.policy;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.leadflow.lead.domain.LeadDetails;
import org.leadflow.lead.domain.Qualification;

/**
 * One version of the organisation's qualification policy, as an admin saved it: every change is a new
 * version, kept, so that each lead's readiness and each override name the bar they were held to.
 *
 * @param changedBy the admin's user id; {@code system} for the default policy
 * @param note why it changed, as the admin wrote it (may be null)
 */
public record PublishedPolicy(int version, QualificationPolicy policy, String changedBy, String changedByName, Instant changedAt, String note) {

  public static final String SYSTEM = "system";

  public PublishedPolicy {
    Objects.requireNonNull(policy);
    Objects.requireNonNull(changedBy);
    Objects.requireNonNull(changedAt);
  }

  /** The default policy as version 1, which a database starts with. */
  public static PublishedPolicy initial(Instant at) {
    return new PublishedPolicy(1, DefaultQualificationPolicy.POLICY, SYSTEM, "LeadFlow", at, "The default policy: BANT and fit");
  }

  /**
   * A policy without criteria or profile as version 1, for a deployment that starts without a bar
   * (every lead passes the gate; readiness is 100) until an admin sets one.
   */
  public static PublishedPolicy initialWithoutCriteria(Instant at) {
    return new PublishedPolicy(1, new QualificationPolicy(List.of(), IdealCustomerProfile.NONE), SYSTEM, "LeadFlow", at, "No criteria yet");
  }

  public Readiness evaluate(LeadDetails details, Qualification qualification) {
    return policy.evaluate(version, details, qualification);
  }

  /** The version that replaces this one with {@code next}, saved by an admin. */
  public PublishedPolicy succeededBy(QualificationPolicy next, String by, String byName, Instant at, String why) {
    return new PublishedPolicy(version + 1, next.validated(), by, byName, at, why);
  }
}
