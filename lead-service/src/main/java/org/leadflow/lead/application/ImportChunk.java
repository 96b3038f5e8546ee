package org.leadflow.lead.application;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hibernate.reactive.mutiny.Mutiny;
import org.leadflow.lead.domain.Actor;
import org.leadflow.lead.domain.HistoricalOutcome;
import org.leadflow.lead.domain.Lead;
import org.leadflow.lead.domain.LeadDetails;
import org.leadflow.lead.domain.LeadEvent;
import org.leadflow.lead.domain.assignment.Assignment;
import org.leadflow.lead.domain.duplicates.DuplicateRule;
import org.leadflow.lead.persistence.LeadImports;
import org.leadflow.lead.persistence.LeadImports.ChunkCounts;
import org.leadflow.lead.domain.LeadImport;
import org.leadflow.lead.persistence.LeadImports.OutcomeRow;
import org.leadflow.lead.domain.LeadImport.ReportRow;
import org.leadflow.lead.persistence.LeadRepository;
import org.leadflow.lead.service.LeadEventRecorder;
import org.leadflow.web.security.Caller;
import org.leadflow.web.security.Roles;

/**
 * Imports one chunk of an import's rows, in one transaction: each valid row is created as {@link
 * CreateLead} creates a lead — owner (the row's, the import's, the assignment rules', else the
 * importer's), duplicate rules (block: reported, not created; warn: created and reported with the
 * candidates), readiness, history ("created", with the import's id) and {@code leadflow.lead.created.v1}
 * — and put in the historical outcome the row brings; the report rows and the import's counts are
 * written with them. Duplicate checks, readiness and the rules are read once per chunk; inserts are
 * batched.
 */
@ApplicationScoped
public class ImportChunk implements CommandHandler<ImportChunk.Command, ChunkCounts> {

  /** @param claimUntil how long the job's claim is extended by this chunk */
  public record Command(LeadImport job, ImportOptions options, List<ImportRow> rows, Instant claimUntil) {}

  static final String FOR_ANOTHER_OWNER = "ownerId: only a sales manager, an admin or an integration may import leads for another owner";

  @Inject LeadRepository leads;
  @Inject LeadChanges changes;
  @Inject DuplicateLeads duplicates;
  @Inject AssignLeads assignments;
  @Inject LeadReadiness readiness;
  @Inject LeadEventRecorder recorder;
  @Inject LeadImports imports;

  /** A row that passed validation and the owner check, on its way to becoming a lead. */
  private record Candidate(ImportRow row, String owner) {}

  @Override
  public Uni<ChunkCounts> handle(Command command) {
    LeadImport job = command.job();
    Caller caller = new Caller(job.ownerId(), job.ownerName(), job.ownerRoles());
    boolean importsForOthers = caller.mayAssignOwners() || caller.has(Roles.ADMIN);
    List<ReportRow> report = new ArrayList<>();
    List<Candidate> candidates = new ArrayList<>();
    for (ImportRow row : command.rows()) {
      if (!row.isValid()) {
        report.add(new ReportRow(row.number(), "INVALID", null, String.join("; ", row.reasons()), null));
        continue;
      }
      String owner = row.edit().ownerId() != null ? row.edit().ownerId() : command.options().ownerId();
      if (owner != null && !owner.equals(caller.id()) && !importsForOthers) {
        report.add(new ReportRow(row.number(), "INVALID", null, FOR_ANOTHER_OWNER, null));
      } else {
        candidates.add(new Candidate(row, owner));
      }
    }
    List<LeadDetails> details = candidates.stream().map(candidate -> candidate.row().edit().details()).toList();
    List<Integer> numbers = candidates.stream().map(candidate -> candidate.row().number()).toList();
    return duplicates
        .checkEach(numbers, details, caller)
        .chain(verdicts -> {
          List<Candidate> kept = new ArrayList<>();
          List<DuplicateLeads.Verdict> keptVerdicts = new ArrayList<>();
          for (int i = 0; i < candidates.size(); i++) {
            DuplicateLeads.Verdict verdict = verdicts.get(i);
            if (verdict.blocked()) {
              report.add(new ReportRow(candidates.get(i).row().number(), "DUPLICATE", null, duplicateReason(verdict, "blocked"), candidateList(verdict)));
            } else {
              kept.add(candidates.get(i));
              keptVerdicts.add(verdict);
            }
          }
          List<Integer> unowned = new ArrayList<>();
          for (int i = 0; i < kept.size(); i++) {
            if (kept.get(i).owner() == null && command.options().assignByRules() && importsForOthers) {
              unowned.add(i);
            }
          }
          return assignments
              .assignEach(unowned.stream().map(i -> kept.get(i).row().edit().details()).toList())
              .chain(assigned -> create(command, caller, kept, keptVerdicts, unowned, assigned, report));
        });
  }

