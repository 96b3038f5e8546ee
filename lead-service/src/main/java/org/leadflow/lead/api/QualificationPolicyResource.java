package org.leadflow.lead.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.leadflow.lead.api.PolicyBodies.FieldsResponse;
import org.leadflow.lead.api.PolicyBodies.PolicyInput;
import org.leadflow.lead.api.PolicyBodies.PolicyPage;
import org.leadflow.lead.api.PolicyBodies.PolicyResponse;
import org.leadflow.lead.domain.policy.PublishedPolicy;
import org.leadflow.lead.application.Commands;
import org.leadflow.lead.application.QualificationPolicies;
import org.leadflow.lead.application.SaveQualificationPolicy;
import org.leadflow.web.FieldError;
import org.leadflow.web.IfMatch;
import org.leadflow.web.InvalidRequestException;
import org.leadflow.web.PageParameters;
import org.leadflow.web.Problem;
import org.leadflow.web.Problems;
import org.leadflow.web.security.CurrentCaller;
import org.leadflow.web.security.Roles;

/**
 * The organisation's qualification policy: everyone reads it (a frontend renders its criteria), admins
 * change it, and every change is a new version kept for audit.
 */
@Path("/api/v1/qualification-policy")
@Tag(name = "Qualification policy", description = "What qualified means here: criteria, weights and the ideal customer profile")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SELLER, Roles.SALES_MANAGER, Roles.ADMIN, Roles.INTEGRATION})
public class QualificationPolicyResource {

  static final String EXAMPLE =
      "{\"criteria\": ["
          + "{\"key\": \"need-confirmed\", \"label\": \"Need confirmed\", \"field\": \"need\", \"operator\": \"in\", \"values\": [\"Must Have\", \"Should Have\"], \"required\": true},"
          + "{\"key\": \"budget-available\", \"label\": \"Budget available\", \"field\": \"budgetStatus\", \"operator\": \"in\", \"values\": [\"May Buy\", \"Can Buy\", \"Will Buy\"], \"required\": true},"
          + "{\"key\": \"budget-large-enough\", \"label\": \"Budget of 10,000 EUR or more\", \"field\": \"budgetAmount\", \"operator\": \"atLeast\", \"values\": [{\"amount\": \"10000.00\", \"currency\": \"EUR\"}], \"required\": false, \"weight\": 40},"
          + "{\"key\": \"seats\", \"label\": \"At least 25 seats\", \"field\": \"attributes.seats\", \"operator\": \"atLeast\", \"values\": [25], \"required\": false, \"weight\": 30},"
          + "{\"key\": \"fits-ideal-customer\", \"label\": \"Fits the ideal customer profile\", \"field\": \"fit\", \"operator\": \"in\", \"values\": [\"Good fit\", \"Partial fit\"], \"required\": false, \"weight\": 30}],"
          + " \"idealCustomerProfile\": {\"industries\": [\"Manufacturing\", \"Logistics\"], \"minEmployees\": 50, \"maxEmployees\": 5000, \"countries\": [\"GB\", \"IE\", \"DE\"]},"
          + " \"cannotContact\": {\"unansweredAttempts\": 5, \"withinDays\": 14, \"action\": \"flag\", \"minimumAttemptsBeforeDisqualifying\": 3},"
          + " \"note\": \"Enterprise deals need a budget of 10,000 EUR\"}";

  @Inject QualificationPolicies policies;
  @Inject Commands commands;
  @Inject SaveQualificationPolicy save;
  @Inject CurrentCaller callers;

