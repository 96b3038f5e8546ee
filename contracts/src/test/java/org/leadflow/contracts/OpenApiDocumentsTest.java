package org.leadflow.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The published OpenAPI documents (and the released baseline) are valid OpenAPI to swagger-parser,
 * and complete enough to build a client from: every operation named and summarised, every request
 * body with an example, every error answered as problem+json.
 */
class OpenApiDocumentsTest {

  static Stream<Path> documents() {
    return ContractFiles.SERVICES.stream()
        .flatMap(service -> Stream.of(ContractFiles.openApi(service), ContractFiles.releasedOpenApi(service)));
  }

  static Stream<String> services() {
    return ContractFiles.SERVICES.stream();
  }

  @ParameterizedTest
  @MethodSource("documents")
  void isValidOpenApi(Path document) {
    SwaggerParseResult result = parse(document);

    assertThat(result.getMessages()).as("swagger-parser's messages about " + document).isEmpty();
    assertThat(result.getOpenAPI().getPaths()).as("paths of " + document).isNotEmpty();
  }

  @ParameterizedTest
  @MethodSource("services")
  void everyOperationHasAUniqueIdASummaryAndASuccessResponse(String service) {
    List<String> missing = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    operations(parse(ContractFiles.openApi(service)).getOpenAPI())
        .forEach(
            (name, operation) -> {
              if (operation.getOperationId() == null || !ids.add(operation.getOperationId())) {
                missing.add(name + ": no operationId of its own");
              }
              if (operation.getSummary() == null || operation.getSummary().isBlank()) {
                missing.add(name + ": no summary");
              }
              if (operation.getResponses().keySet().stream().noneMatch(code -> code.startsWith("2"))) {
                missing.add(name + ": no success response");
              }
            });

    assertThat(missing).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("services")
  void everyErrorIsProblemJsonAndEveryOperationDocumentsItsFailures(String service) {
    List<String> wrong = new ArrayList<>();
    operations(parse(ContractFiles.openApi(service)).getOpenAPI())
        .forEach(
            (name, operation) -> {
              operation.getResponses().forEach(
                  (code, response) -> {
                    if ((code.startsWith("4") || code.startsWith("5")) && !problemJson(response)) {
                      wrong.add(name + " " + code + ": not application/problem+json with the Problem schema");
                    }
                  });
              if (!operation.getResponses().containsKey("500")) {
                wrong.add(name + ": 500 not documented");
              }
              if (operation.getResponses().keySet().stream().noneMatch(code -> code.startsWith("4"))) {
                wrong.add(name + ": no 4xx documented");
              }
            });

    assertThat(wrong).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("services")
  void everyRequestBodyHasAnExample(String service) {
    List<String> without = new ArrayList<>();
    operations(parse(ContractFiles.openApi(service)).getOpenAPI())
        .forEach(
            (name, operation) -> {
              if (operation.getRequestBody() != null) {
                operation.getRequestBody().getContent().forEach(
                    (mediaType, content) -> {
                      if (content.getExample() == null && (content.getExamples() == null || content.getExamples().isEmpty())) {
                        without.add(name + " " + mediaType);
                      }
                    });
              }
            });

    assertThat(without).as("request bodies without an example").isEmpty();
  }

  private static boolean problemJson(ApiResponse response) {
    if (response.getContent() == null) {
      return false;
    }
    MediaType problem = response.getContent().get("application/problem+json");
    return problem != null
        && problem.getSchema() != null
        && "#/components/schemas/Problem".equals(problem.getSchema().get$ref())
        && response.getContent().size() == 1;
  }

  private static Map<String, Operation> operations(OpenAPI api) {
    Map<String, Operation> operations = new TreeMap<>();
    api.getPaths().forEach(
        (path, item) -> item.readOperationsMap().forEach((method, operation) -> operations.put(method + " " + path, operation)));
    return operations;
  }

  static SwaggerParseResult parse(Path document) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setValidateInternalRefs(true);
    return new OpenAPIV3Parser().readContents(ContractFiles.read(document), null, options);
  }
}
