package org.leadflow.opportunity;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.leadflow.devstack.InfrastructureTestResource;

/** Every @QuarkusTest of opportunity-service runs against real PostgreSQL (database "opportunities") and Kafka. */
@QuarkusTestResource(
    value = InfrastructureTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "opportunities"))
public final class TestInfrastructure {

  private TestInfrastructure() {}
}
