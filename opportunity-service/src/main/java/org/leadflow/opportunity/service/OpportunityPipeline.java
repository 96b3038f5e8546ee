package org.leadflow.opportunity.service;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.leadflow.opportunity.domain.ChangedField;
import org.leadflow.opportunity.domain.Money;
import org.leadflow.opportunity.domain.Opportunity;
import org.leadflow.opportunity.domain.OpportunityLine;
import org.leadflow.opportunity.domain.OpportunityStage;
import org.leadflow.opportunity.domain.OpportunityStatusReason;
import org.leadflow.opportunity.domain.RecordHistoryEntry;
import org.leadflow.opportunity.domain.StageRequirement;
import org.leadflow.opportunity.domain.StageSetting;
import org.leadflow.opportunity.domain.StageVisit;
import org.leadflow.opportunity.domain.UnitPrice;
import org.leadflow.opportunity.persistence.OpportunityLineRepository;
import org.leadflow.opportunity.persistence.OpportunityRepository;
import org.leadflow.opportunity.persistence.StageSettingRepository;
import org.leadflow.opportunity.persistence.StageVisitRepository;
import org.leadflow.opportunity.service.OpportunityQueries.OpportunityWithLines;
import org.leadflow.web.security.ActionForbiddenException;
import org.leadflow.web.security.Caller;
import org.leadflow.web.security.Roles;

/**
 * The opportunity's way through the sales process, one transaction per use case: edits, stage
 * moves, lines, closing as won or lost, reopening, holding. Each finds the opportunity as the caller
 * may see it (another seller's is not found), checks the version the caller expects, lets the
 * opportunity decide, and records what changed in its history and, where the contracts have an
 * event for it, in the outbox, all in the one transaction.
 */
@ApplicationScoped
public class OpportunityPipeline {

  @Inject OpportunityRepository opportunities;
  @Inject OpportunityLineRepository lines;
  @Inject StageSettingRepository settings;
  @Inject StageVisitRepository visits;
  @Inject RecordHistory history;
  @Inject ProductCatalogue catalogue;
  @Inject OpportunityEvents events;
  @Inject Clock clock;

  /** What a use case did to the opportunity and its lines; the new lines list when they changed. */
  private record Outcome(List<OpportunityLine> lines) {}

  /**
   * Applies a seller's edit. The owner changes only for a sales manager.
   *
   * @param edit the edited values, from the current ones
   */
  @WithTransaction
  public Uni<OpportunityWithLines> edit(UUID id, Optional<Long> expectedVersion, Caller caller, Function<Opportunity, Opportunity.Edit> edit) {
    return change(id, expectedVersion, caller, (opportunity, current, now) -> {
      Opportunity.Edit values = edit.apply(opportunity);
      if (!Objects.equals(values.ownerId(), opportunity.ownerId()) && !caller.has(Roles.SALES_MANAGER)) {
        throw new ActionForbiddenException("Only a sales manager assigns an opportunity to another owner");
      }
      List<ChangedField> changes = opportunity.edit(values, current, now);
      return record(opportunity, "updated", changes, caller, now).replaceWith(new Outcome(current));
    });
  }

  /** Moves the opportunity to {@code target}; nothing changes when it is there already. */
  @WithTransaction
  public Uni<OpportunityWithLines> moveStage(UUID id, Optional<Long> expectedVersion, OpportunityStage target, Caller caller) {
    return change(id, expectedVersion, caller, (opportunity, current, now) ->
        settings.inOrder().chain(all -> {
          Optional<Opportunity.StageMove> moved = opportunity.moveTo(target, all, current.size(), now);
          if (moved.isEmpty()) {
            return Uni.createFrom().item(new Outcome(current));
          }
          Opportunity.StageMove move = moved.get();
          return visits
              .current(id)
              .invoke(visit -> {
                if (visit != null) {
                  visit.leave(now);
                }
              })
              .chain(() -> visits.persist(StageVisit.first(id, move.to(), caller.id(), now)))
              .chain(() -> record(opportunity, "stage-changed", move.changes(), caller, now))
              .chain(() -> events.stageChanged(opportunity, move.from(), move.to(), caller.id(), now))
              .replaceWith(new Outcome(current));
        }));
  }

  @WithTransaction
  public Uni<OpportunityWithLines> win(
      UUID id, Optional<Long> expectedVersion, Money actualRevenue, LocalDate actualCloseDate, String note, Caller caller) {
    return change(id, expectedVersion, caller, (opportunity, current, now) -> {
      List<ChangedField> changes = opportunity.win(actualRevenue, actualCloseDate, note, current, now);
      return record(opportunity, "won", changes, caller, now)
          .chain(() -> events.won(opportunity, caller.id(), now))
          .replaceWith(new Outcome(current));
    });
  }

