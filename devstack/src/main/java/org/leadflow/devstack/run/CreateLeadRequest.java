package org.leadflow.devstack.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.Map;

/** The body of {@code POST /api/v1/leads}, as lead-service's API documents it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record CreateLeadRequest(
    String firstName,
    String lastName,
    String companyName,
    String jobTitle,
    String email,
    String phone,
    String website,
    String source,
    String industry,
    Integer numberOfEmployees,
    Money annualRevenue,
    String country,
    String city,
    String ownerId,
    String description,
    Map<String, Object> attributes,
    Map<String, Object> qualification) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** This request as the JSON body it is sent as. */
  String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Money as the API writes it: the amount as a decimal string, the currency as ISO 4217. */
  record Money(String amount, String currency) {}
}