  @GET
  @Operation(operationId = "getQualificationPolicy", summary = "The qualification policy in force", description = "ETag carries its version; a change sends it back in If-Match.")
  @APIResponse(responseCode = "200", description = "The policy in force", content = @Content(schema = @Schema(implementation = PolicyResponse.class)))
  public Uni<Response> current() {
    return policies.current().map(QualificationPolicyResource::ok);
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  @Operation(
      operationId = "replaceQualificationPolicy",
      summary = "Save a new version of the qualification policy",
      description =
          "Admins only. The whole policy is replaced and saved as the next version; earlier versions stay"
              + " readable. A policy that cannot be evaluated (unknown field, an operator the field's type does"
              + " not support, values of the wrong kind) is refused with 400 naming each criterion; so is a cannotContact part"
              + " that cannot work (e.g. withinDays missing with unansweredAttempts), naming its member.")
  @RequestBody(content = @Content(schema = @Schema(implementation = PolicyInput.class), examples = @ExampleObject(name = "policy", value = EXAMPLE)))
  @APIResponse(responseCode = "200", description = "Saved; ETag carries the new version", content = @Content(schema = @Schema(implementation = PolicyResponse.class)))
  @APIResponse(responseCode = "400", description = "The policy cannot be evaluated", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "409", description = "Another admin saved a change at the same time", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "412", description = "If-Match names another version than the one in force", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<Response> replace(
      @Parameter(in = ParameterIn.HEADER, description = "ETag of the version the change is based on; 412 when another is in force", example = "\"3\"") @HeaderParam("If-Match") String ifMatch,
      @Valid @NotNull PolicyInput input) {
    var command = new SaveQualificationPolicy.Command(IfMatch.optional(ifMatch), PolicyMapper.toPolicy(input), input.note(), callers.get());
    return commands.run(save, command).map(QualificationPolicyResource::ok);
  }

  @GET
  @Path("/versions")
  @Operation(operationId = "listQualificationPolicyVersions", summary = "Every version of the policy, newest first", description = "The policy's audit trail: who saved which version, when and why.")
  @APIResponse(responseCode = "200", description = "One page of versions", content = @Content(schema = @Schema(implementation = PolicyPage.class)))
  public Uni<PolicyPage> versions(
      @QueryParam("page") @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0", minimum = "0")) String page,
      @QueryParam("size") @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50", minimum = "1", maximum = "200")) String size) {
    PageParameters paging = PageParameters.read(page, size);
    return policies
        .history(paging.page(), paging.size())
        .map(found -> new PolicyPage(found.items().stream().map(PolicyMapper::toResponse).toList(), found.page(), found.size(), found.total()));
  }

  @GET
  @Path("/versions/{version}")
  @Operation(operationId = "getQualificationPolicyVersion", summary = "One version of the policy")
  @APIResponse(responseCode = "200", description = "That version", content = @Content(schema = @Schema(implementation = PolicyResponse.class)))
  @APIResponse(responseCode = "400", description = "The version is not a positive whole number", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "404", description = "No such version", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<PolicyResponse> version(@PathParam("version") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", example = "2")) String version) {
    return policies.version(positive(version)).map(PolicyMapper::toResponse);
  }

  @GET
  @Path("/fields")
  @Operation(operationId = "listQualificationPolicyFields", summary = "The lead fields a criterion may compare", description = "With each field's type, the operators it supports and, for choices, the values it takes; custom attributes are named attributes.<key>.")
  @APIResponse(responseCode = "200", description = "The fields", content = @Content(schema = @Schema(implementation = FieldsResponse.class)))
  public FieldsResponse fields() {
    return PolicyMapper.fields();
  }

  @ServerExceptionMapper
  public Response notFound(QualificationPolicies.PolicyVersionNotFoundException failure, UriInfo uri) {
    return Problems.answer(404, "not-found", "Policy version not found", failure.getMessage(), uri, null, null);
  }

  @ServerExceptionMapper
  public Response stale(SaveQualificationPolicy.StalePolicyException failure, UriInfo uri) {
    return Response.fromResponse(Problems.answer(412, "stale-version", "The qualification policy has changed", failure.getMessage(), uri, null, null))
        .tag(new EntityTag(Integer.toString(failure.currentVersion())))
        .build();
  }

  @ServerExceptionMapper
  public Response concurrent(SaveQualificationPolicy.ConcurrentPolicyChangeException failure, UriInfo uri) {
    return Problems.answer(409, "concurrent-change", "The policy was changed at the same time", failure.getMessage(), uri, null, null);
  }

  private static Response ok(PublishedPolicy policy) {
    return Response.ok(PolicyMapper.toResponse(policy)).tag(new EntityTag(Integer.toString(policy.version()))).build();
  }

  private static int positive(String version) {
    try {
      int number = Integer.parseInt(version);
      if (number >= 1) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidRequestException(List.of(new FieldError("version", "must be a whole number from 1")));
  }
}
