package org.leadflow.opportunity.api;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** {@code page} and {@code size} of every collection. */
public class Paging {

  @QueryParam("page")
  @Parameter(description = "Page number, from 0; page × size stays below 2^31 (e.g. at most 10737417 with size 200)", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0"))
  String page;

  @QueryParam("size")
  @Parameter(
      description = "Page size, 1 to 200",
      schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50"))
  String size;
}
