package org.leadflow.lead.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.leadflow.lead.domain.webform.WebForm;
import org.leadflow.lead.domain.webform.WebFormSettings;
import org.leadflow.web.FieldError;
import org.leadflow.web.InvalidRequestException;

/** The bodies of the web forms' API (docs/web-to-lead.md) and their mapping. */
public final class WebFormBodies {

  /** A form field's name as HTML forms name them. */
  static final String FIELD_NAME = "^[A-Za-z0-9_.\\-\\[\\]]{1,100}$";
  static final int DEFAULT_PER_FORM = 500;
  static final int DEFAULT_PER_ADDRESS = 20;
  static final Duration DEFAULT_WINDOW = Duration.ofHours(1);
  private static final Duration SHORTEST_WINDOW = Duration.ofMinutes(1);
  private static final Duration LONGEST_WINDOW = Duration.ofDays(1);

  private WebFormBodies() {}

  @Schema(name = "WebFormInput", description = "A web form's settings: all of them, on create and on replace")
  public record Input(
      @NotBlank @Size(max = 200) @Schema(required = true, example = "Contact us") String name,
      @Schema(nullable = true, description = "Whether the form takes submissions (default true, also for null); an inactive form's endpoint answers 404", example = "true")
          Boolean active,
      @Size(max = 50)
          @Schema(
              description = "Origins (scheme://host[:port]) of the pages that post the form; browsers from any other origin are refused (403)",
              example = "[\"https://www.example.com\"]")
          List<String> allowedOrigins,
      @Size(max = 100)
          @Schema(
              description =
                  "Form field name → lead field (firstName, lastName, companyName, jobTitle, email, phone, website, industry,"
                      + " numberOfEmployees, country, city, description, or attributes.<key>). Absent or empty: each of those lead fields is"
                      + " filled by the form field of its own name. Other form fields are ignored.",
              example = "{\"first_name\": \"firstName\", \"last_name\": \"lastName\", \"company\": \"companyName\", \"email\": \"email\", \"utm_campaign\": \"attributes.campaign\"}")
          Map<String, String> fields,
      @Size(max = 20) @Schema(description = "Lead fields a submission must fill (400 naming the form field otherwise)", example = "[\"lastName\", \"email\"]")
          List<String> requiredFields,
      @Size(max = 20)
          @Schema(description = "Form fields whose values are recorded as the visitor's consent, with time, form and address", example = "[\"consent_marketing\"]")
          List<String> consentFields,
      @Pattern(regexp = FIELD_NAME, message = "must be a form field name (letters, digits, _ . - [ ]; at most 100)")
          @Schema(description = "A form field hidden from people (CSS); filled, the submission is a bot's: answered as usual, no lead, counted", example = "website_url")
          String honeypotField,
      @Size(max = 100) @Schema(description = "The seller who owns the form's leads; absent: the assignment rules choose", example = "seller-42") String ownerId,
      @Size(max = 2000)
          @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) URL")
          @Schema(description = "Where a browser's form post is redirected (303) after; absent: 202 with a small JSON answer", example = "https://www.example.com/thank-you")
          String redirectUrl,
      @Valid @Schema(description = "Submissions allowed per window, per form and per client address (defaults 500, 20, PT1H)") RateLimits rateLimits,
      @Schema(nullable = true, description = "On replace only: give the form a new key (the old one stops working at once); null is false", example = "false")
          Boolean rotateKey) {}

  @Schema(name = "WebFormRateLimits")
  public record RateLimits(
      @Min(1) @Max(1_000_000) @Schema(description = "Submissions per window to the form, from everyone", example = "500") Integer perForm,
      @Min(1) @Max(100_000) @Schema(description = "Submissions per window from one client address", example = "20") Integer perAddress,
      @Size(max = 20) @Schema(description = "The window, an ISO-8601 duration from PT1M to P1D", example = "PT1H") String window) {}

  @Schema(name = "WebFormStats")
  public record Stats(
      @Schema(example = "120") long leadsCreated,
      @Schema(description = "Submissions with the honeypot filled: no lead", example = "7") long honeypotCaught,
      @Schema(description = "Submissions a duplicate rule set to block refused: no lead", example = "3") long duplicatesRefused) {}

  @Schema(name = "WebForm")
  public record Response(
      UUID id,
      @Schema(example = "Contact us") String name,
      boolean active,
      @Schema(description = "The form's key: the capture URL's key parameter. It is in the page's HTML, so it is no secret; it lets you retire a form's URL (rotateKey)", example = "3f9c0a7d5e1b4c2a9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a")
          String key,
      @Schema(description = "Where the form posts: the public capture endpoint with its key", example = "/api/v1/capture/01a21bb2-53e0-7973-b26e-997d0c4247a2?key=3f9c0a7d")
          String captureUrl,
      List<String> allowedOrigins,
      Map<String, String> fields,
      List<String> requiredFields,
      List<String> consentFields,
      String honeypotField,
      String ownerId,
      String redirectUrl,
      RateLimits rateLimits,
      Stats stats,
      Instant createdAt,
      Instant updatedAt,
      long version) {}

  @Schema(name = "WebFormPage")
  public record FormPage(List<Response> items, int page, int size, long total) {}

  @Schema(name = "WebCaptureReceipt", description = "The same answer whatever became of the submission (a lead, a bot's, a duplicate refused)")
  public record Receipt(@Schema(example = "received") String status) {
    static final Receipt RECEIVED = new Receipt("received");
  }

  @Schema(name = "LeadConsent")
  public record Consent(
      UUID formId,
      @Schema(example = "consent_marketing") String field,
      @Schema(example = "yes") String value,
      @Schema(description = "The client address the submission came from", example = "203.0.113.7") String clientAddress,
      Instant recordedAt) {}

  @Schema(name = "LeadConsents")
  public record Consents(List<Consent> items) {}

  static Response toResponse(WebForm form) {
    WebFormSettings settings = form.settings();
    return new Response(
        form.id(),
        form.name(),
        settings.active(),
        form.key(),
        WebCaptureResource.PATH_PREFIX + form.id() + "?key=" + form.key(),
        settings.allowedOrigins(),
        settings.fieldMapping(),
        settings.requiredFields(),
        settings.consentFields(),
        settings.honeypotField(),
        settings.ownerId(),
        settings.redirectUrl(),
        new RateLimits(settings.perFormLimit(), settings.perAddressLimit(), settings.rateWindow().toString()),
        new Stats(form.leadsCreated(), form.honeypotCaught(), form.duplicatesRefused()),
        form.createdAt(),
        form.updatedAt(),
        form.version());
  }

  /** The settings an input asks for, each member checked; 400 naming every offending one. */
  static WebFormSettings settings(Input input) {
    List<FieldError> errors = new ArrayList<>();
    List<String> origins = input.allowedOrigins() == null ? List.of() : input.allowedOrigins();
    for (int i = 0; i < origins.size(); i++) {
      if (!isOrigin(origins.get(i))) {
        errors.add(new FieldError("allowedOrigins[" + i + "]", "must be an origin: http(s)://host[:port], no path"));
      }
    }
    Map<String, String> fields = input.fields() == null ? Map.of() : input.fields();
    fields.forEach((formField, leadField) -> {
      if (formField == null || !formField.matches(FIELD_NAME)) {
        errors.add(new FieldError("fields", "form field names are letters, digits, _ . - [ ]; at most 100"));
      } else if (!isLeadField(leadField)) {
        errors.add(new FieldError("fields." + formField, "must be one of " + String.join(", ", WebForm.MAPPABLE_FIELDS) + ", or attributes.<key>"));
      }
    });
    List<String> targets = fields.isEmpty() ? WebForm.MAPPABLE_FIELDS : fields.values().stream().filter(java.util.Objects::nonNull).toList();
    List<String> required = input.requiredFields() == null ? List.of() : input.requiredFields();
    for (int i = 0; i < required.size(); i++) {
      if (required.get(i) == null || !targets.contains(required.get(i))) {
        errors.add(new FieldError("requiredFields[" + i + "]", "must be a lead field the form fills"));
      }
    }
    List<String> consents = input.consentFields() == null ? List.of() : input.consentFields();
    for (int i = 0; i < consents.size(); i++) {
      if (consents.get(i) == null || !consents.get(i).matches(FIELD_NAME)) {
        errors.add(new FieldError("consentFields[" + i + "]", "must be a form field name (letters, digits, _ . - [ ]; at most 100)"));
      }
    }
    RateLimits limits = input.rateLimits() == null ? new RateLimits(null, null, null) : input.rateLimits();
    Duration window = DEFAULT_WINDOW;
    if (limits.window() != null) {
      try {
        window = Duration.parse(limits.window());
        if (window.compareTo(SHORTEST_WINDOW) < 0 || window.compareTo(LONGEST_WINDOW) > 0) {
          errors.add(new FieldError("rateLimits.window", "must be from PT1M to P1D"));
        }
      } catch (DateTimeParseException e) {
        errors.add(new FieldError("rateLimits.window", "must be an ISO-8601 duration such as PT1H"));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return new WebFormSettings(
        input.name(),
        input.active() == null || input.active(),
        origins,
        new LinkedHashMap<>(fields),
        required,
        consents,
        input.honeypotField(),
        blankToNull(input.ownerId()),
        input.redirectUrl(),
        limits.perForm() == null ? DEFAULT_PER_FORM : limits.perForm(),
        limits.perAddress() == null ? DEFAULT_PER_ADDRESS : limits.perAddress(),
        window);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }

  static boolean isLeadField(String field) {
    if (field == null) {
      return false;
    }
    if (field.startsWith(WebForm.ATTRIBUTE_PREFIX)) {
      int length = field.length() - WebForm.ATTRIBUTE_PREFIX.length();
      return length > 0 && length <= LeadMapper.MAX_ATTRIBUTE_KEY_LENGTH;
    }
    return WebForm.MAPPABLE_FIELDS.contains(field);
  }

  /** scheme://host[:port] as a browser sends it in Origin: http or https, no path, query or user. */
  static boolean isOrigin(String text) {
    if (text == null || text.length() > 200) {
      return false;
    }
    try {
      URI uri = new URI(text);
      return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null
          && uri.getRawUserInfo() == null
          && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
          && uri.getRawQuery() == null
          && uri.getRawFragment() == null
          && text.equals(uri.getScheme() + "://" + uri.getRawAuthority());
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }
}
