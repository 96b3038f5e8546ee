package org.leadflow.lead.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.leadflow.lead.api.PolicyBodies.CannotContactBody;
import org.leadflow.lead.api.PolicyBodies.CriterionInput;
import org.leadflow.lead.api.PolicyBodies.CriterionResponse;
import org.leadflow.lead.api.PolicyBodies.CriterionResultResponse;
import org.leadflow.lead.api.PolicyBodies.FieldResponse;
import org.leadflow.lead.api.PolicyBodies.FieldsResponse;
import org.leadflow.lead.api.PolicyBodies.FitDimensionResponse;
import org.leadflow.lead.api.PolicyBodies.FitResponse;
import org.leadflow.lead.api.PolicyBodies.IdealCustomerProfileBody;
import org.leadflow.lead.api.PolicyBodies.PolicyInput;
import org.leadflow.lead.api.PolicyBodies.PolicyResponse;
import org.leadflow.lead.api.PolicyBodies.ReadinessResponse;
import org.leadflow.lead.domain.Actor;
import org.leadflow.lead.domain.Money;
import org.leadflow.lead.domain.policy.CannotContactPolicy;
import org.leadflow.lead.domain.policy.Criterion;
import org.leadflow.lead.domain.policy.FieldRef;
import org.leadflow.lead.domain.policy.IdealCustomerProfile;
import org.leadflow.lead.domain.policy.InvalidPolicyException;
import org.leadflow.lead.domain.policy.Operator;
import org.leadflow.lead.domain.policy.PolicyField;
import org.leadflow.lead.domain.policy.PublishedPolicy;
import org.leadflow.lead.domain.policy.QualificationPolicy;
import org.leadflow.lead.domain.policy.Readiness;
import org.leadflow.web.FieldError;
import org.leadflow.web.InvalidRequestException;

/** Maps the qualification policy and readiness between the API's records and the domain. */
final class PolicyMapper {

  private static final Pattern AMOUNT = Pattern.compile("-?\\d{1,17}(\\.\\d{1,2})?");

  private PolicyMapper() {}

