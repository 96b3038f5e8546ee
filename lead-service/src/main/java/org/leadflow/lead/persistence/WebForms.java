package org.leadflow.lead.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import org.leadflow.lead.domain.webform.Consent;
import org.leadflow.lead.domain.webform.WebForm;

/**
 * The web forms, their submission counters and the consents recorded through them. Counters are rows
 * of PostgreSQL, so that the limits hold across every instance of lead-service: one statement adds a
 * submission to the window's row (concurrent submissions wait for each other on it) and answers the
 * count, and drops the scope's rows of earlier windows.
 */
@ApplicationScoped
public class WebForms implements PanacheRepositoryBase<WebForm, UUID> {

  /** What a form counts besides its submissions. */
  public enum Tally {
    LEADS_CREATED("leads_created"),
    HONEYPOT_CAUGHT("honeypot_caught"),
    DUPLICATES_REFUSED("duplicates_refused");

    private final String column;

    Tally(String column) {
      this.column = column;
    }
  }

  /** Counts one more submission in {@code scope} for the window that starts at {@code window}; answers the window's count. */
  public Uni<Integer> countSubmission(UUID formId, String scope, Instant window) {
    return Panache.getSession()
        .chain(session -> session
            .createNativeQuery(
                "WITH earlier AS (DELETE FROM web_form_submissions WHERE form_id = :form AND scope = :scope AND window_start < :window)"
                    + " INSERT INTO web_form_submissions (form_id, scope, window_start, submissions) VALUES (:form, :scope, :window, 1)"
                    + " ON CONFLICT (form_id, scope, window_start) DO UPDATE SET submissions = web_form_submissions.submissions + 1"
                    + " RETURNING submissions",
                Integer.class)
            .setParameter("form", formId)
            .setParameter("scope", scope)
            .setParameter("window", window)
            .getSingleResult());
  }

  /**
   * Drops the counters of windows that ended before {@code now}: a visitor's address is counted in a
   * row of its own, which the next submission from that address replaces, but an address that never
   * comes back would keep its row for good. Answers how many were dropped.
   */
  public Uni<Integer> forgetEndedWindows(Instant now) {
    return Panache.getSession()
        .chain(session -> session
            .createNativeQuery(
                "DELETE FROM web_form_submissions s USING web_form f"
                    + " WHERE f.id = s.form_id AND s.window_start + make_interval(secs => f.rate_window_seconds) <= :now")
            .setParameter("now", now)
            .executeUpdate());
  }

  /** Adds one to the form's {@code tally}, without touching its version. */
  public Uni<Integer> count(UUID formId, Tally tally) {
    return Panache.getSession()
        .chain(session -> session
            .createNativeQuery("UPDATE web_form SET " + tally.column + " = " + tally.column + " + 1 WHERE id = :form")
            .setParameter("form", formId)
            .executeUpdate());
  }

  /** Records a visitor's consent: the form field and its value, for the lead, with time and address. */
  public Uni<Integer> recordConsent(UUID id, UUID formId, UUID leadId, String field, String value, String clientAddress, Instant at) {
    return Panache.getSession()
        .chain(session -> session
            .createNativeQuery(
                "INSERT INTO web_form_consent (id, form_id, lead_id, field, value, client_address, recorded_at)"
                    + " VALUES (:id, :form, :lead, :field, :value, :address, :at)")
            .setParameter("id", id)
            .setParameter("form", formId)
            .setParameter("lead", leadId)
            .setParameter("field", field)
            .setParameter("value", value)
            .setParameter("address", clientAddress)
            .setParameter("at", at)
            .executeUpdate());
  }

  /** The consents recorded with a lead, oldest first. */
  public Uni<java.util.List<Consent>> consentsOf(UUID leadId) {
    return Panache.getSession()
        .chain(session -> session
            .createNativeQuery(
                "SELECT form_id, field, value, client_address, recorded_at FROM web_form_consent WHERE lead_id = :lead ORDER BY recorded_at, field",
                Object[].class)
            .setParameter("lead", leadId)
            .getResultList())
        .map(rows -> rows.stream()
            .map(row -> new Consent((UUID) row[0], (String) row[1], (String) row[2], (String) row[3], NativeValues.instant(row[4])))
            .toList());
  }
}
