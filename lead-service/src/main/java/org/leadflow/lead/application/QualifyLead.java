package org.leadflow.lead.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.leadflow.lead.domain.Actor;
import org.leadflow.lead.domain.ConversionPlan;
import org.leadflow.lead.domain.ConversionRequest;
import org.leadflow.lead.domain.Lead;
import org.leadflow.lead.domain.LeadEvent;
import org.leadflow.lead.domain.policy.PublishedPolicy;
import org.leadflow.lead.domain.policy.QualificationGate;
import org.leadflow.lead.persistence.LeadRepository;
import org.leadflow.web.security.Caller;
import org.leadflow.web.security.Roles;

/**
 * Qualifies an Open lead and requests its conversion (docs/architecture.md, section Conversion): the
 * lead becomes Qualified and {@code leadflow.lead.qualified.v1} is recorded with the ids chosen for
 * the records to create, in one transaction. The plan follows the conversion's domain policies
 * ({@link ConversionPlan#forLead}).
 *
 * <p>The qualification policy in force gates it ({@link QualificationGate}): a lead that does not meet
 * every required criterion is refused, unless a sales manager overrides with a justification.
 *
 * <p>A dry run is the same qualify, stopped before commit: every check is made and the lead
 * qualified, then the change is undone and the transaction rolled back; it answers the lead as it is
 * and the plan.
 */
@ApplicationScoped
public class QualifyLead implements CommandHandler<QualifyLead.Command, QualifyLead.Result> {

  /** @param request the request as received (JSON), kept on the lead for a retry */
  /** @param overrideJustification a sales manager's reason to qualify a lead the policy does not pass; null for none */
  public record Command(
      UUID leadId,
      Optional<Long> expectedVersion,
      ConversionRequest options,
      String request,
      boolean dryRun,
      String overrideJustification,
      Caller caller) {}

  /** The lead (after qualifying; as it is, for a dry run) and the plan of its conversion. */
  public record Result(Lead lead, ConversionPlan plan) {}

  @Inject LeadChanges changes;
  @Inject LeadRepository leads;
  @Inject PolicyVersionsInForce policies;

  @Override
  public Uni<Result> handle(Command command) {
    // The policy is read first: reading it may save the initial version, and nothing of the lead may
    // be flushed before a dry run rolls it back.
    return policies
        .currentOrStart(changes.now())
        .chain(policy -> changes.find(command.leadId(), command.expectedVersion(), command.caller()).map(lead -> new Found(lead, policy)))
        .chain(found -> {
          Caller caller = command.caller();
          return qualify(
              found.lead(), found.policy(), command.options(), command.request(), command.dryRun(), command.overrideJustification(),
              caller.id(), caller.name(), caller.has(Roles.SALES_MANAGER), LeadChanges.actorOf(caller));
        });
  }

  /**
   * The qualification agent's qualify (its policy's opt-in): the same path as a person's, with the
   * conversion's default options, by the policy in force, never overriding its gate.
   */
  Uni<Result> byAgent(Lead lead, PublishedPolicy policy, Actor agent) {
    return qualify(lead, policy, ConversionRequest.DEFAULTS, "{}", false, null, agent.id(), agent.name(), false, agent);
  }

  private Uni<Result> qualify(
      Lead lead,
      PublishedPolicy policy,
      ConversionRequest options,
      String request,
      boolean dryRun,
      String overrideJustification,
      String byId,
      String byName,
      boolean byManager,
      Actor actor) {
    ConversionPlan plan = ConversionPlan.forLead(options, lead);
    List<LeadEvent> events =
        lead.qualify(
            plan,
            request,
            () -> QualificationGate.check(policy.evaluate(lead.details(), lead.qualification()), overrideJustification, byId, byName, byManager),
            actor,
            changes.now());
    Uni<?> done = dryRun ? leads.rollBack(lead) : changes.record(lead, events);
    return done.replaceWith(new Result(lead, plan));
  }

  private record Found(Lead lead, PublishedPolicy policy) {}
}
