package org.leadflow.opportunity.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * The internet domain of a website or an email address, and whether it says anything about the
 * organisation behind it: a free-mail domain (gmail.com, outlook.com, ...) is shared by millions of
 * unrelated people and never identifies an account.
 */
public final class InternetDomains {

  private static final Set<String> FREE_MAIL =
      Set.of(
          "gmail.com", "googlemail.com", "yahoo.com", "yahoo.co.uk", "yahoo.fr", "yahoo.de", "yahoo.es",
          "yahoo.it", "ymail.com", "rocketmail.com", "hotmail.com", "hotmail.co.uk", "hotmail.fr",
          "hotmail.de", "hotmail.it", "hotmail.es", "outlook.com", "outlook.de", "outlook.fr", "live.com",
          "live.co.uk", "live.de", "live.fr", "msn.com", "aol.com", "aol.de", "icloud.com", "me.com",
          "mac.com", "gmx.de", "gmx.net", "gmx.com", "gmx.at", "gmx.ch", "web.de", "t-online.de",
          "freenet.de", "posteo.de", "mail.de", "yandex.com", "yandex.ru", "mail.ru", "rambler.ru",
          "protonmail.com", "protonmail.ch", "proton.me", "pm.me", "tutanota.com", "tuta.io",
          "fastmail.com", "hey.com", "zoho.com", "zohomail.com", "mail.com", "email.com", "inbox.com",
          "qq.com", "163.com", "126.com", "sina.com", "naver.com", "daum.net", "orange.fr", "wanadoo.fr",
          "free.fr", "laposte.net", "sfr.fr", "libero.it", "virgilio.it", "alice.it", "tiscali.it",
          "btinternet.com", "sky.com", "virginmedia.com", "comcast.net", "verizon.net", "att.net",
          "sbcglobal.net", "bluewin.ch", "seznam.cz", "wp.pl", "o2.pl", "onet.pl", "interia.pl",
          "rediffmail.com", "bigpond.com", "shaw.ca", "rogers.com", "telus.net", "uol.com.br",
          "bol.com.br", "terra.com.br");

  private InternetDomains() {}

  /**
   * The host of a website, lower-case and without {@code www.}: "https://www.Example.com/about" and
   * "example.com" are both {@code example.com}. Null when the text names no host.
   */
  public static String ofWebsite(String website) {
    if (website == null || website.isBlank()) {
      return null;
    }
    String text = website.strip();
    if (!text.contains("://")) {
      text = "http://" + text;
    }
    String host;
    try {
      host = new URI(text.replace(" ", "%20")).getHost();
    } catch (URISyntaxException e) {
      return null;
    }
    return host == null ? null : cleanHost(host);
  }

  /** The domain of an email address, lower-case; null when it has none. */
  public static String ofEmail(String email) {
    if (email == null) {
      return null;
    }
    int at = email.lastIndexOf('@');
    return at < 0 ? null : cleanHost(email.substring(at + 1));
  }

  public static boolean isFreeMail(String domain) {
    return domain != null && FREE_MAIL.contains(domain);
  }

  /** The domain when it identifies an organisation, else null (free mail, or no domain at all). */
  public static String organisational(String domain) {
    return domain == null || isFreeMail(domain) ? null : domain;
  }

  private static String cleanHost(String host) {
    String domain = host.strip().toLowerCase(Locale.ROOT);
    while (domain.endsWith(".")) {
      domain = domain.substring(0, domain.length() - 1);
    }
    if (domain.startsWith("www.")) {
      domain = domain.substring(4);
    }
    return domain.contains(".") && !domain.startsWith(".") ? domain : null;
  }
}
