package org.leadflow.web;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the answers every operation can give whatever it does: 500 (with a correlation id)
 * everywhere, and 400 for malformed JSON and 415 for a body that is not JSON wherever a body is
 * read. They come from {@link Problems}, so they are added here once rather than on each method.
 */
public class OpenApiErrors implements OASFilter {

  private static final String PROBLEM = "#/components/schemas/Problem";

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getPaths() == null) {
      return;
    }
    for (PathItem path : openAPI.getPaths().getPathItems().values()) {
      for (Operation operation : path.getOperations().values()) {
        APIResponses responses = operation.getResponses();
        if (operation.getRequestBody() != null) {
          addIfMissing(responses, "400", "Invalid request or malformed JSON: one entry per offending field");
          addIfMissing(responses, "415", "The body is not JSON");
        }
        addIfMissing(responses, "500", "Unexpected failure; the problem carries a correlation id to quote");
        // Responses the generator adds on its own (e.g. 400 for bean validation) lack a body.
        responses.getAPIResponses().forEach((status, response) -> {
          if (!status.startsWith("2") && response.getContent() == null) {
            response.content(problemContent());
          }
        });
      }
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
