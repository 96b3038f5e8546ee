package org.leadflow.lead;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.leadflow.devstack.InfrastructureTestResource;

/** Every @QuarkusTest of lead-service runs against real PostgreSQL (database "leads") and Kafka. */
@QuarkusTestResource(
    value = InfrastructureTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "leads"))
public final class TestInfrastructure {

  private TestInfrastructure() {}
}
