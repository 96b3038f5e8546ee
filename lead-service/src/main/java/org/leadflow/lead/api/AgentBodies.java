package org.leadflow.lead.api;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.leadflow.lead.domain.StatusReason;
import org.leadflow.lead.domain.UnknownLabelException;
import org.leadflow.lead.domain.agent.AgentAction;
import org.leadflow.lead.domain.agent.AgentConditions;
import org.leadflow.lead.domain.agent.AgentDecision;
import org.leadflow.lead.domain.agent.AgentPolicy;
import org.leadflow.lead.domain.agent.AgentRule;
import org.leadflow.lead.domain.agent.AgentRun;
import org.leadflow.lead.domain.agent.PublishedAgentPolicy;
import org.leadflow.lead.domain.policy.InvalidPolicyException;
import org.leadflow.web.FieldError;
import org.leadflow.web.InvalidRequestException;

/** The qualification agent's policy and runs as the API reads and writes them, and their mapping. */
final class AgentBodies {

  private AgentBodies() {}

  static final String POLICY_EXAMPLE =
      "{\"mode\": \"on\", \"recentChangeHours\": 24, \"qualifyOptIn\": true, \"rules\": ["
          + "{\"name\": \"Bounced email and no phone\", \"when\": {\"emailBounced\": true, \"hasPhone\": false}, \"action\": \"disqualify\", \"reason\": \"Cannot Contact\"},"
          + "{\"name\": \"Disposable email domain\", \"when\": {\"disposableEmail\": true}, \"action\": \"disqualify\", \"reason\": \"Canceled\"},"
          + "{\"name\": \"Cold after five tries\", \"when\": {\"scoreBelow\": 15, \"unansweredAttemptsAtLeast\": 5}, \"action\": \"disqualify\", \"reason\": \"No Longer Interested\"},"
          + "{\"name\": \"Hot and complete\", \"when\": {\"scoreAtLeast\": 85, \"requiredMet\": true}, \"action\": \"qualify\"},"
          + "{\"name\": \"Warm and complete\", \"when\": {\"scoreAtLeast\": 60, \"requiredMet\": true}, \"action\": \"mark-ready-to-qualify\"}],"
          + " \"note\": \"Close the unreachable, hand the hot ones over\"}";

  @Schema(name = "AgentPolicyInput", description = "A new version of the qualification agent's policy, as an admin saves it")
  record PolicyInput(
      @NotNull @Schema(enumeration = {"off", "dry-run", "on"}, description = "off: the agent does nothing on its own; dry-run: its scheduled runs only report; on: it acts") String mode,
      @NotNull @Min(0) @Max(AgentPolicy.LONGEST_WAIT_HOURS) @Schema(description = "Never act on a lead a person changed within this many hours (0: no wait)", example = "24") Integer recentChangeHours,
      @Schema(description = "Rules may qualify leads (default false)") boolean qualifyOptIn,
      @NotNull @Size(max = AgentPolicy.MOST_RULES) @Schema(description = "In order: the first rule whose conditions a lead meets decides", maxItems = AgentPolicy.MOST_RULES) List<@Valid @NotNull RuleBody> rules,
      @Size(max = 1000) @Schema(description = "Why the policy changed", maxLength = 1000) String note) {}

  @Schema(name = "AgentRule")
  record RuleBody(
      @NotBlank @Size(max = 100) @Schema(example = "Bounced email and no phone") String name,
      @NotNull @Valid @Schema(description = "Every condition set must hold; at least one") ConditionsBody when,
      @NotNull @Schema(enumeration = {"disqualify", "mark-ready-to-qualify", "qualify"}) String action,
      @Schema(description = "For disqualify: Lost, Cannot Contact, No Longer Interested or Canceled", example = "Cannot Contact") String reason) {}

