package io.github.cpt4j.claim;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.code.CodeFormatException.ErrorType;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.modifier.CodeWithModifiers;
import io.github.cpt4j.modifier.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One line of a claim: a procedure code, up to four modifiers in billed order, and units.
 *
 * <p>Immutable and thread-safe. A line may carry modifiers that break the modifier rules (a
 * repeated modifier, 26 with TC); it is the job of {@link
 * io.github.cpt4j.modifier.ModifierRules#check(CodeWithModifiers)}, not of this value, to report
 * them, so that every violation can be reported at once.
 *
 * <h2>Grammar</h2>
 *
 * {@link #parse(CharSequence)} reads the forms people type:
 *
 * <pre>
 * line     = code *( separator modifier ) [ 1*space "x" units ]
 * separator = "-" / 1*space          ; spaces around a hyphen are allowed
 * units    = 1*4DIGIT                ; 1 to 9999
 * </pre>
 *
 * <p>Surrounding white space is ignored and letters may be lower case, with one exception: a final
 * token of a lower-case {@code x} followed by digits is always the units, so the modifiers {@code
 * X1}-{@code X5} must then be written in upper case. Examples: {@code 27447-RT}, {@code
 * 99213-25-59}, {@code 99213 25}, {@code 71046-26 x2}. {@link #toString()} writes the canonical
 * form, {@code CODE[-MOD]...[ xUNITS]}, with units only when more than one.
 *
 * <pre>{@code
 * ClaimLine line = ClaimLine.parse("71046-26 x2");
 * line.code();        // 71046
 * line.modifiers();   // [26]
 * line.units();       // 2
 * }</pre>
 */
public final class ClaimLine implements CodeWithModifiers {

  /** The most modifiers one line can carry: the CMS-1500 form has four slots. */
  public static final int MAX_MODIFIERS = 4;

  /** The largest number of units a line may carry. */
  public static final int MAX_UNITS = 9_999;

  private final ProcedureCode code;
  private final ImmutableList<Modifier> modifiers;
  private final int units;

  private ClaimLine(ProcedureCode code, ImmutableList<Modifier> modifiers, int units) {
    this.code = code;
    this.modifiers = modifiers;
    this.units = units;
  }

  /** Returns a line of one unit of {@code code} with the given modifiers, in billed order. */
  public static ClaimLine of(ProcedureCode code, Modifier... modifiers) {
    return of(code, List.of(modifiers), 1);
  }

  /**
   * Returns a line.
   *
   * @throws IllegalArgumentException if there are more than {@value #MAX_MODIFIERS} modifiers or
   *     {@code units} is not 1 to {@value #MAX_UNITS}
   */
  public static ClaimLine of(ProcedureCode code, List<Modifier> modifiers, int units) {
    requireNonNull(code, "code");
    ImmutableList<Modifier> copy = ImmutableList.copyOf(requireNonNull(modifiers, "modifiers"));
    if (copy.size() > MAX_MODIFIERS) {
      throw new IllegalArgumentException(
          "a claim line has at most " + MAX_MODIFIERS + " modifiers, not " + copy.size());
    }
    if (units < 1 || units > MAX_UNITS) {
      throw new IllegalArgumentException("units must be 1 to " + MAX_UNITS + ", not " + units);
    }
    return new ClaimLine(code, copy, units);
  }

  /**
   * Parses a claim line in the grammar documented on this class.
   *
   * @throws CodeFormatException with the type of the problem and its index in {@code text}
   */
  public static ClaimLine parse(CharSequence text) {
    requireNonNull(text, "text");
    int end = text.length();
    int pos = skipSpaces(text, 0, end);
    while (end > pos && isSpace(text.charAt(end - 1))) {
      end--;
    }
    if (pos == end) {
      throw new CodeFormatException("expected a code such as 99213-25", text, 0, ErrorType.EMPTY);
    }
    int codeEnd = tokenEnd(text, pos, end);
    ProcedureCode code = parseCode(text, pos, codeEnd);
    Modifier[] modifiers = null; // most lines have none: no builder, no array
    int count = 0;
    int units = 1;
    pos = codeEnd;
    while (pos < end) {
      boolean hyphen = false;
      int next = skipSpaces(text, pos, end);
      boolean spaced = next > pos;
      if (next < end && text.charAt(next) == '-') {
        hyphen = true;
        next = skipSpaces(text, next + 1, end);
      }
      int tokenEnd = tokenEnd(text, next, end);
      if (!hyphen && spaced && isUnits(text, next, tokenEnd) && tokenEnd == end) {
        units = parseUnits(text, next + 1, tokenEnd);
        break;
      }
      if (count == MAX_MODIFIERS) {
        throw new CodeFormatException(
            "a claim line has at most four modifiers", text, next, ErrorType.TOO_MANY_MODIFIERS);
      }
      if (modifiers == null) {
        modifiers = new Modifier[MAX_MODIFIERS];
      }
      modifiers[count++] = Modifier.parseLenient(text, next, tokenEnd);
      pos = tokenEnd;
    }
    return new ClaimLine(code, listOf(modifiers, count), units);
  }

  /**
   * Parses a claim line as {@link #parse(CharSequence)} does, returning empty instead of throwing.
   * Never throws, for any input: {@code null} gives empty.
   */
  public static Optional<ClaimLine> tryParse(CharSequence text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(parse(text));
    } catch (CodeFormatException e) {
      // The grammar is checked in one place, parse; a bad line is the rare case here.
      return Optional.empty();
    }
  }

  /**
   * Same as {@link #parse(CharSequence)}, under the name frameworks such as Spring look for when
   * they convert a string to a value.
   *
   * @throws CodeFormatException with the type of the problem and its index in {@code text}
   */
  public static ClaimLine valueOf(String text) {
    return parse(text);
  }

  private static ImmutableList<Modifier> listOf(Modifier[] modifiers, int count) {
    switch (count) {
      case 0:
        return ImmutableList.of();
      case 1:
        return ImmutableList.of(modifiers[0]);
      default:
        return ImmutableList.copyOf(Arrays.asList(modifiers).subList(0, count));
    }
  }

  private static ProcedureCode parseCode(CharSequence text, int start, int end) {
    try {
      return ProcedureCode.parseLenient(text.subSequence(start, end));
    } catch (CodeFormatException e) {
      throw new CodeFormatException(
          "the code before the modifiers " + e.errorType().phrase(),
          text,
          start + e.errorIndex(),
          e.errorType());
    }
  }

  private static boolean isUnits(CharSequence text, int start, int end) {
    if (end - start < 2 || text.charAt(start) != 'x') {
      return false;
    }
    for (int i = start + 1; i < end; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static int parseUnits(CharSequence text, int start, int end) {
    if (end - start > 4) {
      throw new CodeFormatException(
          "units are 1 to " + MAX_UNITS, text, start, ErrorType.BAD_UNITS);
    }
    int units = 0;
    for (int i = start; i < end; i++) {
      units = units * 10 + text.charAt(i) - '0';
    }
    if (units < 1) {
      throw new CodeFormatException(
          "units are 1 to " + MAX_UNITS, text, start, ErrorType.BAD_UNITS);
    }
    return units;
  }

  private static int tokenEnd(CharSequence text, int start, int end) {
    int i = start;
    while (i < end && text.charAt(i) != '-' && !isSpace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static int skipSpaces(CharSequence text, int start, int end) {
    int i = start;
    while (i < end && isSpace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  /** Returns the procedure code. */
  @Override
  public ProcedureCode code() {
    return code;
  }

  /** Returns the modifiers in billed order; empty when there are none. */
  @Override
  public ImmutableList<Modifier> modifiers() {
    return modifiers;
  }

  /** Tells whether the line carries {@code modifier}. */
  public boolean hasModifier(Modifier modifier) {
    return modifiers.contains(requireNonNull(modifier, "modifier"));
  }

  /** Returns the units, at least 1. */
  public int units() {
    return units;
  }

  /** Returns a copy of this line with other units. */
  public ClaimLine withUnits(int units) {
    return of(code, modifiers, units);
  }

  /** Returns a copy of this line with other modifiers. */
  public ClaimLine withModifiers(List<Modifier> modifiers) {
    return of(code, modifiers, units);
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof ClaimLine)) {
      return false;
    }
    ClaimLine that = (ClaimLine) other;
    return code.equals(that.code) && modifiers.equals(that.modifiers) && units == that.units;
  }

  @Override
  public int hashCode() {
    return (code.hashCode() * 31 + modifiers.hashCode()) * 31 + units;
  }

  /** Returns the canonical form, such as {@code 71046-26 x2}, which {@link #parse} reads back. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(16).append(code);
    for (Modifier modifier : modifiers) {
      sb.append('-').append(modifier);
    }
    if (units > 1) {
      sb.append(" x").append(units);
    }
    return sb.toString();
  }
}
