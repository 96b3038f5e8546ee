package org.leadflow.lead;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.leadflow.devstack.InfrastructureTestResource;
import org.leadflow.devstack.tokens.TokenTestResource;

/**
 * Every @QuarkusTest of lead-service runs against real PostgreSQL (database "leads") and Kafka, and
 * trusts the test JVM's bearer tokens; a request that sets no Authorization header of its own acts
 * as a sales manager ({@link TokenTestResource}).
 */
@QuarkusTestResource(
    value = InfrastructureTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "leads"))
@QuarkusTestResource(TokenTestResource.class)
public final class TestInfrastructure {

  private TestInfrastructure() {}
}
