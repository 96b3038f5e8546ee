package org.leadflow.opportunity.api;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** {@code page} and {@code size} of every collection. */
public class Paging {

  @QueryParam("page")
  @Parameter(description = "Page number, from 0", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0"))
  String page;

  @QueryParam("size")
  @Parameter(
      description = "Page size, 1 to 200",
      schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50"))
  String size;
}
