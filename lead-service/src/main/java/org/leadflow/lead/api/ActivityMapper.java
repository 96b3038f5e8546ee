package org.leadflow.lead.api;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.leadflow.lead.domain.Activity;
import org.leadflow.lead.domain.ActivityDirection;
import org.leadflow.lead.domain.ActivityOutcome;
import org.leadflow.lead.domain.ActivityType;
import org.leadflow.web.FieldError;
import org.leadflow.web.InvalidRequestException;

/** Maps activities between the API and the domain, with the rules that tie their fields together. */
@ApplicationScoped
public class ActivityMapper {

  public Activity.Details toDetails(ActivityRequest request) {
    List<FieldError> errors = new ArrayList<>();
    ActivityType type = LeadMapper.label(errors, "type", request.type(), ActivityType::fromLabel);
    ActivityDirection direction =
        LeadMapper.label(errors, "direction", request.direction(), ActivityDirection::fromLabel);
    ActivityOutcome outcome = LeadMapper.label(errors, "outcome", request.outcome(), ActivityOutcome::fromLabel);
    if (type != null && !type.isOutreach() && direction != null) {
      errors.add(new FieldError("direction", "applies to phone calls, emails and meetings only"));
    }
    if (type != null && type != ActivityType.TASK && request.dueAt() != null) {
      errors.add(new FieldError("dueAt", "applies to tasks only"));
    }
    if (request.endedAt() != null && request.occurredAt() != null && request.endedAt().isBefore(request.occurredAt())) {
      errors.add(new FieldError("endedAt", "must not be before occurredAt"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return new Activity.Details(
        type,
        request.subject().strip(),
        request.description(),
        direction,
        outcome,
        request.occurredAt(),
        request.endedAt(),
        request.dueAt());
  }

  public ActivityResponse toResponse(Activity activity) {
    Activity.Details details = activity.details();
    return new ActivityResponse(
        activity.id(),
        activity.leadId(),
        details.type().label(),
        details.subject(),
        details.description(),
        details.direction() == null ? null : details.direction().label(),
        details.outcome() == null ? null : details.outcome().label(),
        details.occurredAt(),
        details.endedAt(),
        details.dueAt(),
        ActorResponse.of(activity.author()),
        activity.loggedAt());
  }
}
