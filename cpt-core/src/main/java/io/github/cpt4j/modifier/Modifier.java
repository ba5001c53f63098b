package io.github.cpt4j.modifier;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.code.CodeFormatException.ErrorType;
import io.github.cpt4j.text.WhiteSpace;
import java.util.Optional;

/**
 * A two-character procedure modifier, {@code [0-9A-Z]{2}}, such as {@code 26}, {@code TC} or {@code
 * RT}.
 *
 * <p>Every one of the 1,296 well-formed modifiers exists exactly once, so parsing never allocates
 * and instances may be compared with {@code ==} as well as {@code equals}. Whether a modifier is
 * one the registry knows, and what it means, is the business of the modifier registry; an unknown
 * but well-formed modifier is still a {@code Modifier}.
 *
 * <pre>{@code
 * Modifier pc = Modifier.parse("26");
 * pc == Modifier.PROFESSIONAL_COMPONENT;   // true
 * Modifier.isValid("rt");                  // false: strict form is upper case
 * pc.info().map(ModifierInfo::kind);       // Optional[CPT]
 * Modifier.parse("P7").isKnown();          // false: well-formed but not in the registry
 * }</pre>
 */
public final class Modifier implements Comparable<Modifier> {

  private static final int RADIX = 36;

  /** The number of well-formed modifiers, 36 * 36 = 1,296: the bound of {@link #ordinal()}. */
  public static final int COUNT = RADIX * RADIX;

  private static final Modifier[] ALL = new Modifier[COUNT];

  static {
    for (int i = 0; i < ALL.length; i++) {
      ALL[i] = new Modifier(i);
    }
  }

  /** 22: increased procedural services (carrier-priced). */
  public static final Modifier INCREASED_SERVICES = parse("22");

  /** 25: significant, separately identifiable E/M service on the day of a procedure. */
  public static final Modifier SEPARATE_EM = parse("25");

  /** 26: professional component of a diagnostic test. */
  public static final Modifier PROFESSIONAL_COMPONENT = parse("26");

  /** 50: bilateral procedure. */
  public static final Modifier BILATERAL = parse("50");

  /** 51: multiple procedures. */
  public static final Modifier MULTIPLE_PROCEDURES = parse("51");

  /** 52: reduced services (carrier-priced). */
  public static final Modifier REDUCED_SERVICES = parse("52");

  /** 53: discontinued procedure. */
  public static final Modifier DISCONTINUED = parse("53");

  /** 54: surgical care only. */
  public static final Modifier SURGICAL_CARE_ONLY = parse("54");

  /** 55: postoperative management only. */
  public static final Modifier POSTOPERATIVE_CARE_ONLY = parse("55");

  /** 56: preoperative management only. */
  public static final Modifier PREOPERATIVE_CARE_ONLY = parse("56");

  /** 59: distinct procedural service. */
  public static final Modifier DISTINCT_SERVICE = parse("59");

  /** 62: two surgeons (co-surgery). */
  public static final Modifier CO_SURGEONS = parse("62");

  /** 66: surgical team. */
  public static final Modifier TEAM_SURGERY = parse("66");

  /** 80: assistant surgeon. */
  public static final Modifier ASSISTANT_SURGEON = parse("80");

  /** 81: minimum assistant surgeon. */
  public static final Modifier MINIMUM_ASSISTANT_SURGEON = parse("81");

  /** 82: assistant surgeon when no qualified resident is available. */
  public static final Modifier ASSISTANT_SURGEON_NO_RESIDENT = parse("82");

  /** AS: non-physician assistant at surgery (PA, NP, CNS). */
  public static final Modifier NON_PHYSICIAN_ASSISTANT = parse("AS");

  /** LT: left side. */
  public static final Modifier LEFT_SIDE = parse("LT");

  /** RT: right side. */
  public static final Modifier RIGHT_SIDE = parse("RT");

  /** TC: technical component of a diagnostic test. */
  public static final Modifier TECHNICAL_COMPONENT = parse("TC");

  /** FX: an X-ray taken on film, paid a reduced technical component. */
  public static final Modifier FILM_X_RAY = parse("FX");

  /** FY: an X-ray taken by computed radiography, paid a reduced technical component. */
  public static final Modifier COMPUTED_RADIOGRAPHY = parse("FY");

  /** CT: a CT scan on equipment below the NEMA XR-29 standard, paid a reduced TC. */
  public static final Modifier CT_EQUIPMENT_NOT_STANDARD = parse("CT");

  /** CQ: physical therapy furnished in whole or in part by a therapy assistant, paid 85%. */
  public static final Modifier PHYSICAL_THERAPY_ASSISTANT = parse("CQ");

