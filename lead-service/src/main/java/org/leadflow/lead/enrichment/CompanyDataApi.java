package org.leadflow.lead.enrichment;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The company data provider's HTTP API, as LeadFlow asks it (docs/enrichment.md, section Provider). */
@Path("/companies")
public interface CompanyDataApi {

  @GET
  @Path("/{domain}")
  @Produces(MediaType.APPLICATION_JSON)
  Uni<JsonNode> company(@PathParam("domain") String domain, @HeaderParam("Authorization") String authorization);
}
