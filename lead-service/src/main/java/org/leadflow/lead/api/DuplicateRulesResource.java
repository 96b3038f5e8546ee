package org.leadflow.lead.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leadflow.lead.api.DuplicateBodies.RuleResponse;
import org.leadflow.lead.api.DuplicateBodies.RuleSetting;
import org.leadflow.lead.api.DuplicateBodies.RulesInput;
import org.leadflow.lead.api.DuplicateBodies.RulesResponse;
import org.leadflow.lead.application.DuplicateRules;
import org.leadflow.lead.domain.duplicates.DuplicateMode;
import org.leadflow.lead.domain.duplicates.DuplicateRule;
import org.leadflow.web.FieldError;
import org.leadflow.web.InvalidRequestException;
import org.leadflow.web.Problem;
import org.leadflow.web.Problems;
import org.leadflow.web.security.CurrentCaller;
import org.leadflow.web.security.Roles;

/** How duplicate leads are detected: each rule blocks, warns or is off. Everyone reads it; admins change it. */
@Path("/api/v1/duplicate-rules")
@Tag(name = "Duplicate leads", description = "Rules that find leads which may be the same person, and the candidates they find")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SELLER, Roles.SALES_MANAGER, Roles.ADMIN, Roles.INTEGRATION})
public class DuplicateRulesResource {

  static final String EXAMPLE =
      "{\"rules\": [{\"rule\": \"email\", \"mode\": \"block\"}, {\"rule\": \"phone\", \"mode\": \"warn\"},"
          + " {\"rule\": \"similar-name\", \"mode\": \"warn\"}, {\"rule\": \"email-domain-and-last-name\", \"mode\": \"off\"}]}";

  @Inject DuplicateRules rules;
  @Inject CurrentCaller callers;

  @GET
  @Operation(
      operationId = "getDuplicateRules",
      summary = "The duplicate rules and what each does",
      description =
          "block: a create or edit that matches leads the caller may see is refused with 409, listing them;"
              + " warn: it is saved, and the answer's LeadFlow-Possible-Duplicates header counts them (listed at"
              + " GET /leads/{id}/duplicates); off: not checked. All rules warn until an admin changes them.")
  @APIResponse(responseCode = "200", description = "Every rule's mode", content = @Content(schema = @Schema(implementation = RulesResponse.class)))
  public Uni<RulesResponse> current() {
    return rules.current().map(DuplicateRulesResource::toResponse);
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  @Operation(operationId = "replaceDuplicateRules", summary = "Set every duplicate rule's mode", description = "Admins only; every rule is named once.")
  @RequestBody(content = @Content(schema = @Schema(implementation = RulesInput.class), examples = @ExampleObject(name = "rules", value = EXAMPLE)))
  @APIResponse(responseCode = "200", description = "Saved", content = @Content(schema = @Schema(implementation = RulesResponse.class)))
  @APIResponse(responseCode = "400", description = "An unknown rule or mode, or a rule missing or named twice", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<RulesResponse> replace(@Valid @NotNull RulesInput input) {
    return rules.save(modes(input), callers.get()).map(DuplicateRulesResource::toResponse);
  }

  private static Map<DuplicateRule, DuplicateMode> modes(RulesInput input) {
    List<FieldError> errors = new ArrayList<>();
    Map<DuplicateRule, DuplicateMode> modes = new EnumMap<>(DuplicateRule.class);
    for (int i = 0; i < input.rules().size(); i++) {
      RuleSetting setting = input.rules().get(i);
      Optional<DuplicateRule> rule = DuplicateRule.fromKey(setting.rule());
      Optional<DuplicateMode> mode = DuplicateMode.fromKey(setting.mode());
      if (rule.isEmpty()) {
        errors.add(new FieldError("rules[" + i + "].rule", "must be one of " + DuplicateBodies.RULE_KEYS));
      } else if (modes.containsKey(rule.get())) {
        errors.add(new FieldError("rules[" + i + "].rule", "names " + setting.rule() + " a second time"));
      }
      if (mode.isEmpty()) {
        errors.add(new FieldError("rules[" + i + "].mode", "must be one of block, warn, off"));
      }
      if (rule.isPresent() && mode.isPresent()) {
        modes.putIfAbsent(rule.get(), mode.get());
      }
    }
    if (errors.isEmpty()) {
      Arrays.stream(DuplicateRule.values())
          .filter(rule -> !modes.containsKey(rule))
          .forEach(rule -> errors.add(new FieldError("rules", "must name " + rule.key())));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return modes;
  }

  private static RulesResponse toResponse(DuplicateRules.Settings settings) {
    List<RuleResponse> rules =
        Arrays.stream(DuplicateRule.values())
            .map(rule -> new RuleResponse(rule.key(), settings.modes().get(rule).key(), rule.description()))
            .toList();
    return new RulesResponse(rules, settings.changedBy(), settings.changedByName(), settings.changedAt());
  }
}