  /**
   * The policy an admin sent, checked whole: every field, operator and value that cannot be evaluated
   * is reported at once, each naming its criterion.
   *
   * @throws InvalidRequestException listing every problem
   */
  static QualificationPolicy toPolicy(PolicyInput input) {
    List<FieldError> errors = new ArrayList<>();
    List<Criterion> criteria = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    for (int i = 0; i < input.criteria().size(); i++) {
      CriterionInput criterion = input.criteria().get(i);
      String path = "criteria[" + i + "]";
      if (criterion == null) {
        errors.add(new FieldError(path, "must not be null"));
        continue;
      }
      Optional<FieldRef> field = FieldRef.parse(criterion.field());
      Optional<Operator> operator = Operator.named(criterion.operator());
      if (criterion.field() != null && field.isEmpty()) {
        errors.add(named(criterion, new FieldError(path + ".field", "is not a field a criterion can compare: see GET /api/v1/qualification-policy/fields, or use attributes.<key>")));
      }
      if (criterion.operator() != null && operator.isEmpty()) {
        errors.add(named(criterion, new FieldError(path + ".operator", "must be one of " + String.join(", ", Operator.names()))));
      }
      List<Object> values = new ArrayList<>();
      List<JsonNode> given = criterion.values() == null ? List.of() : criterion.values();
      int errorsBefore = errors.size();
      for (int j = 0; j < given.size(); j++) {
        values.add(value(given.get(j), path + ".values[" + j + "]", criterion, errors));
      }
      boolean valuesRead = errors.size() == errorsBefore;
      if (field.isPresent() && operator.isPresent() && criterion.required() != null && valuesRead) {
        criteria.add(
            new Criterion(
                criterion.key(),
                criterion.label(),
                field.get(),
                operator.get(),
                values,
                criterion.required(),
                criterion.weight() == null ? 0 : criterion.weight()));
        positions.add(i);
      }
    }
    QualificationPolicy policy = new QualificationPolicy(criteria, toProfile(input.idealCustomerProfile(), errors), toCannotContact(input.cannotContact(), errors));
    try {
      policy.validated();
    } catch (InvalidPolicyException e) {
      e.problems().forEach(problem -> errors.add(named(input, positioned(problem.path(), positions), problem.message())));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return policy;
  }

  static PolicyResponse toResponse(PublishedPolicy published) {
    QualificationPolicy policy = published.policy();
    return new PolicyResponse(
        published.version(),
        policy.criteria().stream()
            .map(c -> new CriterionResponse(c.key(), c.label(), c.field().apiName(), c.operator().apiName(), c.values().stream().map(PolicyMapper::shown).toList(), c.required(), c.weight()))
            .toList(),
        toBody(policy.idealCustomerProfile()),
        toBody(policy.cannotContact()),
        ActorResponse.of(
            new Actor(
                published.changedBy(),
                published.changedByName(),
                PublishedPolicy.SYSTEM.equals(published.changedBy()) ? Actor.Channel.SYSTEM : Actor.Channel.USER)),
        published.changedAt(),
        published.note());
  }

  static ReadinessResponse toResponse(UUID leadId, Readiness readiness) {
    return new ReadinessResponse(
        leadId,
        readiness.policyVersion(),
        readiness.score(),
        readiness.requiredMet(),
        readiness.unmetRequired().stream().map(result -> result.criterion().key()).toList(),
        new FitResponse(
            readiness.fit().verdict().label(),
            readiness.fit().score(),
            readiness.fit().dimensions().stream()
                .map(d -> new FitDimensionResponse(d.name(), d.status().apiName(), shown(d.seen()), d.explanation()))
                .toList()),
        readiness.criteria().stream()
            .map(
                r ->
                    new CriterionResultResponse(
                        r.criterion().key(),
                        r.criterion().label(),
                        r.criterion().field().apiName(),
                        r.criterion().required(),
                        r.criterion().weight(),
                        r.status().apiName(),
                        shown(r.seen()),
                        r.explanation()))
            .toList(),
        readiness.nextSteps());
  }

  static FieldsResponse fields() {
    return new FieldsResponse(
        Arrays.stream(PolicyField.values())
            .map(
                field ->
                    new FieldResponse(
                        field.apiName(),
                        field.type().name().toLowerCase(Locale.ROOT),
                        field.description(),
                        Arrays.stream(Operator.values()).filter(field.type()::allows).map(Operator::apiName).toList(),
                        field.choices()))
            .toList(),
        FieldRef.ATTRIBUTE_PREFIX);
  }

  private static IdealCustomerProfile toProfile(IdealCustomerProfileBody body, List<FieldError> errors) {
    if (body == null) {
      return IdealCustomerProfile.NONE;
    }
    return new IdealCustomerProfile(
        body.industries(),
        body.minEmployees(),
        body.maxEmployees(),
        LeadMapper.money(errors, "idealCustomerProfile.minAnnualRevenue", body.minAnnualRevenue()),
        LeadMapper.money(errors, "idealCustomerProfile.maxAnnualRevenue", body.maxAnnualRevenue()),
        body.countries(),
        body.sources());
  }

  private static CannotContactPolicy toCannotContact(CannotContactBody body, List<FieldError> errors) {
    if (body == null) {
      return CannotContactPolicy.OFF;
    }
    Optional<CannotContactPolicy.Action> action = CannotContactPolicy.Action.named(body.action());
    if (body.action() != null && action.isEmpty()) {
      errors.add(new FieldError("cannotContact.action", "must be flag or disqualify"));
    }
    CannotContactPolicy.Action given = body.action() == null && body.unansweredAttempts() != null ? CannotContactPolicy.Action.FLAG : action.orElse(null);
    return new CannotContactPolicy(body.unansweredAttempts(), body.withinDays(), given, body.minimumAttemptsBeforeDisqualifying());
  }

  private static CannotContactBody toBody(CannotContactPolicy policy) {
    if (!policy.hasRule() && !policy.hasGuard()) {
      return null;
    }
    return new CannotContactBody(
        policy.unansweredAttempts(),
        policy.withinDays(),
        policy.action() == null ? null : policy.action().apiName(),
        policy.minimumAttemptsBeforeDisqualifying());
  }

  private static IdealCustomerProfileBody toBody(IdealCustomerProfile profile) {
    return new IdealCustomerProfileBody(
        profile.industries(),
        profile.minEmployees(),
        profile.maxEmployees(),
        LeadResponseMapper.toDto(profile.minAnnualRevenue()),
        LeadResponseMapper.toDto(profile.maxAnnualRevenue()),
        profile.countries(),
        profile.sources());
  }

  /** A criterion value from JSON: text, a number, a boolean, or an amount {amount, currency}. */
  private static Object value(JsonNode node, String path, CriterionInput criterion, List<FieldError> errors) {
    if (node == null || node.isNull()) {
      errors.add(named(criterion, new FieldError(path, "must not be null")));
      return null;
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isNumber()) {
      return node.decimalValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isObject() && node.size() == 2 && node.path("amount").isTextual() && node.path("currency").isTextual()) {
      String amount = node.get("amount").textValue();
      if (!AMOUNT.matcher(amount).matches()) {
        errors.add(named(criterion, new FieldError(path + ".amount", "must be a decimal number with at most 2 decimals")));
        return null;
      }
      return LeadMapper.money(errors, path, new MoneyDto(amount, node.get("currency").textValue()));
    }
    errors.add(named(criterion, new FieldError(path, "must be text, a number, a boolean or an amount {\"amount\": \"10000.00\", \"currency\": \"EUR\"}")));
    return null;
  }

  /** A value as the API writes it: amounts as {amount, currency}, numbers as numbers. */
  private static Object shown(Object value) {
    if (value instanceof Money money) {
      return LeadResponseMapper.toDto(money);
    }
    if (value instanceof BigDecimal number) {
      BigDecimal plain = number.stripTrailingZeros();
      return plain.scale() <= 0 ? plain.toBigIntegerExact() : plain;
    }
    return value;
  }

  private static FieldError named(CriterionInput criterion, FieldError error) {
    return criterion.key() == null ? error : new FieldError(error.field(), "criterion " + criterion.key() + ": " + error.message());
  }

  /**
   * A domain problem's path as the request numbers its criteria: the domain saw only those whose field
   * and operator were known, {@code positions} holds where each stood in the request.
   */
  private static String positioned(String path, List<Integer> positions) {
    if (!path.startsWith("criteria[")) {
      return path;
    }
    int end = path.indexOf(']');
    int index = Integer.parseInt(path.substring("criteria[".length(), end));
    return "criteria[" + positions.get(index) + path.substring(end);
  }

  /** A domain problem, naming the criterion its path points into. */
  private static FieldError named(PolicyInput input, String path, String message) {
    if (path.startsWith("criteria[")) {
      int index = Integer.parseInt(path.substring("criteria[".length(), path.indexOf(']')));
      CriterionInput criterion = index < input.criteria().size() ? input.criteria().get(index) : null;
      if (criterion != null) {
        return named(criterion, new FieldError(path, message));
      }
    }
    return new FieldError(path, message);
  }
}
