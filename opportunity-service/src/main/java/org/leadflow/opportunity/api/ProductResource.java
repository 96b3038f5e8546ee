package org.leadflow.opportunity.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leadflow.opportunity.service.ProductCatalogue;
import org.leadflow.opportunity.service.ProductCatalogue.CatalogueProduct;
import org.leadflow.web.IdempotentRequests;
import org.leadflow.web.IfMatch;
import org.leadflow.web.MergePatch;
import org.leadflow.web.Problem;
import org.leadflow.web.Problems;
import org.leadflow.web.security.Roles;

@Path("/api/v1/products")
@Tag(name = "Products", description = "The product catalogue: an admin maintains it, everyone reads it")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SELLER, Roles.SALES_MANAGER, Roles.ADMIN, Roles.INTEGRATION})
public class ProductResource {

  static final String INPUT_EXAMPLE =
      "{\"code\":\"ENG-ANALYTICAL-1\",\"name\":\"Analytical Engine\","
          + "\"description\":\"Programmable mechanical computer, installation included\","
          + "\"prices\":[{\"amount\":\"12500.00\",\"currency\":\"EUR\"},{\"amount\":\"1800000\",\"currency\":\"JPY\"},"
          + "{\"amount\":\"4150.500\",\"currency\":\"KWD\"}]}";
  static final String PRODUCT_EXAMPLE =
      "{\"id\":\"0190f5c4-7d7a-7b5e-9a57-000000000010\",\"code\":\"ENG-ANALYTICAL-1\",\"name\":\"Analytical Engine\","
          + "\"description\":\"Programmable mechanical computer, installation included\",\"active\":true,"
          + "\"prices\":[{\"amount\":\"12500.00\",\"currency\":\"EUR\"},{\"amount\":\"1800000\",\"currency\":\"JPY\"},"
          + "{\"amount\":\"4150.500\",\"currency\":\"KWD\"}],"
          + "\"createdAt\":\"2026-05-04T09:15:00Z\",\"updatedAt\":\"2026-05-04T09:15:00Z\",\"version\":0}";

