package org.leadflow.lead.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leadflow.lead.application.AssignmentRuleSettings;
import org.leadflow.lead.domain.LeadSource;
import org.leadflow.lead.domain.TimeOrderedIds;
import org.leadflow.lead.domain.UnknownLabelException;
import org.leadflow.lead.domain.assignment.AssignmentRule;
import org.leadflow.lead.domain.assignment.AssignmentRuleSet;
import org.leadflow.web.FieldError;
import org.leadflow.web.InvalidRequestException;
import org.leadflow.web.Problem;
import org.leadflow.web.Problems;
import org.leadflow.web.security.CurrentCaller;
import org.leadflow.web.security.Roles;

/**
 * Who gets a lead that arrives without an owner (an import, a web form, an integration): an ordered
 * list of rules, the first that takes the lead chooses among its team.
 */
@Path("/api/v1/assignment-rules")
@Tag(name = "Assignment rules", description = "Who gets the leads that arrive without an owner")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SELLER, Roles.SALES_MANAGER, Roles.ADMIN})
public class AssignmentRulesResource {

  static final String EXAMPLE =
      "{\"rules\": [{\"name\": \"UK and Ireland trade shows\", \"sources\": [\"Trade Show\"], \"countries\": [\"GB\", \"IE\"],"
          + " \"distribution\": \"round-robin\", \"team\": [\"alice\", \"bob\"]},"
          + " {\"name\": \"Large manufacturers\", \"industries\": [\"Manufacturing\"], \"minEmployees\": 1000,"
          + " \"distribution\": \"least-loaded\", \"team\": [\"carol\", \"dave\"]}]}";

  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  @Inject AssignmentRuleSettings settings;
  @Inject CurrentCaller callers;

  @Schema(name = "AssignmentRuleInput")
  public record RuleInput(
      @NotBlank @Size(max = 100) String name,
      @Schema(description = "Lead sources it takes (none: any)", example = "[\"Trade Show\"]") @Size(max = 20) List<@NotNull String> sources,
      @Schema(description = "ISO 3166-1 alpha-2 countries it takes (none: any)", example = "[\"GB\"]") @Size(max = 300) List<@NotNull String> countries,
      @Schema(description = "Industries it takes, ignoring case (none: any)") @Size(max = 50) List<@NotBlank @Size(max = 100) String> industries,
      @Schema(description = "At least this many employees (inclusive); a lead of unknown size does not meet it") @Min(0) Integer minEmployees,
      @Schema(description = "At most this many employees (inclusive)") @Min(0) Integer maxEmployees,
      @Schema(enumeration = {"round-robin", "least-loaded"}) @NotNull String distribution,
      @Schema(description = "The sellers' ids, in turn order", example = "[\"alice\", \"bob\"]") @NotNull @Size(min = 1, max = 50) List<@NotBlank @Size(max = 255) String> team) {}

  @Schema(name = "AssignmentRulesInput")
  public record RulesInput(@NotNull @Size(max = 100) List<@Valid @NotNull RuleInput> rules) {}

  @Schema(name = "AssignmentRule")
  public record RuleResponse(
      UUID id,
      int position,
      String name,
      List<String> sources,
      List<String> countries,
      List<String> industries,
      Integer minEmployees,
      Integer maxEmployees,
      @Schema(enumeration = {"round-robin", "least-loaded"}) String distribution,
      List<String> team) {}

  @Schema(name = "AssignmentRules")
  public record RulesResponse(List<RuleResponse> rules, String changedBy, String changedByName, Instant changedAt) {}