  /**
   * A class, not a record: an absent condition is unset, an explicit null for a yes/no condition is
   * refused (400), as everywhere in the API.
   */
  @Schema(name = "AgentConditions", description = "A condition on something not known yet (a lead not scored, or not measured) does not hold")
  static final class ConditionsBody {
    @Min(1) @Max(100) @Schema(description = "Score (0–100) below this") public Integer scoreBelow;
    @Min(0) @Max(100) @Schema(description = "Score at least this") public Integer scoreAtLeast;
    @Min(1) @Max(100) @Schema(description = "Readiness by the qualification policy below this") public Integer readinessBelow;
    @Min(0) @Max(100) @Schema(description = "Readiness at least this") public Integer readinessAtLeast;
    @Schema(description = "Every required criterion of the qualification policy is met (true) or not (false)") @JsonSetter(nulls = Nulls.FAIL) public Boolean requiredMet;
    @Min(1) @Max(100) @Schema(description = "Calls, emails and meetings of any outcome but Scheduled and Canceled") public Integer attemptsAtLeast;
    @Min(1) @Max(100) @Schema(description = "Attempts without an answer (No Answer, Left Voicemail, Busy, Wrong Number, Bounced) since the last answered one") public Integer unansweredAttemptsAtLeast;
    @Min(1) @Max(100) @Schema(description = "Calls answered No Answer since the last answered attempt") public Integer noAnswerCallsAtLeast;
    @Schema(description = "Enrichment found the email bounced") @JsonSetter(nulls = Nulls.FAIL) public Boolean emailBounced;
    @Schema(description = "The email's domain is a disposable one") @JsonSetter(nulls = Nulls.FAIL) public Boolean disposableEmail;
    @Schema(description = "The email is a free-mail address") @JsonSetter(nulls = Nulls.FAIL) public Boolean freeMailEmail;
    @Schema(description = "The lead has a phone number") @JsonSetter(nulls = Nulls.FAIL) public Boolean hasPhone;
    @Schema(description = "The lead has an email address") @JsonSetter(nulls = Nulls.FAIL) public Boolean hasEmail;
    @Min(1) @Max(3650) @Schema(description = "Created at least this many days ago") public Integer olderThanDays;

    ConditionsBody() {}

    ConditionsBody(AgentConditions when) {
      scoreBelow = when.scoreBelow();
      scoreAtLeast = when.scoreAtLeast();
      readinessBelow = when.readinessBelow();
      readinessAtLeast = when.readinessAtLeast();
      requiredMet = when.requiredMet();
      attemptsAtLeast = when.attemptsAtLeast();
      unansweredAttemptsAtLeast = when.unansweredAttemptsAtLeast();
      noAnswerCallsAtLeast = when.noAnswerCallsAtLeast();
      emailBounced = when.emailBounced();
      disposableEmail = when.disposableEmail();
      freeMailEmail = when.freeMailEmail();
      hasPhone = when.hasPhone();
      hasEmail = when.hasEmail();
      olderThanDays = when.olderThanDays();
    }

    AgentConditions conditions() {
      return new AgentConditions(
          scoreBelow, scoreAtLeast, readinessBelow, readinessAtLeast, requiredMet, attemptsAtLeast, unansweredAttemptsAtLeast, noAnswerCallsAtLeast, emailBounced, disposableEmail, freeMailEmail, hasPhone, hasEmail, olderThanDays);
    }
  }

  @Schema(name = "AgentPolicy")
  record PolicyResponse(
      @Schema(description = "0 until an admin saves one") int version,
      @Schema(enumeration = {"off", "dry-run", "on"}) String mode,
      int recentChangeHours,
      boolean qualifyOptIn,
      List<RuleBody> rules,
      String changedBy,
      String changedByName,
      Instant changedAt,
      String note) {}

  @Schema(name = "AgentPolicyVersions")
  record PolicyVersions(List<PolicyResponse> items) {}

  /** A class, not a record: an absent dryRun means the default (true), an explicit null is refused (400). */
  @Schema(name = "AgentRunRequest")
  static final class RunRequest {
    @Schema(description = "Report what the agent would do without changing anything (default true)")
    @JsonSetter(nulls = Nulls.FAIL)
    public Boolean dryRun;

    boolean isDryRun() {
      return dryRun == null || dryRun;
    }
  }