  @WithTransaction
  public Uni<OpportunityWithLines> lose(
      UUID id,
      Optional<Long> expectedVersion,
      OpportunityStatusReason reason,
      String competitor,
      String note,
      LocalDate actualCloseDate,
      Caller caller) {
    return change(id, expectedVersion, caller, (opportunity, current, now) -> {
      List<ChangedField> changes = opportunity.lose(reason, competitor, note, actualCloseDate, now);
      return record(opportunity, "lost", changes, caller, now)
          .chain(() -> events.lost(opportunity, caller.id(), now))
          .replaceWith(new Outcome(current));
    });
  }

  @WithTransaction
  public Uni<OpportunityWithLines> reopen(UUID id, Optional<Long> expectedVersion, Caller caller) {
    return change(id, expectedVersion, caller, (opportunity, current, now) -> {
      OpportunityStatusReason previous = opportunity.statusReason();
      List<ChangedField> changes = opportunity.reopen(now);
      return record(opportunity, "reopened", changes, caller, now)
          .chain(() -> events.reopened(opportunity, previous, caller.id(), now))
          .replaceWith(new Outcome(current));
    });
  }

  @WithTransaction
  public Uni<OpportunityWithLines> putOnHold(UUID id, Optional<Long> expectedVersion, Caller caller) {
    return change(id, expectedVersion, caller, (opportunity, current, now) ->
        record(opportunity, "put-on-hold", opportunity.putOnHold(now), caller, now).replaceWith(new Outcome(current)));
  }

  @WithTransaction
  public Uni<OpportunityWithLines> resume(UUID id, Optional<Long> expectedVersion, Caller caller) {
    return change(id, expectedVersion, caller, (opportunity, current, now) ->
        record(opportunity, "resumed", opportunity.resume(now), caller, now).replaceWith(new Outcome(current)));
  }

  /**
   * Adds a line; one of a catalogue product takes the product's name and price per unit in the
   * opportunity's currency where the seller gave none. Answers the opportunity and the new line's id.
   */
  @WithTransaction
  public Uni<LineResult> addLine(UUID id, Optional<Long> expectedVersion, OpportunityLine.Values values, Caller caller) {
    UUID[] added = new UUID[1];
    return change(id, expectedVersion, caller, (opportunity, current, now) ->
            withCatalogueDefaults(values, null, opportunity.currency(current)).chain(complete -> {
              Opportunity.LineChange change = opportunity.addLine(complete, current, now);
              added[0] = change.line().id();
              List<OpportunityLine> after = new ArrayList<>(current);
              after.add(change.line());
              return lines
                  .persist(change.line())
                  .chain(() -> record(opportunity, "line-added", change.changes(), caller, now))
                  .replaceWith(new Outcome(after));
            }))
        .map(result -> new LineResult(result, added[0]));
  }

  /**
   * Changes a line's values (the merge patch applied to its current values); a line that now names
   * another catalogue product takes that product's defaults where the patch gave none.
   */
  @WithTransaction
  public Uni<OpportunityWithLines> changeLine(
      UUID id, UUID lineId, Optional<Long> expectedVersion, Function<OpportunityLine, OpportunityLine.Values> edit, Caller caller) {
    return change(id, expectedVersion, caller, (opportunity, current, now) -> {
      OpportunityLine line = line(id, lineId, current);
      List<OpportunityLine> others = current.stream().filter(other -> !other.id().equals(lineId)).toList();
      return withCatalogueDefaults(edit.apply(line), line, opportunity.currency(others)).chain(complete -> {
        Opportunity.LineChange change = opportunity.changeLine(line, complete, current, now);
        return record(opportunity, "line-changed", change.changes(), caller, now).replaceWith(new Outcome(current));
      });
    });
  }

  /**
   * The values with the catalogue's defaults when they name a product the line did not have before
   * ({@code changed} is null for a new line): the product must be offered, and unless the seller
   * gave a unitPrice, priced in the opportunity's currency.
   */
  private Uni<OpportunityLine.Values> withCatalogueDefaults(OpportunityLine.Values values, OpportunityLine changed, String currency) {
    if (values.productId() == null || (changed != null && values.productId().equals(changed.productId()))) {
      return Uni.createFrom().item(values);
    }
    return catalogue
        .offered(values.productId())
        .map(product -> {
          Money price = null;
          if (values.unitPrice() == null) {
            UnitPrice offered = ProductCatalogue.offeredIn(product, currency);
            price = new Money(offered.amount(), offered.currency());
          }
          return values.withDefaults(product.product().name(), price);
        });
  }

