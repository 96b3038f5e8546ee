package org.leadflow.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OpenApiContractTest {

  private static final String PUBLISHED =
      """
      paths:
        /api/v1/leads/{id}:
          get:
            parameters:
              - {name: id, in: path, required: true}
              - {name: If-None-Match, in: header}
            responses:
              "200":
                content:
                  application/json:
                    schema: {$ref: "#/components/schemas/Lead"}
      components:
        schemas:
          Lead:
            type: object
            required: [firstName, lastName]
            properties:
              firstName: {type: string}
              lastName: {type: string}
              status: {enum: [Open, Qualified, Disqualified]}
      """;

  @Test
  void theSameDocumentInAnotherOrderHasNoDifference() {
    String reordered =
        """
        components:
          schemas:
            Lead:
              properties:
                status: {enum: [Disqualified, Open, Qualified]}
                lastName: {type: string}
                firstName: {type: string}
              required: [lastName, firstName]
              type: object
        paths:
          /api/v1/leads/{id}:
            get:
              responses:
                "200":
                  content:
                    application/json:
                      schema: {$ref: "#/components/schemas/Lead"}
              parameters:
                - {in: header, name: If-None-Match}
                - {in: path, name: id, required: true}
        """;

    assertThat(OpenApiContract.differences(PUBLISHED, reordered)).isEmpty();
  }

  @Test
  void aRenamedPropertyIsNamedOnBothSides() {
    String renamed = PUBLISHED.replace("firstName: {type: string}", "givenName: {type: string}");

    assertThat(OpenApiContract.differences(PUBLISHED, renamed))
        .containsExactly(
            "components.schemas.Lead.properties.firstName: in the contract, not served",
            "components.schemas.Lead.properties.givenName: served, not in the contract");
  }

  @Test
  void aChangedTypeARemovedParameterAndANarrowedEnumAreEachNamed() {
    String changed =
        PUBLISHED
            .replace("lastName: {type: string}", "lastName: {type: integer}")
            .replace("        - {name: If-None-Match, in: header}\n", "")
            .replace("[Open, Qualified, Disqualified]", "[Open, Qualified]")
            .replace("[firstName, lastName]", "[firstName, lastName, status]");

    assertThat(OpenApiContract.differences(PUBLISHED, changed))
        .containsExactly(
            "components.schemas.Lead.properties.lastName.type: the contract says \"string\", the service serves \"integer\"",
            "components.schemas.Lead.properties.status.enum: \"Disqualified\" in the contract, not served",
            "components.schemas.Lead.required: \"status\" served, not in the contract",
            "paths['/api/v1/leads/{id}'].get.parameters[header If-None-Match]: in the contract, not served");
  }
}
