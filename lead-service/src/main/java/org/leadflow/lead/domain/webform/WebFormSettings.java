package org.leadflow.lead.domain.webform;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an admin sets on a web form (docs/web-to-lead.md).
 *
 * @param allowedOrigins the pages' origins ({@code https://www.example.com}) browsers may post from
 * @param fieldMapping form field name → lead field ({@link WebForm#MAPPABLE_FIELDS}, or {@code attributes.<key>})
 * @param requiredFields lead fields a submission must fill
 * @param consentFields form fields whose values are recorded as consent (time, form, address)
 * @param honeypotField a form field hidden from people: filled, the submission is a bot's; null for none
 * @param ownerId the owner of the form's leads; null: the assignment rules choose
 * @param redirectUrl where a browser's form post is sent after (303); null: a small JSON answer
 */
public record WebFormSettings(
    String name,
    boolean active,
    List<String> allowedOrigins,
    Map<String, String> fieldMapping,
    List<String> requiredFields,
    List<String> consentFields,
    String honeypotField,
    String ownerId,
    String redirectUrl,
    int perFormLimit,
    int perAddressLimit,
    Duration rateWindow) {

  public WebFormSettings {
    allowedOrigins = List.copyOf(allowedOrigins);
    fieldMapping = Collections.unmodifiableMap(new LinkedHashMap<>(fieldMapping));
    requiredFields = List.copyOf(requiredFields);
    consentFields = List.copyOf(consentFields);
  }
}