  @Inject ProductCatalogue catalogue;
  @Inject IdempotentRequests idempotent;
  @Inject ObjectMapper json;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  @Operation(
      operationId = "createProduct",
      summary = "Add a product to the catalogue",
      description =
          "Admins only. The code is unique ignoring case; each price has at most the decimals of its currency"
              + " (ISO 4217: JPY none, EUR two, KWD three), more is a 400, never rounded. A repeat with the same"
              + " Idempotency-Key answers the first result.")
  @RequestBody(content = @Content(schema = @Schema(implementation = ProductInput.class), examples = @ExampleObject(name = "product", value = INPUT_EXAMPLE)))
  @APIResponse(
      responseCode = "201",
      description = "Created; Location and ETag set",
      content = @Content(schema = @Schema(implementation = ProductResponse.class), examples = @ExampleObject(name = "product", value = PRODUCT_EXAMPLE)))
  @APIResponse(
      responseCode = "400",
      description = "Invalid product: one entry per offending field (e.g. prices[1].amount with more decimals than its currency)",
      content =
          @Content(
              mediaType = Problems.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class),
              examples =
                  @ExampleObject(
                      name = "too many decimals",
                      value =
                          "{\"type\":\"https://leadflow.org/problems/validation\",\"title\":\"Invalid request\",\"status\":400,"
                              + "\"detail\":\"1 field is invalid\",\"instance\":\"/api/v1/products\","
                              + "\"errors\":[{\"field\":\"prices[1].amount\",\"message\":\"has more decimals than JPY has (0)\"}]}")))
  @APIResponse(responseCode = "409", description = "Another product has this code", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "422", description = "Idempotency-Key already used for a different request", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<Response> create(
      @NotNull ProductInput request,
      @Parameter(description = "Makes retries safe: a repeat returns the first answer") @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
      @Context UriInfo uri) {
    return idempotent.run(
        "create-product",
        idempotencyKey,
        request,
        () ->
            catalogue
                .create(ProductMapper.details(request))
                .map(
                    created ->
                        Response.created(uri.getAbsolutePathBuilder().path(created.product().id().toString()).build())
                            .tag(IfMatch.etag(created.product().version()))
                            .entity(ProductMapper.response(created))
                            .build()));
  }

  @GET
  @Path("/{id}")
  @Operation(operationId = "getProduct", summary = "Get a product of the catalogue")
  @APIResponse(
      responseCode = "200",
      description = "The product; ETag carries its version",
      content = @Content(schema = @Schema(implementation = ProductResponse.class), examples = @ExampleObject(name = "product", value = PRODUCT_EXAMPLE)))
  @APIResponse(responseCode = "404", description = "No such product", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<Response> get(@Parameter(description = "Product id (UUID)") @PathParam("id") UUID id) {
    return catalogue.get(id).map(ProductResource::ok);
  }

  @GET
  @Operation(operationId = "listProducts", summary = "List the catalogue", description = "Paged, sorted and filtered; filters combine with AND.")
  @APIResponse(
      responseCode = "200",
      description = "One page of products",
      content =
          @Content(
              schema = @Schema(implementation = ProductPage.class),
              examples = @ExampleObject(name = "page", value = "{\"items\":[" + PRODUCT_EXAMPLE + "],\"page\":0,\"size\":50,\"total\":1}")))
  @APIResponse(
      responseCode = "400",
      description = "Invalid paging, sort or filter: one entry per offending parameter",
      content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<ProductPage> list(@BeanParam ProductListParameters parameters) {
    return catalogue
        .list(parameters.toQuery())
        .map(page -> new ProductPage(page.items().stream().map(ProductMapper::response).toList(), page.page(), page.size(), page.total()));
  }

  @PATCH
  @Path("/{id}")
  @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
  @RolesAllowed(Roles.ADMIN)
  @Operation(
      operationId = "updateProduct",
      summary = "Edit a product",
      description =
          "Admins only. JSON Merge Patch (RFC 7386) of ProductInput: members present replace, null removes;"
              + " prices is replaced as a whole list. If-Match is required (428 without it, 412 when stale)."
              + " \"active\": true reactivates a deactivated product.")
  @RequestBody(
      content =
          @Content(
              mediaType = MergePatch.MEDIA_TYPE,
              schema = @Schema(implementation = ProductInput.class),
              examples =
                  @ExampleObject(
                      name = "patch",
                      value = "{\"name\":\"Analytical Engine Mk II\",\"prices\":[{\"amount\":\"13000.00\",\"currency\":\"EUR\"}]}")))
  @APIResponse(
      responseCode = "200",
      description = "The edited product; ETag carries its new version",
      content = @Content(schema = @Schema(implementation = ProductResponse.class), examples = @ExampleObject(name = "product", value = PRODUCT_EXAMPLE)))
  @APIResponse(responseCode = "400", description = "Invalid result or unknown field", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "404", description = "No such product", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "409", description = "Another product has the new code", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "412", description = "If-Match names an old version; the answer's ETag is the current one", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "428", description = "If-Match is missing", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<Response> patch(
      @PathParam("id") UUID id,
      @Parameter(in = ParameterIn.HEADER, description = "ETag the edit is based on; required", example = "\"3\"") @HeaderParam(IfMatch.HEADER) String ifMatch,
      @NotNull JsonNode patch) {
    MergePatch.object(patch);
    long expected = IfMatch.required(ifMatch);
    return catalogue.edit(id, expected, current -> ProductMapper.details(RecordInputs.patched(json, ProductMapper.input(current), patch, ProductInput.class))).map(ProductResource::ok);
  }

  @POST
  @Path("/{id}/deactivate")
  @RolesAllowed(Roles.ADMIN)
  @Operation(
      operationId = "deactivateProduct",
      summary = "Deactivate a product",
      description =
          "Admins only. New lines can no longer choose it; lines that name it keep it (products are never deleted)."
              + " Deactivating an inactive product changes nothing. If-Match is optional.")
  @APIResponse(
      responseCode = "200",
      description = "The product, inactive; ETag carries its version",
      content = @Content(schema = @Schema(implementation = ProductResponse.class), examples = @ExampleObject(name = "product", value = PRODUCT_EXAMPLE)))
  @APIResponse(responseCode = "404", description = "No such product", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "412", description = "If-Match names an old version", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<Response> deactivate(
      @PathParam("id") UUID id,
      @Parameter(in = ParameterIn.HEADER, description = "ETag the action is based on; optional", example = "\"3\"") @HeaderParam(IfMatch.HEADER) String ifMatch) {
    return catalogue.deactivate(id, IfMatch.optional(ifMatch)).map(ProductResource::ok);
  }

  private static Response ok(CatalogueProduct product) {
    return Response.ok(ProductMapper.response(product)).tag(IfMatch.etag(product.product().version())).build();
  }

  /** One page of the catalogue. */
  @Schema(name = "ProductPage")
  public record ProductPage(List<ProductResponse> items, int page, int size, long total) {}
}
