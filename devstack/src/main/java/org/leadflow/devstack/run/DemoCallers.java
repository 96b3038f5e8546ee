package org.leadflow.devstack.run;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.leadflow.devstack.tokens.TokenIssuer;

/** Who loads the demo data, each with a token of the local run's issuer. */
final class DemoCallers {
  private static final Duration LIFETIME = Duration.ofHours(1);
  private final TokenIssuer tokens;
  private final String importer;
  private final String manager;
  private final String admin;
  private final Map<String, String> sellers = new ConcurrentHashMap<>();

  DemoCallers(TokenIssuer tokens) {
    this.tokens = tokens;
    this.importer = bearer("demo-import", "Demo data import", "integration");
    this.manager = bearer("demo-manager", "Demo sales manager", "sales-manager");
    this.admin = bearer("demo-admin", "Demo admin", "admin");
  }

  String importer() {
    return importer;
  }

  String manager() {
    return manager;
  }

  /** Maintains the product catalogue. */
  String admin() {
    return admin;
  }

  String seller(String id) {
    return sellers.computeIfAbsent(id, seller -> bearer(seller, null, "seller"));
  }

  private String bearer(String subject, String name, String role) {
    return "Bearer " + tokens.token(subject, name, List.of(role), LIFETIME);
  }
}