  private Uni<ChunkCounts> create(
      Command command,
      Caller caller,
      List<Candidate> kept,
      List<DuplicateLeads.Verdict> verdicts,
      List<Integer> unowned,
      List<Optional<Assignment>> assigned,
      List<ReportRow> report) {
    LeadImport job = command.job();
    Actor actor = new Actor(caller.id(), caller.name(), Actor.Channel.IMPORT);
    Instant now = changes.now();
    String importNote = "import " + job.id();
    List<Lead> created = new ArrayList<>();
    List<List<LeadEvent>> events = new ArrayList<>();
    List<OutcomeRow> outcomes = new ArrayList<>();
    int warned = 0;
    // Which of the kept rows the rules assigned, by the row's place among those kept.
    Assignment[] assignmentOf = new Assignment[kept.size()];
    for (int at = 0; at < unowned.size(); at++) {
      assignmentOf[unowned.get(at)] = assigned.get(at).orElse(null);
    }
    for (int i = 0; i < kept.size(); i++) {
      Candidate candidate = kept.get(i);
      Assignment assignment = assignmentOf[i];
      String owner = assignment != null ? assignment.ownerId() : candidate.owner() != null ? candidate.owner() : caller.id();
      LeadEdit edit = candidate.row().edit();
      Lead lead = Lead.capture(edit.details(), edit.qualification(), owner, actor, now);
      List<LeadEvent> happened = new ArrayList<>(List.of(LeadEvent.Captured.imported(lead, actor, assignment, job.id())));
      HistoricalOutcome outcome = candidate.row().outcome();
      if (outcome != null) {
        happened.addAll(outcome.applyTo(lead, importNote, actor, now));
        outcomes.add(new OutcomeRow(lead.id(), outcome.kind().name(), outcome.reason() == null ? null : outcome.reason().name(), outcome.note(), outcome.on()));
      }
      created.add(lead);
      events.add(happened);
      DuplicateLeads.Verdict verdict = verdicts.get(i);
      if (verdict.found()) {
        warned++;
        report.add(new ReportRow(candidate.row().number(), "WARNED", lead.id(), duplicateReason(verdict, "warned"), candidateList(verdict)));
      } else {
        report.add(new ReportRow(candidate.row().number(), "CREATED", lead.id(), null, null));
      }
    }
    report.sort((a, b) -> Integer.compare(a.rowNumber(), b.rowNumber()));
    long invalid = report.stream().filter(row -> row.outcome().equals("INVALID")).count();
    long blocked = report.stream().filter(row -> row.outcome().equals("DUPLICATE")).count();
    ChunkCounts counts = new ChunkCounts(command.rows().size(), created.size(), (int) blocked, warned, (int) invalid);
    // The leads are inserted (in batches) and then let go of: every later statement of the
    // transaction and the commit would otherwise walk and dirty-check each of them again. Their history
    // entries and events follow in one statement each, each lead's in order.
    return readiness
        .measureAll(created, now)
        .chain(() -> leads.persist(created))
        .chain(leads::flush)
        .chain(() -> Panache.getSession().invoke(Mutiny.Session::clear))
        .chain(() -> recorder.recordAll(created, events))
        .chain(() -> imports.chunkDone(job.id(), counts, report, outcomes, command.claimUntil()))
        .replaceWith(counts);
  }

  private static String duplicateReason(DuplicateLeads.Verdict verdict, String how) {
    return "possible duplicate (" + how + "): matched by "
        + verdict.matchedBy().stream().map(DuplicateRule::key).collect(Collectors.joining(", "));
  }

  /** The leads found (by id) and the earlier rows of the file, as the report lists them. */
  private static String candidateList(DuplicateLeads.Verdict verdict) {
    return Stream.concat(verdict.leads().stream().map(UUID::toString), verdict.rows().stream().map(row -> "row " + row))
        .collect(Collectors.joining(" "));
  }
}
