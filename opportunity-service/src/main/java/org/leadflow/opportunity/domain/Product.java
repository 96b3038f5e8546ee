package org.leadflow.opportunity.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A product of the catalogue (Dynamics' product), which opportunity lines may refer to. An admin
 * maintains it; a product once offered is deactivated, never deleted, so the lines that name it keep
 * their meaning. Its unit prices, one per currency, are {@link ProductPrice} rows.
 */
@Entity
@Table(name = "product")
public class Product {

  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]*");

  @Id private UUID id;

  private String code;
  private String name;
  private String description;
  private boolean active;
  private Instant createdAt;
  private Instant updatedAt;

  @Version private long version;

  protected Product() {}

  /** What an admin states about a product; the prices at most one per currency. */
  public record Details(String code, String name, String description, boolean active, List<UnitPrice> prices) {

    /** @throws InvalidFieldException when a value does not fit */
    public Details {
      code = InvalidFieldException.required("code", code, 50);
      if (!CODE.matcher(code).matches()) {
        throw new InvalidFieldException("code", "must be letters, digits and . _ / - (starting with a letter or digit)");
      }
      name = InvalidFieldException.required("name", name, 200);
      description = InvalidFieldException.text("description", description, 2000);
      prices = List.copyOf(prices == null ? List.of() : prices);
      Set<String> currencies = new HashSet<>();
      for (UnitPrice price : prices) {
        if (!currencies.add(price.currency())) {
          throw new InvalidFieldException("prices", "has more than one price in " + price.currency());
        }
      }
    }
  }

  public static Product create(UUID id, Details details, Instant now) {
    Product product = new Product();
    product.id = Objects.requireNonNull(id, "id");
    product.createdAt = now;
    product.apply(details, now);
    return product;
  }

  /** Takes what {@code details} state (the prices are the service's to replace). */
  public void apply(Details details, Instant now) {
    code = details.code();
    name = details.name();
    description = details.description();
    active = details.active();
    updatedAt = now;
  }

  /** Lines may no longer choose it; the lines that do keep it. */
  public void deactivate(Instant now) {
    active = false;
    updatedAt = now;
  }

  public UUID id() {
    return id;
  }

  public String code() {
    return code;
  }

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  public boolean active() {
    return active;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public long version() {
    return version;
  }
}
