package io.github.cpt4j.benchmarks.baseline;

import java.util.regex.Pattern;

/**
 * The regular-expression baseline: the pattern a user finds for "CPT or HCPCS code". What they
 * write next to classify a code is in {@link CodeText}.
 *
 * <p>The pattern accepts exactly what cpt4j accepts: the Level II letters are {@code A}-{@code V}
 * without {@code I} and {@code O}, which HCPCS does not use. Until 2026-11-30 it was the common
 * {@code [A-V]}, a looser contract than the library's; the benchmark key mixes avoided the two
 * letters, so the figures are comparable across the change.
 */
public final class RegexCodes {

  /** A CPT code (four digits and a digit or suffix letter) or a Level II code. */
  public static final Pattern CODE = Pattern.compile("^\\d{4}[0-9AFMTU]$|^[A-HJ-NP-V]\\d{4}$");

  /** A claim line of one code and at most one modifier: {@code 99213}, {@code 71046-26}. */
  public static final Pattern LINE =
      Pattern.compile("^(?:\\d{4}[0-9AFMTU]|[A-HJ-NP-V]\\d{4})(?:-[0-9A-Z]{2})?$");

  private RegexCodes() {}

  /** Tells whether {@code text} has the shape of a code. */
  public static boolean isValid(String text) {
    return CODE.matcher(text).matches();
  }

  /**
   * Returns the canonical code text, which is what a regex user keeps as "the code".
   *
   * @throws IllegalArgumentException if {@code text} is not a code
   */
  public static String parse(String text) {
    if (!isValid(text)) {
      throw new IllegalArgumentException("not a procedure code: " + text);
    }
    return text;
  }

  /** Returns the code text, or null if it is not a code. */
  public static String tryParse(String text) {
    return isValid(text) ? text : null;
  }
}
