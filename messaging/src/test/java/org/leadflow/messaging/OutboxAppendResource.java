package org.leadflow.messaging;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.leadflow.web.security.Roles;

/** A test endpoint that records an event about an aggregate in its transaction, as a service's command does. */
@Path("/api/v1/test-aggregates/{id}/events")
public class OutboxAppendResource {

  @Inject Outbox outbox;

  @POST
  @RolesAllowed(Roles.SELLER)
  public Uni<String> append(@PathParam("id") UUID id) {
    return Panache.withTransaction(() -> outbox.append("Counted", id, OutboxWriter.TYPE, Instant.now(), Map.of("n", 0)))
        .replaceWith("appended");
  }
}
