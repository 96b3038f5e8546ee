package org.leadflow.systemtests.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.leadflow.devstack.run.LeadflowService;

/** A service's published OpenAPI document, read with swagger-parser, as a list of operations. */
public final class PublishedApi {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final LeadflowService service;
  private final Schemas schemas;
  private final List<ApiOperation> operations = new ArrayList<>();

  private PublishedApi(LeadflowService service, OpenAPI document) {
    this.service = service;
    this.schemas = new Schemas(document.getComponents() == null ? Map.of() : document.getComponents().getSchemas());
    document.getPaths().forEach(this::addOperations);
  }

  /** Reads {@code contracts/openapi/<service>.yaml} of the checkout. */
  public static PublishedApi read(Path checkout, LeadflowService service) {
    Path document = checkout.resolve("contracts/openapi/" + service.serviceName() + ".yaml");
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result = new OpenAPIParser().readLocation(document.toUri().toString(), null, options);
    if (result.getOpenAPI() == null) {
      throw new IllegalStateException("Cannot read " + document + ": " + result.getMessages());
    }
    return new PublishedApi(service, result.getOpenAPI());
  }

  public List<ApiOperation> operations() {
    return operations;
  }

  public Schemas schemas() {
    return schemas;
  }

  private void addOperations(String path, PathItem item) {
    item.readOperationsMap().forEach((method, operation) -> operations.add(operation(method.name(), path, item, operation)));
  }

  private ApiOperation operation(String method, String path, PathItem item, Operation operation) {
    List<ApiOperation.Parameter> parameters = new ArrayList<>();
    List<Parameter> declared = new ArrayList<>();
    if (item.getParameters() != null) {
      declared.addAll(item.getParameters());
    }
    if (operation.getParameters() != null) {
      declared.addAll(operation.getParameters());
    }
    for (Parameter parameter : declared) {
      parameters.add(
          new ApiOperation.Parameter(
              parameter.getName(),
              parameter.getIn(),
              Boolean.TRUE.equals(parameter.getRequired()),
              parameter.getSchema(),
              parameter.getDescription() == null ? "" : parameter.getDescription()));
    }
    Schema<?> body = null;
    String mediaType = null;
    JsonNode example = null;
    boolean bodyRequired = false;
    RequestBody requestBody = operation.getRequestBody();
    if (requestBody != null && requestBody.getContent() != null && !requestBody.getContent().isEmpty()) {
      Map.Entry<String, MediaType> content = requestBody.getContent().entrySet().iterator().next();
      mediaType = content.getKey();
      body = content.getValue().getSchema();
      bodyRequired = Boolean.TRUE.equals(requestBody.getRequired());
      example = example(content.getValue());
      if (example == null) {
        example = schemas.sample(body);
      }
    }
    return new ApiOperation(
        service, method, path, operation.getOperationId(), roles(operation), parameters, body, mediaType, bodyRequired, example);
  }

  private static JsonNode example(MediaType content) {
    Map<String, Example> examples = content.getExamples();
    if (examples != null && !examples.isEmpty()) {
      return JSON.valueToTree(examples.values().iterator().next().getValue());
    }
    return content.getExample() == null ? null : JSON.valueToTree(content.getExample());
  }

  private static List<String> roles(Operation operation) {
    List<String> roles = new ArrayList<>();
    if (operation.getSecurity() != null) {
      for (SecurityRequirement requirement : operation.getSecurity()) {
        requirement.values().forEach(roles::addAll);
      }
    }
    return roles;
  }
}
