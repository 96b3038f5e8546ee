package org.leadflow.lead.enrichment;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.leadflow.lead.config.EnrichmentConfig;
import org.leadflow.lead.domain.enrichment.CountryNames;
import org.leadflow.lead.domain.enrichment.DomainLists;
import org.leadflow.lead.domain.enrichment.Enrichers;
import org.leadflow.lead.domain.enrichment.JobTitleRules;

/**
 * The lists and the rules table enrichment works with: shipped with lead-service
 * ({@code duplicates/free-mail-domains.txt}, which duplicate detection reads too;
 * {@code enrichment/disposable-domains.txt}; {@code enrichment/job-title-rules.txt}), each replaced by
 * a file when its {@code leadflow.enrichment.*-file} is set. Such a file is checked every {@code
 * leadflow.enrichment.lists-check-interval} and read again when it changed; one that cannot be read
 * leaves the lists as they were (logged).
 */
@ApplicationScoped
@Startup
public class EnrichmentRules {

  private static final Logger LOG = Logger.getLogger(EnrichmentRules.class);
  static final String FREE_MAIL = "/duplicates/free-mail-domains.txt";
  static final String DISPOSABLE = "/enrichment/disposable-domains.txt";
  static final String JOB_TITLES = "/enrichment/job-title-rules.txt";

  @Inject EnrichmentConfig config;

  private final Map<String, FileTime> seen = new HashMap<>();
  private volatile DomainLists domains;
  private volatile JobTitleRules titles;

  /** Read at start, off the event loop; a list or table that cannot be read stops the start. */
  @PostConstruct
  void load() {
    reload();
    CountryNames.code("warm up the country names");
  }

  /** The free-mail and disposable domains in force. */
  public DomainLists domains() {
    return domains;
  }

  /** The enrichers with the lists and rules in force. */
  public Enrichers enrichers() {
    return new Enrichers(domains, titles);
  }

  @Scheduled(every = "${leadflow.enrichment.lists-check-interval:1m}", delayed = "${leadflow.enrichment.lists-check-interval:1m}")
  synchronized void reload() {
    try {
      Set<String> freeMail = domainsIn(lines(config.freeMailDomainsFile(), FREE_MAIL));
      Set<String> disposable = domainsIn(lines(config.disposableDomainsFile(), DISPOSABLE));
      JobTitleRules rules = JobTitleRules.parse(lines(config.jobTitleRulesFile(), JOB_TITLES));
      domains = new DomainLists(freeMail, disposable);
      titles = rules;
    } catch (RuntimeException e) {
      if (domains == null || titles == null) {
        throw e;
      }
      LOG.warnf("Enrichment lists not reloaded, the ones in force stay: %s", e.getMessage());
    }
  }

  private List<String> lines(Optional<String> file, String shipped) {
    if (file.isPresent()) {
      Path path = Path.of(file.get());
      try {
        FileTime modified = Files.getLastModifiedTime(path);
        if (!modified.equals(seen.put(path.toString(), modified))) {
          LOG.infof("Enrichment reads %s", path);
        }
        return Files.readAllLines(path, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + path, e);
      }
    }
    try (InputStream in = EnrichmentRules.class.getResourceAsStream(shipped)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Set<String> domainsIn(List<String> lines) {
    return lines.stream()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .map(line -> line.toLowerCase(Locale.ROOT))
        .collect(Collectors.toUnmodifiableSet());
  }
}