  @WithTransaction
  public Uni<OpportunityWithLines> removeLine(UUID id, UUID lineId, Optional<Long> expectedVersion, Caller caller) {
    return change(id, expectedVersion, caller, (opportunity, current, now) -> {
      OpportunityLine line = line(id, lineId, current);
      Opportunity.LineChange change = opportunity.removeLine(line, current, now);
      List<OpportunityLine> after = current.stream().filter(other -> !other.id().equals(lineId)).toList();
      return lines
          .delete(line)
          .chain(() -> record(opportunity, "line-removed", change.changes(), caller, now))
          .replaceWith(new Outcome(after));
    });
  }

  /** The opportunity after a line was added, and that line's id. */
  public record LineResult(OpportunityWithLines opportunity, UUID lineId) {}

  /** One line of an opportunity the caller may see. */
  @WithSession
  public Uni<OpportunityLine> getLine(UUID id, UUID lineId, Caller caller) {
    return find(id, caller).chain(opportunity -> lines.ofOpportunities(List.of(id))).map(current -> line(id, lineId, current));
  }

  /** One page of the opportunity's history, newest first. */
  @WithSession
  public Uni<Page<RecordHistoryEntry>> history(UUID id, int page, int size, Caller caller) {
    return find(id, caller).chain(opportunity -> history.page(RecordHistoryEntry.OPPORTUNITY, id, page, size));
  }

  /** One page of the opportunity's stays in its stages, oldest first. */
  @WithSession
  public Uni<Page<StageVisit>> stageHistory(UUID id, int page, int size, Caller caller) {
    return find(id, caller).chain(opportunity -> page(visits.ofOpportunity(id), page, size));
  }

  private static <T> Uni<Page<T>> page(PanacheQuery<T> query, int page, int size) {
    // One session runs one statement at a time: the page, then the count.
    return query
        .page(io.quarkus.panache.common.Page.of(page, size))
        .list()
        .chain(items -> query.count().map(total -> new Page<>(items, page, size, total)));
  }

  /** Every stage's setting, in the order of the process. */
  @WithSession
  public Uni<List<StageSetting>> stageSettings() {
    return settings.inOrder();
  }

  /** An admin's new setting of one stage. */
  @WithTransaction
  public Uni<StageSetting> configureStage(
      OpportunityStage stage, Optional<Long> expectedVersion, int defaultProbability, Set<StageRequirement> required, Caller caller) {
    return settings
        .findById(stage)
        .invoke(setting -> {
          expectedVersion.ifPresent(expected -> {
            if (expected != setting.version()) {
              throw new StaleVersionException("The stage " + stage.label(), expected, setting.version());
            }
          });
          setting.change(defaultProbability, required, caller.id(), now());
        })
        .call(() -> settings.flush());
  }

  /** The work of one use case on the opportunity with its current lines. */
  @FunctionalInterface
  private interface Work {
    Uni<Outcome> apply(Opportunity opportunity, List<OpportunityLine> lines, Instant now);
  }

  private Uni<OpportunityWithLines> change(UUID id, Optional<Long> expectedVersion, Caller caller, Work work) {
    Instant now = now();
    return find(id, caller)
        .invoke(opportunity -> expectedVersion.ifPresent(expected -> {
          if (expected != opportunity.version()) {
            throw new StaleVersionException("The opportunity", expected, opportunity.version());
          }
        }))
        .chain(opportunity ->
            lines
                .ofOpportunities(List.of(id))
                .chain(current -> work.apply(opportunity, new ArrayList<>(current), now))
                // Flushing now makes the new version (the ETag of the answer) known before commit.
                .call(() -> opportunities.flush())
                .map(outcome ->
                    new OpportunityWithLines(
                        opportunity, outcome.lines().stream().sorted(Comparator.comparingInt(OpportunityLine::lineNumber)).toList())));
  }

  /** Another owner's opportunity is as unknown to a seller as one that does not exist. */
  private Uni<Opportunity> find(UUID id, Caller caller) {
    return opportunities
        .findById(id)
        .map(found -> found != null && caller.mayAccess(found.ownerId()) ? found : null)
        .onItem()
        .ifNull()
        .failWith(() -> RecordNotFoundException.opportunity(id));
  }

  private static OpportunityLine line(UUID id, UUID lineId, List<OpportunityLine> current) {
    return current.stream().filter(line -> line.id().equals(lineId)).findFirst().orElseThrow(() -> RecordNotFoundException.line(id, lineId));
  }

  private Uni<Void> record(Opportunity opportunity, String action, List<ChangedField> changes, Caller caller, Instant now) {
    return history.record(RecordHistoryEntry.OPPORTUNITY, opportunity.id(), action, changes, caller, now);
  }

  /** PostgreSQL keeps microseconds: rounding here makes the event, the row and the answer agree. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
