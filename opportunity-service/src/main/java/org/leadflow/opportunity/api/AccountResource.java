package org.leadflow.opportunity.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leadflow.opportunity.api.PageResponses.AccountPage;
import org.leadflow.opportunity.service.AccountQueries;
import org.leadflow.web.Problem;
import org.leadflow.web.Problems;
import org.leadflow.web.security.CurrentCaller;
import org.leadflow.web.security.Roles;

@Path("/api/v1/accounts")
@Tag(name = "Accounts", description = "Organisations, created from qualified leads or reused by them")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SELLER, Roles.SALES_MANAGER})
public class AccountResource {

  static final String ACCOUNT_EXAMPLE =
      "{\"id\":\"0190f5c4-7d7a-7b5e-9a57-000000000002\",\"name\":\"Analytical Engines Ltd\","
          + "\"website\":\"https://analytical-engines.example\",\"industry\":\"Manufacturing\",\"numberOfEmployees\":250,"
          + "\"annualRevenue\":{\"amount\":\"12500000.00\",\"currency\":\"GBP\"},\"country\":\"GB\",\"city\":\"London\","
          + "\"phone\":\"+442079460123\",\"emailDomain\":\"analytical-engines.example\",\"ownerId\":\"seller-7\","
          + "\"originatingLeadId\":\"0190f5c1-2b3c-7d4e-8f50-1a2b3c4d5e6f\",\"createdAt\":\"2026-05-04T09:15:00Z\",\"version\":0}";

  @Inject AccountQueries accounts;
  @Inject CurrentCaller callers;

  @GET
  @Path("/{id}")
  @Operation(operationId = "getAccount", summary = "Get an account")
  @APIResponse(
      responseCode = "200",
      description = "The account; ETag carries its version",
      content =
          @Content(
              schema = @Schema(implementation = AccountResponse.class),
              examples = @ExampleObject(name = "account", value = ACCOUNT_EXAMPLE)))
  @APIResponse(
      responseCode = "404",
      description = "No such account",
      content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<Response> get(@Parameter(description = "Account id (UUID)") @PathParam("id") UUID id) {
    return accounts.get(id, callers.get()).map(account -> ResponseMapper.ok(ResponseMapper.account(account), account.version()));
  }

  @GET
  @Operation(operationId = "listAccounts", summary = "List accounts", description = "Paged, sorted and filtered; filters combine with AND.")
  @APIResponse(
      responseCode = "200",
      description = "One page of accounts",
      content =
          @Content(
              schema = @Schema(implementation = AccountPage.class),
              examples = @ExampleObject(name = "page", value = "{\"items\":[" + ACCOUNT_EXAMPLE + "],\"page\":0,\"size\":50,\"total\":1}")))
  @APIResponse(
      responseCode = "400",
      description = "Invalid paging, sort or filter: one entry per offending parameter",
      content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<AccountPage> list(@BeanParam AccountListParameters parameters) {
    return accounts
        .list(parameters.toQuery(), callers.get())
        .map(page -> new AccountPage(page.items().stream().map(ResponseMapper::account).toList(), page.page(), page.size(), page.total()));
  }
}
