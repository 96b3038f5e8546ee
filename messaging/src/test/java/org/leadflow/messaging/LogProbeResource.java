package org.leadflow.messaging;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.leadflow.web.security.Roles;

/** A test endpoint about a lead that logs one line while it answers, as a service's use case does. */
@Path("/api/v1/leads/{id}/log-probe")
public class LogProbeResource {

  static final String CATEGORY = "org.leadflow.messaging.LogProbeResource";
  private static final Logger LOG = Logger.getLogger(CATEGORY);

  @POST
  @RolesAllowed(Roles.SELLER)
  public String probe(@PathParam("id") UUID id) {
    LOG.infof("Probing lead %s", id);
    return "probed";
  }
}
