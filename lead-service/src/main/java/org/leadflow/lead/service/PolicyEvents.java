package org.leadflow.lead.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import org.leadflow.contracts.Money;
import org.leadflow.contracts.lead.LeadEventTypes;
import org.leadflow.contracts.lead.QualificationPolicyChanged;
import org.leadflow.lead.domain.policy.CannotContactPolicy;
import org.leadflow.lead.domain.policy.IdealCustomerProfile;
import org.leadflow.lead.domain.policy.PublishedPolicy;
import org.leadflow.messaging.Outbox;

/**
 * Publishes each version of the qualification policy that comes into force
 * ({@code leadflow.lead.qualification-policy-changed.v1}), in the transaction that saves it.
 */
@ApplicationScoped
public class PolicyEvents {

  @Inject Outbox outbox;

  public Uni<Void> inForce(PublishedPolicy published) {
    return outbox
        .append(
            LeadEventTypes.QUALIFICATION_POLICY_AGGREGATE_TYPE,
            LeadEventTypes.QUALIFICATION_POLICY_ID,
            LeadEventTypes.QUALIFICATION_POLICY_CHANGED,
            published.changedAt(),
            data(published))
        .replaceWithVoid();
  }

  private static QualificationPolicyChanged data(PublishedPolicy published) {
    IdealCustomerProfile profile = published.policy().idealCustomerProfile();
    return new QualificationPolicyChanged(
        LeadEventTypes.QUALIFICATION_POLICY_ID,
        published.version(),
        published.version() > 1 ? published.version() - 1 : null,
        published.policy().criteria().stream()
            .map(
                criterion ->
                    new QualificationPolicyChanged.Criterion(
                        criterion.key(),
                        criterion.label(),
                        criterion.field().apiName(),
                        criterion.operator().apiName(),
                        criterion.values().stream().map(PolicyEvents::value).toList(),
                        criterion.required(),
                        criterion.weight()))
            .toList(),
        new QualificationPolicyChanged.IdealCustomerProfile(
            profile.industries(),
            profile.minEmployees(),
            profile.maxEmployees(),
            money(profile.minAnnualRevenue()),
            money(profile.maxAnnualRevenue()),
            profile.countries(),
            profile.sources()),
        published.note(),
        published.changedAt(),
        published.changedBy(),
        cannotContact(published.policy().cannotContact()));
  }

  private static QualificationPolicyChanged.CannotContact cannotContact(CannotContactPolicy policy) {
    if (!policy.hasRule() && !policy.hasGuard()) {
      return null;
    }
    return new QualificationPolicyChanged.CannotContact(
        policy.unansweredAttempts(),
        policy.withinDays(),
        policy.action() == null ? null : policy.action().apiName(),
        policy.minimumAttemptsBeforeDisqualifying());
  }

  private static Object value(Object value) {
    if (value instanceof org.leadflow.lead.domain.Money amount) {
      return money(amount);
    }
    if (value instanceof BigDecimal number) {
      BigDecimal plain = number.stripTrailingZeros();
      return plain.scale() <= 0 ? plain.toBigIntegerExact() : plain;
    }
    return value;
  }

  private static Money money(org.leadflow.lead.domain.Money amount) {
    return amount == null ? null : new Money(amount.decimalAmount(), amount.currency());
  }
}
