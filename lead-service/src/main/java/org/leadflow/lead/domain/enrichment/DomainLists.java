package org.leadflow.lead.domain.enrichment;

import java.util.Locale;
import java.util.Set;

/**
 * The free-mail domains (an address there says nothing about a company) and the disposable ones
 * (throw-away mailboxes). A subdomain counts as its domain: {@code mail.yopmail.com} is disposable
 * when {@code yopmail.com} is.
 */
public record DomainLists(Set<String> freeMail, Set<String> disposable) {

  public DomainLists {
    freeMail = Set.copyOf(freeMail);
    disposable = Set.copyOf(disposable);
  }

  public boolean isFreeMail(String domain) {
    return listed(freeMail, domain);
  }

  public boolean isDisposable(String domain) {
    return listed(disposable, domain);
  }

  private static boolean listed(Set<String> list, String domain) {
    String candidate = domain.toLowerCase(Locale.ROOT);
    while (true) {
      if (list.contains(candidate)) {
        return true;
      }
      int dot = candidate.indexOf('.');
      if (dot < 0 || candidate.indexOf('.', dot + 1) < 0) {
        return false;
      }
      candidate = candidate.substring(dot + 1);
    }
  }
}
