package org.leadflow.systemtests.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.media.Schema;
import java.util.List;
import org.leadflow.devstack.run.LeadflowService;

/**
 * One operation of a published OpenAPI document, with what a request to it needs: its parameters,
 * its body's schema and documented example, and the roles allowed to call it.
 *
 * @param body the request body's schema ({@code $ref}s left in place), or null without a body
 * @param bodyMediaType e.g. {@code application/json} or {@code application/merge-patch+json}
 * @param exampleBody the first documented example of the body, or a value built from its schema
 */
public record ApiOperation(
    LeadflowService service,
    String method,
    String path,
    String operationId,
    List<String> roles,
    List<Parameter> parameters,
    Schema<?> body,
    String bodyMediaType,
    boolean bodyRequired,
    JsonNode exampleBody) {

  /** A path, query or header parameter. */
  public record Parameter(String name, String in, boolean required, Schema<?> schema, String description) {}

  public boolean hasBody() {
    return body != null;
  }

  public boolean reads() {
    return method.equals("GET");
  }

  @Override
  public String toString() {
    return method + " " + path;
  }
}
