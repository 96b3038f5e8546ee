package org.leadflow.lead.domain.webform;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.leadflow.lead.domain.TimeOrderedIds;

/**
 * A web form whose public capture endpoint creates leads with source Web (docs/web-to-lead.md): its
 * settings, its key, and how many submissions it turned into leads, caught as a bot's or refused as a
 * duplicate (counted by statements of their own, so that concurrent submissions never conflict on the
 * form's version).
 */
@Entity
@Table(name = "web_form")
public class WebForm {

  /** The lead fields a form field may fill (besides {@code attributes.<key>}); source is always Web. */
  public static final List<String> MAPPABLE_FIELDS =
      List.of("firstName", "lastName", "companyName", "jobTitle", "email", "phone", "website", "industry", "numberOfEmployees", "country", "city", "description");

  public static final String ATTRIBUTE_PREFIX = "attributes.";

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ORIGINS = "allowedOrigins";
  private static final String MAPPING = "fieldMapping";
  private static final String REQUIRED = "requiredFields";
  private static final String CONSENT = "consentFields";

  @Id private UUID id;
  private String name;
  private String formKey;
  private boolean active;
  /** The origins, the field mapping, the required and the consent fields, in one JSON object (see {@link #settings}). */
  @JdbcTypeCode(SqlTypes.JSON) private Map<String, Object> formFields;
  private String honeypotField;
  private String ownerId;
  private String redirectUrl;
  private int perFormLimit;
  private int perAddressLimit;
  private int rateWindowSeconds;

  @Column(insertable = false, updatable = false)
  private long leadsCreated;

  @Column(insertable = false, updatable = false)
  private long honeypotCaught;

  @Column(insertable = false, updatable = false)
  private long duplicatesRefused;

  private Instant createdAt;
  private Instant updatedAt;
  @Version private long version;

  protected WebForm() {}

  /** A new form with a new random key. */
  public static WebForm create(WebFormSettings settings, Instant now) {
    WebForm form = new WebForm();
    form.id = TimeOrderedIds.next();
    form.formKey = newKey();
    form.createdAt = now;
    form.replace(settings, now);
    return form;
  }

  /** Replaces every setting; the key stays. */
  public void replace(WebFormSettings settings, Instant now) {
    name = settings.name();
    active = settings.active();
    formFields = new LinkedHashMap<>();
    formFields.put(ORIGINS, settings.allowedOrigins());
    formFields.put(MAPPING, settings.fieldMapping().isEmpty() ? identityMapping() : new LinkedHashMap<>(settings.fieldMapping()));
    formFields.put(REQUIRED, settings.requiredFields());
    formFields.put(CONSENT, settings.consentFields());
    honeypotField = settings.honeypotField();
    ownerId = settings.ownerId();
    redirectUrl = settings.redirectUrl();
    perFormLimit = settings.perFormLimit();
    perAddressLimit = settings.perAddressLimit();
    rateWindowSeconds = (int) settings.rateWindow().toSeconds();
    updatedAt = now;
  }

  /** A new key: the old one stops working at once. */
  public void rotateKey(Instant now) {
    formKey = newKey();
    updatedAt = now;
  }

  /** Without a mapping, each mappable lead field is filled by the form field of its own name. */
  private static Map<String, String> identityMapping() {
    Map<String, String> identity = new LinkedHashMap<>();
    MAPPABLE_FIELDS.forEach(field -> identity.put(field, field));
    return identity;
  }

  private static String newKey() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** Whether a submission with {@code key} reaches this form: it is active and the key is its own (compared in constant time). */
  public boolean opensWith(String key) {
    return active && key != null && MessageDigest.isEqual(formKey.getBytes(StandardCharsets.UTF_8), key.getBytes(StandardCharsets.UTF_8));
  }

  /** Whether a page of {@code origin} may post to the form; a request without an Origin (not a browser's cross-origin call) may. */
  public boolean allowsOrigin(String origin) {
    return origin == null || list(ORIGINS).contains(origin);
  }

  /** Whether a submission's {@code values} filled the honeypot field (null: the form has none): a bot's submission. */
  public static boolean caughtByHoneypot(String honeypotField, Map<String, List<String>> values) {
    return honeypotField != null && values.getOrDefault(honeypotField, List.of()).stream().anyMatch(value -> value != null && !value.isBlank());
  }

  public WebFormSettings settings() {
    return new WebFormSettings(
        name, active, list(ORIGINS), mapping(), list(REQUIRED), list(CONSENT), honeypotField, ownerId, redirectUrl, perFormLimit, perAddressLimit,
        Duration.ofSeconds(rateWindowSeconds));
  }

  private List<String> list(String member) {
    Object value = formFields.get(member);
    return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
  }

  private Map<String, String> mapping() {
    Map<String, String> mapping = new LinkedHashMap<>();
    if (formFields.get(MAPPING) instanceof Map<?, ?> stored) {
      stored.forEach((formField, leadField) -> mapping.put(String.valueOf(formField), String.valueOf(leadField)));
    }
    return mapping;
  }

  public UUID id() {
    return id;
  }

  public String name() {
    return name;
  }

  public String key() {
    return formKey;
  }

  public long leadsCreated() {
    return leadsCreated;
  }

  public long honeypotCaught() {
    return honeypotCaught;
  }

  public long duplicatesRefused() {
    return duplicatesRefused;
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