  /** CO: occupational therapy furnished in whole or in part by a therapy assistant, paid 85%. */
  public static final Modifier OCCUPATIONAL_THERAPY_ASSISTANT = parse("CO");

  /**
   * PD: a service of an entity a hospital wholly owns or operates, in the 3 days before the
   * patient's admission there; paid the professional component or the facility rate.
   */
  public static final Modifier PAYMENT_WINDOW = parse("PD");

  private final int index;
  private final String text;

  private Modifier(int index) {
    this.index = index;
    this.text = new String(new char[] {digit(index / RADIX), digit(index % RADIX)});
  }

  /**
   * Parses a modifier in strict form: exactly two characters, each {@code 0-9} or {@code A-Z}.
   *
   * @param text two characters, such as {@code 26}
   * @return the modifier
   * @throws CodeFormatException with the type and index of the first problem, the first position at
   *     which the text can no longer be a modifier: blanks that lead the text or follow a
   *     well-formed modifier are {@code SURROUNDING_WHITESPACE} ({@code "26 "} at 2), and before
   *     trailing blanks that follow no modifier the error is that of the characters before them
   *     ({@code "!6 "} is an illegal character at 0)
   */
  public static Modifier parse(CharSequence text) {
    requireNonNull(text, "text");
    int encoded = scan(text, 0, text.length());
    if (encoded < 0) {
      throw firstProblem(text, encoded);
    }
    return ALL[encoded];
  }

  /**
   * The error of a strict parse that failed with the scan's error {@code encoded}. Blanks around a
   * modifier (" 26", "26 ") are reported as the code parsers report them, rather than as a wrong
   * length or an illegal character. Trailing blanks only when what they follow is a modifier: "!6 "
   * was once white space at 2, after the illegal character at 0 that the Javadoc promises.
   */
  private static CodeFormatException firstProblem(CharSequence text, int encoded) {
    int n = text.length();
    if (n > 0 && WhiteSpace.isSpace(text.charAt(0))) {
      return surroundingWhitespace(text, 0);
    }
    int at = n;
    while (at > 0 && WhiteSpace.isSpace(text.charAt(at - 1))) {
      at--;
    }
    if (at == n) {
      return exception(text, 0, encoded);
    }
    // Trailing blanks after text that is no modifier: that text's first error comes first.
    int inner = scan(text, 0, at);
    return inner >= 0 ? surroundingWhitespace(text, at) : exception(text, 0, inner);
  }

  private static CodeFormatException surroundingWhitespace(CharSequence text, int at) {
    return new CodeFormatException(
        "expected no white space: a modifier is exactly two characters",
        text,
        at,
        ErrorType.SURROUNDING_WHITESPACE);
  }

  /**
   * Parses a modifier strictly, returning empty instead of throwing. Never throws, for any input:
   * {@code null} gives empty.
   *
   * @param text the text to parse, or null
   * @return the modifier, or empty if {@code text} is null or not a strict modifier
   */
  public static Optional<Modifier> tryParse(CharSequence text) {
    int encoded = text == null ? -1 : scan(text, 0, text.length());
    return encoded < 0 ? Optional.empty() : Optional.of(ALL[encoded]);
  }

  /**
   * Tells whether {@code text} is a strict modifier, without throwing ({@code null} is not valid)
   * or allocating.
   *
   * @param text the text to test, or null
   * @return true if {@link #parse(CharSequence)} would accept {@code text}
   */
  public static boolean isValid(CharSequence text) {
    return text != null && scan(text, 0, text.length()) >= 0;
  }

  /**
   * Same as {@link #parse(CharSequence)}, under the name frameworks such as Spring look for when
   * they convert a string to a value.
   *
   * @param text two characters, such as {@code 26}
   * @return the modifier, as {@link #parse(CharSequence)} returns it
   * @throws CodeFormatException with the type and index of the first problem
   */
  public static Modifier valueOf(String text) {
    return parse(text);
  }

  /**
   * Parses {@code text[start, end)} as a modifier, accepting lower-case letters; indexes in the
   * exception refer to the whole {@code text}. For parsers of larger grammars such as claim lines.
   *
   * @param text the text holding the modifier
   * @param start the index of the slice's first character in {@code text}
   * @param end the index just past the slice's last character
   * @return the modifier, upper case
   * @throws CodeFormatException if the slice is not a modifier
   * @throws IndexOutOfBoundsException if {@code start} is negative, {@code end} is past the end of
   *     {@code text} or {@code start} is after {@code end}
   */
  public static Modifier parseLenient(CharSequence text, int start, int end) {
    requireNonNull(text, "text");
    if (start < 0 || end > text.length() || start > end) {
      throw new IndexOutOfBoundsException("[" + start + ", " + end + ") of " + text.length());
    }
    int encoded = scanLenient(text, start, end);
    if (encoded < 0) {
      throw exception(text, start, encoded);
    }
    return ALL[encoded];
  }

