package org.leadflow.opportunity.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.leadflow.opportunity.service.PipelineView;

/** The answers of the pipeline view and the funnel, and their mapping from the service's figures. */
public final class PipelineViewResponses {

  private PipelineViewResponses() {}

  /** The opportunities of one currency in a bucket. */
  @Schema(name = "PipelineAmount")
  public record Amount(
      @Schema(example = "EUR", description = "ISO 4217; amounts are never summed across currencies") String currency,
      @Schema(example = "3", description = "How many of the bucket's opportunities are valued in this currency") long count,
      @Schema(description = "The sum of their estimated values") MoneyDto value,
      @Schema(description = "The sum of each estimated value × its probability / 100, rounded half up to the currency's decimals")
          MoneyDto weightedValue) {}

  /** Open opportunities of one stage. */
  @Schema(name = "PipelineStage")
  public record Stage(
      @Schema(example = "Propose", enumeration = {"Qualify", "Develop", "Propose", "Close"}) String stage,
      @Schema(example = "4", description = "All of them, with or without an estimated value") long count,
      @Schema(description = "Per currency, ordered by code; those without an estimated value are in none") List<Amount> amounts) {}

  /** Open opportunities expected to close in one month. */
  @Schema(name = "PipelineCloseMonth")
  public record CloseMonth(
      @Schema(example = "2026-09", description = "Estimated close month, yyyy-MM") String month,
      @Schema(example = "2") long count,
      List<Amount> amounts) {}

  /** Some open opportunities. */
  @Schema(name = "PipelineBucket")
  public record Bucket(@Schema(example = "7") long count, List<Amount> amounts) {}

  /** The filters the view was computed with. */
  @Schema(name = "PipelineFilters")
  public record Filters(
      @Schema(description = "The owner asked for; absent: everyone the caller sees") String ownerId,
      LocalDate closeDateFrom,
      LocalDate closeDateTo,
      @Schema(description = "The currency asked for; absent: every currency, each summed on its own") String currency) {}

  @Schema(name = "Pipeline", description = "The open opportunities by stage and by estimated close month")
  public record Pipeline(
      Filters filters,
      @Schema(description = "Every stage, in the order of the sales process, also those without opportunities") List<Stage> byStage,
      @Schema(description = "The months that have opportunities, ascending") List<CloseMonth> byCloseMonth,
      @Schema(description = "Those without an estimated close date (none when a close-date filter is given)") Bucket withoutCloseDate,
      Bucket total) {}

  @Schema(name = "PipelineFunnel", description = "Leads created in the period → of them qualified → of their opportunities won")
  public record Funnel(
      @Schema(example = "2026-07-01", description = "First day of the period (UTC), included") LocalDate from,
      @Schema(example = "2026-09-30", description = "Last day of the period (UTC), included") LocalDate to,
      @Schema(description = "The owner asked for; absent: everyone the caller sees") String ownerId,
      @Schema(example = "120", description = "Leads created in the period") long leadsCreated,
      @Schema(example = "30", description = "Of them, qualified (whenever)") long leadsQualified,
      @Schema(example = "9", description = "Of their opportunities, won (whenever)") long opportunitiesWon,
      @Schema(description = "The actual revenue of those won, per currency") List<MoneyDto> wonRevenue,
      @Schema(example = "25.0", description = "leadsQualified / leadsCreated in percent, one decimal; absent without leads") BigDecimal qualifiedPercent,
      @Schema(example = "30.0", description = "opportunitiesWon / leadsQualified in percent, one decimal; absent without qualified leads")
          BigDecimal wonPercent) {}

  static Pipeline pipeline(PipelineView.Pipeline view, Filters filters) {
    return new Pipeline(
        filters,
        view.byStage().stream().map(stage -> new Stage(stage.stage().label(), stage.bucket().count(), amounts(stage.bucket()))).toList(),
        view.byCloseMonth().stream()
            .map(month -> new CloseMonth(month.month().toString(), month.bucket().count(), amounts(month.bucket())))
            .toList(),
        bucket(view.withoutCloseDate()),
        bucket(view.total()));
  }

  static Funnel funnel(PipelineView.Funnel funnel) {
    return new Funnel(
        funnel.from(),
        funnel.to(),
        funnel.ownerId(),
        funnel.leadsCreated(),
        funnel.leadsQualified(),
        funnel.opportunitiesWon(),
        funnel.wonRevenue().stream().map(ResponseMapper::money).toList(),
        percent(funnel.leadsQualified(), funnel.leadsCreated()),
        percent(funnel.opportunitiesWon(), funnel.leadsQualified()));
  }

  private static Bucket bucket(PipelineView.Bucket bucket) {
    return new Bucket(bucket.count(), amounts(bucket));
  }

  private static List<Amount> amounts(PipelineView.Bucket bucket) {
    return bucket.amounts().stream()
        .map(amount -> new Amount(amount.currency(), amount.count(), ResponseMapper.money(amount.value()), ResponseMapper.money(amount.weightedValue())))
        .toList();
  }

  private static BigDecimal percent(long part, long whole) {
    return whole == 0 ? null : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
  }
}
