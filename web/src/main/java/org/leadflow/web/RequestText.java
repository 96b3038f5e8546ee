package org.leadflow.web;

/**
 * What no text reaching LeadFlow may contain, wherever it comes from (JSON bodies, query and path
 * parameters, headers): NUL, which PostgreSQL cannot store in text, and a UTF-16 surrogate without
 * its pair, which is no character at all (PostgreSQL would store "?" while the answer echoed it).
 */
public final class RequestText {

  public static final String REFUSAL = "must not contain NUL characters or unpaired surrogates";

  private RequestText() {}

  public static boolean isAcceptable(String text) {
    return text == null || firstUnacceptable(text) < 0;
  }

  /** The text with each unacceptable character replaced by U+FFFD, so that an answer can quote it. */
  public static String printable(String text) {
    if (isAcceptable(text)) {
      return text;
    }
    StringBuilder quoted = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 0 || isLone(text, i)) {
        quoted.append('\uFFFD');
      } else {
        quoted.append(c);
      }
    }
    return quoted.toString();
  }

  private static int firstUnacceptable(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 0 || isLone(text, i)) {
        return i;
      }
      if (Character.isHighSurrogate(c)) {
        i++; // its low surrogate follows (isLone said so)
      }
    }
    return -1;
  }

  private static boolean isLone(String text, int i) {
    char c = text.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
    }
    return false;
  }
}
