package org.leadflow.web;

import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Documents what every operation requires and the answers it can give whatever it does: a bearer
 * token (401 without a valid one, 403 without the role, 429 past the caller's request budget), 500
 * (with a correlation id) and 503 (a dependency outage, with Retry-After) everywhere, and 400 for malformed JSON, 413 for a body over the size limit
 * and 415 for a body that is not JSON wherever a body is read. They come from {@link Problems} and
 * the security baseline, so they are added here once rather than on each method.
 */
public class OpenApiErrors implements OASFilter {

  private static final String PROBLEM = "#/components/schemas/Problem";
  /**
   * The extension that marks a public operation (a web form's capture endpoint): no bearer token, so no
   * security requirement and no 401; whatever else it answers it documents itself.
   */
  public static final String PUBLIC = "x-leadflow-public";

  /** The name of the bearer JWT security scheme in the documents. */
  public static final String BEARER = "bearer";

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getPaths() == null) {
      return;
    }
    declareBearerScheme(openAPI);
    for (PathItem path : openAPI.getPaths().getPathItems().values()) {
      for (Operation operation : path.getOperations().values()) {
        boolean open = operation.getExtensions() != null && operation.getExtensions().containsKey(PUBLIC);
        operation.setSecurity(open ? List.of() : List.of(OASFactory.createSecurityRequirement().addScheme(BEARER, rolesOf(operation))));
        APIResponses responses = operation.getResponses();
        if (operation.getRequestBody() != null) {
          addIfMissing(responses, "400", "Invalid request or malformed JSON: one entry per offending field");
          addIfMissing(responses, "413", "The body is larger than the service accepts");
          addIfMissing(responses, "415", "The body is not JSON");
        }
        if (!open) {
          addIfMissing(responses, "401", "No bearer token, or one that is expired, malformed, wrongly signed or not issued for this API");
          addIfMissing(responses, "403", "The token's roles do not allow this operation");
          addIfMissing(responses, "429", "The caller's request budget is spent; Retry-After says when to try again");
        }
        addIfMissing(responses, "500", "Unexpected failure; the problem carries a correlation id to quote");
        addIfMissing(
            responses,
            "503",
            "The database or the message broker is unavailable for the moment; nothing was changed, or the outcome is"
                + " read back by repeating the request (with its Idempotency-Key where the operation takes one)."
                + " Retry-After says when to try again");
        // Responses the generator adds on its own (e.g. 400 for bean validation) lack a body.
        responses.getAPIResponses().forEach((status, response) -> {
          if ((status.startsWith("4") || status.startsWith("5")) && response.getContent() == null) {
            response.content(problemContent());
          }
        });
      }
    }
  }

  /**
   * The roles the generator found in the operation's {@code @RolesAllowed} (it names them under a
   * scheme of its own): OpenAPI 3.1 lists them with the bearer scheme.
   */
  private static List<String> rolesOf(Operation operation) {
    if (operation.getSecurity() == null) {
      return List.of();
    }
    return operation.getSecurity().stream()
        .flatMap(requirement -> requirement.getSchemes().values().stream())
        .filter(java.util.Objects::nonNull)
        .flatMap(List::stream)
        .distinct()
        .toList();
  }

  private static void declareBearerScheme(OpenAPI openAPI) {
    if (openAPI.getComponents() == null) {
      openAPI.components(OASFactory.createComponents());
    }
    if (openAPI.getComponents().getSecuritySchemes() == null
        || !openAPI.getComponents().getSecuritySchemes().containsKey(BEARER)) {
      openAPI
          .getComponents()
          .addSecurityScheme(
              BEARER,
              OASFactory.createSecurityScheme()
                  .type(SecurityScheme.Type.HTTP)
                  .scheme("bearer")
                  .bearerFormat("JWT")
                  .description(
                      "A JWT from the organisation's identity provider, with the roles (groups claim) seller,"
                          + " sales-manager, admin or integration. Each operation lists the roles it allows;"
                          + " a seller sees only the records they own."));
    }
  }

  private static void addIfMissing(APIResponses responses, String status, String description) {
    if (responses.hasAPIResponse(status)) {
      return;
    }
    responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description).content(problemContent()));
  }

  private static org.eclipse.microprofile.openapi.models.media.Content problemContent() {
    return OASFactory.createContent()
        .addMediaType(Problems.MEDIA_TYPE, OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM)));
  }
}