  @GET
  @Operation(
      operationId = "getAssignmentRules",
      summary = "The assignment rules, in order",
      description =
          "A lead an integration creates without ownerId (an import, a web form) goes to the first rule whose"
              + " conditions it meets: round-robin gives each of its team a lead in turn, least-loaded the one with"
              + " the fewest Open leads. No rule takes it: the integration owns it. The rule is in the lead's history.")
  @APIResponse(responseCode = "200", description = "The rules", content = @Content(schema = @Schema(implementation = RulesResponse.class)))
  public Uni<RulesResponse> current() {
    return settings.current().map(AssignmentRulesResource::toResponse);
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  @Operation(operationId = "replaceAssignmentRules", summary = "Replace the assignment rules", description = "Admins only. The whole ordered list; round-robin teams start again with their first member.")
  @RequestBody(content = @Content(schema = @Schema(implementation = RulesInput.class), examples = @ExampleObject(name = "rules", value = EXAMPLE)))
  @APIResponse(responseCode = "200", description = "Saved", content = @Content(schema = @Schema(implementation = RulesResponse.class)))
  @APIResponse(responseCode = "400", description = "An invalid rule: one entry per offending member", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<RulesResponse> replace(@Valid @NotNull RulesInput input) {
    return settings.replace(rules(input), callers.get()).map(AssignmentRulesResource::toResponse);
  }

  private static List<AssignmentRule> rules(RulesInput input) {
    List<FieldError> errors = new ArrayList<>();
    List<AssignmentRule> rules = new ArrayList<>();
    for (int i = 0; i < input.rules().size(); i++) {
      RuleInput rule = input.rules().get(i);
      String at = "rules[" + i + "].";
      Set<LeadSource> sources = new LinkedHashSet<>();
      for (String source : orEmpty(rule.sources())) {
        try {
          sources.add(LeadSource.fromLabel(source));
        } catch (UnknownLabelException e) {
          errors.add(new FieldError(at + "sources", "must be one of " + String.join(", ", e.allowed())));
        }
      }
      for (String country : orEmpty(rule.countries())) {
        if (!COUNTRIES.contains(country)) {
          errors.add(new FieldError(at + "countries", country.length() > 20 ? "has a value that is not an ISO 3166-1 alpha-2 code" : country + " is not an ISO 3166-1 alpha-2 code"));
        }
      }
      if (rule.minEmployees() != null && rule.maxEmployees() != null && rule.minEmployees() > rule.maxEmployees()) {
        errors.add(new FieldError(at + "maxEmployees", "must not be below minEmployees"));
      }
      AssignmentRule.Distribution distribution =
          switch (rule.distribution()) {
            case "round-robin" -> AssignmentRule.Distribution.ROUND_ROBIN;
            case "least-loaded" -> AssignmentRule.Distribution.LEAST_LOADED;
            default -> {
              errors.add(new FieldError(at + "distribution", "must be round-robin or least-loaded"));
              yield null;
            }
          };
      if (new HashSet<>(rule.team()).size() != rule.team().size()) {
        errors.add(new FieldError(at + "team", "names a seller twice"));
      }
      if (errors.isEmpty()) {
        rules.add(
            new AssignmentRule(
                TimeOrderedIds.next(),
                rule.name().strip(),
                sources,
                Set.copyOf(orEmpty(rule.countries())),
                Set.copyOf(orEmpty(rule.industries()).stream().map(String::strip).toList()),
                rule.minEmployees(),
                rule.maxEmployees(),
                distribution,
                rule.team().stream().map(String::strip).toList()));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return rules;
  }

  private static <T> List<T> orEmpty(List<T> values) {
    return values == null ? List.of() : values;
  }

  private static RulesResponse toResponse(AssignmentRuleSet saved) {
    List<RuleResponse> rules = new ArrayList<>();
    for (int i = 0; i < saved.rules().size(); i++) {
      AssignmentRule rule = saved.rules().get(i);
      rules.add(
          new RuleResponse(
              rule.id(),
              i,
              rule.name(),
              rule.sources().stream().map(LeadSource::label).sorted().toList(),
              rule.countries().stream().sorted().toList(),
              rule.industries().stream().sorted().toList(),
              rule.minEmployees(),
              rule.maxEmployees(),
              rule.distribution() == AssignmentRule.Distribution.ROUND_ROBIN ? "round-robin" : "least-loaded",
              rule.team()));
    }
    return new RulesResponse(rules, saved.changedBy(), saved.changedByName(), saved.changedAt());
  }
}