  /**
   * The lenient scan: lower-case letters are taken as upper case, so that an error points at what
   * is wrong even in lenient text ({@code r!} fails at the {@code !}, not at the {@code r}).
   */
  private static int scanLenient(CharSequence text, int start, int end) {
    int length = end - start;
    if (length == 2) {
      int hi = value(upper(text.charAt(start)));
      int lo = value(upper(text.charAt(start + 1)));
      if (hi >= 0 && lo >= 0) {
        return hi * RADIX + lo;
      }
    }
    return scan(text, start, end, true);
  }

  private static int scan(CharSequence text, int start, int end) {
    return scan(text, start, end, false);
  }

  /** Returns the index, or a negative {@code -(ordinal * 8 + offset) - 1} error code. */
  private static int scan(CharSequence text, int start, int end, boolean lenient) {
    int length = end - start;
    if (length == 0) {
      return error(ErrorType.EMPTY, 0);
    }
    int result = 0;
    for (int i = 0; i < Math.min(length, 2); i++) {
      char c = text.charAt(start + i);
      int v = value(lenient ? upper(c) : c);
      if (v < 0) {
        return error(c >= 'a' && c <= 'z' ? ErrorType.LOWER_CASE : ErrorType.ILLEGAL_CHARACTER, i);
      }
      result = result * RADIX + v;
    }
    if (length != 2) {
      return error(ErrorType.WRONG_LENGTH, Math.min(length, 2));
    }
    return result;
  }

  private static int error(ErrorType type, int offset) {
    return -(type.ordinal() * 8 + offset) - 1;
  }

  private static CodeFormatException exception(CharSequence text, int start, int encoded) {
    int code = -encoded - 1;
    ErrorType type = ErrorType.values()[code / 8];
    if (type == ErrorType.EMPTY && text.length() > 0) {
      // An empty slice of a longer text ("99213--25") is a modifier of no characters, not an empty
      // input: the message would say "'99213--25' is empty".
      type = ErrorType.WRONG_LENGTH;
    }
    String detail =
        type == ErrorType.EMPTY || type == ErrorType.WRONG_LENGTH
            ? "a modifier is exactly two characters"
            : "a modifier character is 0-9 or A-Z";
    return new CodeFormatException(detail, text, start + code % 8, type);
  }

  private static char upper(char c) {
    return c >= 'a' && c <= 'z' ? (char) (c - 32) : c;
  }

  private static int value(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'A' && c <= 'Z') {
      return c - 'A' + 10;
    }
    return -1;
  }

  private static char digit(int value) {
    return (char) (value < 10 ? '0' + value : 'A' + value - 10);
  }

  /**
   * {@return this modifier's position among all 1,296 modifiers, in the order of {@link
   * #compareTo}}: {@code 00} is 0, {@code ZZ} is 1295. Handy for bit sets and arrays.
   */
  public int ordinal() {
    return index;
  }

  /**
   * {@return the modifier at the given {@linkplain #ordinal() ordinal}}
   *
   * @param ordinal the position, 0 to 1295
   * @throws IllegalArgumentException if {@code ordinal} is not 0 to 1295
   */
  public static Modifier ofOrdinal(int ordinal) {
    if (ordinal < 0 || ordinal >= ALL.length) {
      throw new IllegalArgumentException("a modifier ordinal is 0-1295, not " + ordinal);
    }
    return ALL[ordinal];
  }

  /**
   * Returns what the {@linkplain ModifierRegistry#standard() standard registry} knows about this
   * modifier: its kind and a plain-language description, or empty if it is unknown. Never
   * allocates.
   *
   * @return the standard registry's entry for this modifier, or empty if it has none
   */
  public Optional<ModifierInfo> info() {
    return ModifierRegistry.standard().lookup(this);
  }

  /**
   * Tells whether the {@linkplain ModifierRegistry#standard() standard registry} knows this
   * modifier.
   *
   * @return true if the standard registry has an entry for this modifier
   */
  public boolean isKnown() {
    return info().isPresent();
  }

  /** Orders as the two-character strings do: digits before letters. */
  @Override
  public int compareTo(Modifier other) {
    return Integer.compare(index, other.index);
  }

  @Override
  public boolean equals(Object other) {
    return this == other;
  }

  @Override
  public int hashCode() {
    return index;
  }

  /** Returns the two-character form, such as {@code 26}. */
  @Override
  public String toString() {
    return text;
  }
}