  @Schema(name = "AgentDecision")
  record DecisionBody(
      UUID leadId,
      @Schema(enumeration = {"disqualify", "mark-ready-to-qualify", "qualify", "skipped"}) String outcome,
      String rule,
      @Schema(description = "The status reason of a disqualification") String statusReason,
      @Schema(description = "Why, in plain words") List<String> reasons) {}

  @Schema(name = "AgentRun")
  record RunResponse(
      UUID id,
      @Schema(enumeration = {"schedule", "demand"}) String trigger,
      boolean dryRun,
      @Schema(enumeration = {"queued", "running", "completed", "failed"}) String status,
      @Schema(description = "The policy version it decided by (once started)") Integer policyVersion,
      String requestedBy,
      String requestedByName,
      Instant requestedAt,
      Instant startedAt,
      Instant finishedAt,
      @Schema(description = "Open leads evaluated") int evaluated,
      @Schema(description = "Leads acted on (a dry run: that it would act on)") int acted,
      @Schema(description = "Leads it must leave alone now (a person changed them recently, or overruled the agent)") int skipped,
      @Schema(description = "Each lead it acted on (or would) or skipped, up to leadflow.agent.report-limit; empty in a list of runs") List<DecisionBody> decisions,
      String error) {}

  @Schema(name = "AgentRunPage")
  record RunPage(List<RunResponse> items, int page, int size, long total) {}

  static AgentPolicy toPolicy(PolicyInput input) {
    List<FieldError> errors = new ArrayList<>();
    AgentPolicy.Mode mode = AgentPolicy.Mode.named(input.mode());
    if (mode == null) {
      errors.add(new FieldError("mode", "must be off, dry-run or on"));
    }
    List<AgentRule> rules = new ArrayList<>();
    for (int i = 0; i < input.rules().size(); i++) {
      RuleBody rule = input.rules().get(i);
      AgentAction action = AgentAction.named(rule.action());
      if (action == null) {
        errors.add(new FieldError("rules[" + i + "].action", "must be disqualify, mark-ready-to-qualify or qualify"));
      }
      StatusReason reason = null;
      if (rule.reason() != null) {
        try {
          reason = StatusReason.fromLabel(rule.reason());
        } catch (UnknownLabelException e) {
          errors.add(new FieldError("rules[" + i + "].reason", "must be Lost, Cannot Contact, No Longer Interested or Canceled"));
        }
      }
      rules.add(new AgentRule(rule.name().strip(), rule.when().conditions(), action, reason));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    AgentPolicy policy = new AgentPolicy(mode, input.recentChangeHours(), input.qualifyOptIn(), rules);
    try {
      return policy.validated();
    } catch (InvalidPolicyException e) {
      throw new InvalidRequestException(e.problems().stream().map(problem -> new FieldError(problem.path(), problem.message())).toList());
    }
  }

  static PolicyResponse toResponse(PublishedAgentPolicy published) {
    AgentPolicy policy = published.policy();
    List<RuleBody> rules =
        policy.rules().stream()
            .map(rule -> new RuleBody(rule.name(), new ConditionsBody(rule.when()), rule.action().label(), rule.reason() == null ? null : rule.reason().label()))
            .toList();
    return new PolicyResponse(
        published.version(), policy.mode().label(), policy.recentChangeHours(), policy.qualifyOptIn(), rules,
        published.changedBy(), published.changedByName(), published.changedAt(), published.note());
  }

  static RunResponse toResponse(AgentRun run) {
    return new RunResponse(
        run.id(), run.trigger().name().toLowerCase(java.util.Locale.ROOT), run.dryRun(), run.status().name().toLowerCase(java.util.Locale.ROOT),
        run.policyVersion(), run.requestedBy(), run.requestedByName(), run.requestedAt(), run.startedAt(), run.finishedAt(),
        run.evaluated(), run.acted(), run.skipped(), run.decisions().stream().map(AgentBodies::toBody).toList(), run.error());
  }

  static DecisionBody toBody(AgentDecision decision) {
    return new DecisionBody(
        decision.leadId(), decision.outcome().label(), decision.rule(), decision.reason() == null ? null : decision.reason().label(), decision.reasons());
  }
}
