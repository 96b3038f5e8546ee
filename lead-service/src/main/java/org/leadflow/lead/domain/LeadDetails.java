package org.leadflow.lead.domain;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * What a seller or an import knows about a lead: everything but its identity, status and owner.
 * Embedded in {@link Lead}: each component is the column of the same name.
 */
@Embeddable
public record LeadDetails(
    String firstName,
    String lastName,
    String companyName,
    String jobTitle,
    String email,
    String phone,
    String website,
    @Enumerated(EnumType.STRING) LeadSource source,
    String industry,
    Integer numberOfEmployees,
    @Embedded
        @AttributeOverride(name = "amount", column = @Column(name = "annual_revenue_amount"))
        @AttributeOverride(name = "currency", column = @Column(name = "annual_revenue_currency"))
        Money annualRevenue,
    String country,
    String city,
    String description,
    @JdbcTypeCode(SqlTypes.JSON) Map<String, Object> attributes) {

  public LeadDetails {
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    if (isBlank(lastName) && isBlank(companyName)) {
      throw new IllegalArgumentException("A lead needs a last name or a company name");
    }
  }

  /** The person's name as a contact shows it: first and last name, or the last name alone. */
  public String fullName() {
    return firstName == null ? lastName : firstName + " " + lastName;
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }
}
