package org.leadflow.opportunity.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a collection (docs/architecture.md, section REST conventions), one named type per collection for
 * the OpenAPI document.
 */
public final class PageResponses {

  private PageResponses() {}

  @Schema(name = "OpportunityPage")
  public record OpportunityPage(List<OpportunityResponse> items, int page, int size, long total) {}

  @Schema(name = "AccountPage")
  public record AccountPage(List<AccountResponse> items, int page, int size, long total) {}

  @Schema(name = "ContactPage")
  public record ContactPage(List<ContactResponse> items, int page, int size, long total) {}

  @Schema(name = "PossibleDuplicatePage")
  public record PossibleDuplicatePage(List<PossibleDuplicateResponse> items, int page, int size, long total) {}
}
