package io.github.cpt4j.cli.price;

import static java.util.Objects.requireNonNull;

import com.google.common.base.Ascii;
import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.fee.PractitionerType;
import io.github.cpt4j.text.Blanks;
import java.util.Optional;

/**
 * Reads a {@link PractitionerType} as the command line writes it: an id or a constant name ({@code
 * np}, {@code NURSE_PRACTITIONER}), or the provider taxonomy code a claims export carries ({@code
 * 363L00000X}), so that a file need not be translated to cpt4j's ids first.
 */
public final class Practitioners {

  private Practitioners() {}

  /**
   * Parses a practitioner type's id or name ({@link PractitionerType#parse}), or a NUCC provider
   * taxonomy code ({@link PractitionerType#fromTaxonomy}) in either case of its ASCII letters: text
   * of ten characters ending in {@code X} or {@code x} whose first is a digit, as no id is. Blanks
   * around it are ignored as {@link PractitionerType#parse} ignores them.
   *
   * @throws IllegalArgumentException with a message saying what the text is not: no type, a code of
   *     the wrong shape, or the code of a provider Medicare pays no share of the physician fee
   *     schedule to (a registered nurse), whose lines cpt4j will not price as a physician's
   */
  public static PractitionerType parse(String text) {
    requireNonNull(text, "text");
    // The blanks PractitionerType.parse allows, not WhiteSpace: a line break is no blank.
    String s = Blanks.strip(text);
    boolean taxonomy =
        s.length() == 10
            && s.charAt(0) >= '0'
            && s.charAt(0) <= '9'
            && (s.charAt(9) == 'X' || s.charAt(9) == 'x');
    if (!taxonomy) {
      return PractitionerType.parse(text);
    }
    return fromTaxonomy(s)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "the provider taxonomy code "
                        + CodeFormatException.quote(s)
                        + " is of no practitioner Medicare pays a share of the physician fee"
                        + " schedule to (such as a registered nurse or a facility): give the type"
                        + " of who furnished the service, such as physician or np"));
  }

  /**
   * Reads a NUCC provider taxonomy code as {@link PractitionerType#fromTaxonomy} does, but in
   * either case of its ASCII letters and with blanks around it, as the command line reads its ids:
   * {@code 363lf0000x} is a nurse practitioner's code.
   *
   * @throws IllegalArgumentException if the text is not shaped as a code, quoting it as given
   */
  public static Optional<PractitionerType> fromTaxonomy(String text) {
    String s = Blanks.strip(requireNonNull(text, "text"));
    // Only ASCII letters are upper-cased, so that a non-ASCII letter stays one and is refused.
    try {
      return PractitionerType.fromTaxonomy(Ascii.toUpperCase(s));
    } catch (IllegalArgumentException e) {
      // Quoted as given, not as upper-cased: lower case is no fault here.
      throw new IllegalArgumentException(
          "not a provider taxonomy code: "
              + CodeFormatException.quote(s)
              + "; expected ten characters, nine digits or letters and an X, as 363LF0000X",
          e);
    }
  }
}
