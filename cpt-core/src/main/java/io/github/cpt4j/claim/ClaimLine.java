package io.github.cpt4j.claim;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.code.CodeFormatException.ErrorType;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.modifier.CodeWithModifiers;
import io.github.cpt4j.modifier.Modifier;
import io.github.cpt4j.text.NullElements;
import io.github.cpt4j.text.WhiteSpace;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One line of a claim: a procedure code, up to four modifiers in billed order, units, and for
 * anesthesia the minutes of anesthesia time.
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
 * line     = code *( separator modifier ) [ 1*space "x" units ] [ 1*space minutes "min" ]
 * separator = "-" / 1*space          ; spaces around a hyphen are allowed
 * units    = 1*5DIGIT                ; 1 to 99999, a whole number; a lower-case x
 * minutes  = 1*4DIGIT                ; 1 to 9999: anesthesia time, as billed
 * </pre>
 *
 * <p>Surrounding white space is ignored and letters may be lower case, with one exception, so that
 * units and a modifier are never taken for each other: after a space (not a hyphen), a lower-case
 * {@code x} followed by digits is always the units, and after it only the minutes may follow
 * ({@code 99213 x2 25} is refused). The modifiers {@code X1}-{@code X5} (patient relationship) are
 * therefore written in upper case or after a hyphen ({@code 99213 X2} and {@code 99213-x2} are
 * modifier X2). After a space, an upper-case {@code X} followed by other digits ({@code J1100 X8}),
 * a number followed by an {@code x} ({@code J1100 8x}) and units with a decimal point or a
 * separator ({@code x0.5}, {@code x1,000}) are refused as {@link ErrorType#BAD_UNITS}: units are a
 * whole number written after a lower-case {@code x}. After a hyphen any two characters are a
 * modifier ({@code J1100-X8} is the modifier X8, which {@link #toString()} writes so). Examples:
 * {@code 27447-RT}, {@code 99213-25-59}, {@code 99213 25}, {@code 71046-26 x2}, {@code 00790-AA
 * 95min}. {@link #toString()} writes the canonical form, {@code CODE[-MOD]...[ xUNITS][
 * MINUTESmin]}, with units only when more than one and minutes only when the line has them.
 *
 * <h2>Anesthesia minutes</h2>
 *
 * Medicare pays anesthesia by its time: the claim reports the actual anesthesia time in minutes
 * (Medicare Claims Processing Manual, chapter 12, section 50.G), which {@link #minutes()} carries.
 * Other services have none; {@code "min"} may be written in any case.
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

  /**
   * The largest number of units a line may carry: five digits, as drugs billed by the international
   * unit need (a dose of a clotting factor runs to 10,000 units and more).
   */
  public static final int MAX_UNITS = 99_999;

  /** The largest number of anesthesia minutes a line may carry. */
  public static final int MAX_MINUTES = 9_999;

  /** {@link #minutes} when the line has none. */
  private static final int NO_MINUTES = 0;

  /**
   * The code object; null until {@link #code()} is first called on a line from the fast parse
   * ({@code parseCommonShape}). What it buys: pricers read only {@link #packedCode}, and leaving
   * the code object out of the parse takes a read of the code cache (a 1.3 MB array, so often a
   * cache miss) off every line priced from text (issue 18). Set without a lock, which is safe: it
   * only ever changes from null to the one cached, immutable code object of {@link #packedCode}.
   */
  private ProcedureCode code;

  /**
   * {@code code.packed()}, kept in the line (in the space the object's alignment leaves anyway):
   * pricers key their tables by it, and reading it here rather than from the code object takes a
   * dependent memory read off every line priced.
   */
  private final int packedCode;

  private final ImmutableList<Modifier> modifiers;
  private final int units;
  private final int minutes;

  private ClaimLine(ProcedureCode code, ImmutableList<Modifier> modifiers, int units, int minutes) {
    this(code, code.packed(), modifiers, units, minutes);
  }

  private ClaimLine(
      ProcedureCode code,
      int packedCode,
      ImmutableList<Modifier> modifiers,
      int units,
      int minutes) {
    this.code = code;
    this.packedCode = packedCode;
    this.modifiers = modifiers;
    this.units = units;
    this.minutes = minutes;
  }

  /**
   * {@return a line of one unit of {@code code} with the given modifiers, in billed order}
   *
   * @param code the procedure billed
   * @param modifiers its modifiers, in billed order; none for a line without
   * @throws IllegalArgumentException if there are more than {@value #MAX_MODIFIERS} modifiers
   */
  public static ClaimLine of(ProcedureCode code, Modifier... modifiers) {
    // Not List.of: its NullPointerException for a null modifier does not say which one.
    return of(code, Arrays.asList(requireNonNull(modifiers, "modifiers")), 1);
  }

  /**
   * Returns a line of {@code units} units of {@code code}, with no anesthesia minutes.
   *
   * @param code the procedure billed
   * @param modifiers its modifiers, in billed order; empty for a line without
   * @param units the number of units billed (the claim's days or units)
   * @return the line
   * @throws IllegalArgumentException if there are more than {@value #MAX_MODIFIERS} modifiers or
   *     {@code units} is not 1 to {@value #MAX_UNITS}
   */
  public static ClaimLine of(ProcedureCode code, List<Modifier> modifiers, int units) {
    requireNonNull(code, "code");
    // One pass, the message written only for a null modifier: lines are built on the hot path.
    ImmutableList<Modifier> copy =
        NullElements.copyOf(requireNonNull(modifiers, "modifiers"), "modifier");
    if (copy.size() > MAX_MODIFIERS) {
      throw new IllegalArgumentException(
          "a claim line has at most " + MAX_MODIFIERS + " modifiers, not " + copy.size());
    }
    if (units < 1 || units > MAX_UNITS) {
      throw new IllegalArgumentException("units must be 1 to " + MAX_UNITS + ", not " + units);
    }
    return new ClaimLine(code, copy, units, NO_MINUTES);
  }

  /**
   * Parses a claim line in the grammar documented on this class.
   *
   * @param text a line such as {@code 71046-26 x2} or {@code 00790-AA 95min}
   * @return the line
   * @throws CodeFormatException with the type of the problem and its index in {@code text}
   */
  public static ClaimLine parse(CharSequence text) {
    requireNonNull(text, "text");
    ClaimLine common = parseCommonShape(text);
    if (common != null) {
      return common;
    }
    return parse(text, 0, text.length());
  }

  /**
   * Parses the part of {@code text} from {@code start} (inclusive) to {@code end} (exclusive) as
   * {@link #parse(CharSequence)} parses a whole text, in place: for parsers of longer text, such as
   * a {@link BilledLine}, whose callers want the error in their own text. An exception's input is
   * the whole {@code text} and its error index an index in it.
   *
   * @throws CodeFormatException with the type of the problem and its index in {@code text}
   */
  static ClaimLine parse(CharSequence text, int start, int end) {
    int pos = skipSpaces(text, start, end);
    while (end > pos && WhiteSpace.isSpace(text.charAt(end - 1))) {
      end--;
    }
    if (pos == end) {
      throw new CodeFormatException(
          "expected a code such as 99213-25", text, start, ErrorType.EMPTY);
    }
    int codeEnd = tokenEnd(text, pos, end);
    ProcedureCode code = parseCode(text, pos, codeEnd, codeEnd < end);
    // Most lines have no modifier or one: no array until a second one.
    Modifier first = null;
    Modifier[] modifiers = null;
    int count = 0;
    int units = 1;
    int minutes = NO_MINUTES;
    pos = codeEnd;
    // The units and the minutes close the line, in that order: once one is read, only the minutes
    // may follow.
    boolean closing = false;
    while (pos < end) {
      boolean hyphen = false;
      int next = skipSpaces(text, pos, end);
      boolean spaced = next > pos;
      int hyphenAt = next;
      if (next < end && text.charAt(next) == '-') {
        hyphen = true;
        next = skipSpaces(text, next + 1, end);
      }
      int tokenEnd = tokenEnd(text, next, end);
      checkNotMinutesMiswritten(text, next, tokenEnd, end, hyphen ? hyphenAt : -1, spaced);
      if (!hyphen && spaced && isMinutes(text, next, tokenEnd)) {
        if (tokenEnd != end) {
          throw new CodeFormatException(
              "the anesthesia minutes end the line", text, tokenEnd, ErrorType.BAD_MINUTES);
        }
        minutes = parseMinutes(text, next, tokenEnd - 3);
        break;
      }
      if (!closing && !hyphen && spaced && isUnits(text, next, tokenEnd)) {
        // After a space, x and digits are the units wherever they stand: read as the modifier
        // X2 when more followed ("99213 x2 25"), they lost the units without a word.
        units = parseUnits(text, next + 1, tokenEnd);
        closing = true;
        pos = tokenEnd;
        continue;
      }
      if (closing) {
        // Two letters or digits after the units are a modifier written late ("99213 x2 25").
        boolean modifier =
            !hyphen
                && tokenEnd - next == 2
                && isLetterOrDigit(text.charAt(next))
                && isLetterOrDigit(text.charAt(next + 1));
        throw new CodeFormatException(
            "only the anesthesia minutes, such as 95min, may follow the units"
                + (modifier ? "; modifiers go before them: 99213-25 x2, not 99213 x2 25" : ""),
            text,
            next,
            ErrorType.BAD_MINUTES);
      }
      if (!hyphen && spaced && tokenEnd - next == 1 && text.charAt(next) == 'x') {
        // A lone x is no modifier (they are two characters) but units without their number: x-1,
        // x alone. Say so, rather than that a modifier has the wrong length.
        throw new CodeFormatException(
            "units are x and a number from 1 to " + MAX_UNITS + ", such as x2",
            text,
            tokenEnd < end ? tokenEnd : next,
            ErrorType.BAD_UNITS);
      }
      if (!hyphen && spaced) {
        checkNotUnitsMiswritten(text, next, tokenEnd);
        checkNotUnitsReversed(text, next, tokenEnd);
      }
      if (count == MAX_MODIFIERS) {
        throw new CodeFormatException(
            "a claim line has at most four modifiers", text, next, ErrorType.TOO_MANY_MODIFIERS);
      }
      Modifier modifier = Modifier.parseLenient(text, next, tokenEnd);
      if (count == 0) {
        first = modifier;
      } else {
        if (modifiers == null) {
          modifiers = new Modifier[MAX_MODIFIERS];
          modifiers[0] = first;
        }
        modifiers[count] = modifier;
      }
      count++;
      pos = tokenEnd;
    }
    ImmutableList<Modifier> list =
        switch (count) {
          case 0 -> ImmutableList.of();
          case 1 -> ImmutableList.of(first);
          default -> ImmutableList.copyOf(Arrays.asList(modifiers).subList(0, count));
        };
    return new ClaimLine(code, list, units, minutes);
  }

  /**
   * The two shapes nearly every line has, a canonical code alone ({@code 99213}) or with one
   * modifier ({@code 71046-26}), parsed without the general grammar's trimming and token scans;
   * null for anything else, which {@link #parse} then reads in full. What it buys: the general loop
   * tested every character for white space and re-scanned the tokens, a quarter of pricing a line
   * from text. Same result as the full parse: the code is read by the same canonical scan and the
   * modifier by the same {@code Modifier.parseLenient} call on the same two characters (which
   * throws what the full parse throws for them).
   */
  private static ClaimLine parseCommonShape(CharSequence text) {
    int length = text.length();
    if (length != 5 && !(length == 8 && text.charAt(5) == '-')) {
      return null;
    }
    int packed = ProcedureCode.packedOf(text, 0, 5);
    if (packed < 0) {
      return null;
    }
    // A canonical scan's packed value is always a code's, so code() cannot fail later.
    if (length == 5) {
      return new ClaimLine(null, packed, ImmutableList.of(), 1, NO_MINUTES);
    }
    char c6 = text.charAt(6);
    char c7 = text.charAt(7);
    // Printable ASCII other than the hyphen: the full grammar reads these two as one token.
    if (c6 <= ' ' || c6 >= 0x7F || c6 == '-' || c7 <= ' ' || c7 >= 0x7F || c7 == '-') {
      return null;
    }
    return new ClaimLine(
        null, packed, ImmutableList.of(Modifier.parseLenient(text, 6, 8)), 1, NO_MINUTES);
  }

  /**
   * Parses a claim line as {@link #parse(CharSequence)} does, returning empty instead of throwing.
   * Never throws, for any input: {@code null} gives empty.
   *
   * @param text the text to parse, or null
   * @return the line, or empty if {@code text} is null or not a claim line
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
   * @param text a line in the grammar documented on this class
   * @return the line, as {@link #parse(CharSequence)} returns it
   * @throws CodeFormatException with the type of the problem and its index in {@code text}
   */
  public static ClaimLine valueOf(String text) {
    return parse(text);
  }

  private static ProcedureCode parseCode(
      CharSequence text, int start, int end, boolean moreFollows) {
    try {
      return ProcedureCode.parseLenient(text, start, end);
    } catch (CodeFormatException e) {
      // "Before the modifiers" only where something follows the code; the code parser's own
      // words say what a code should be. A line is not empty when its code is ("-99213"): the code
      // has the wrong length, none.
      boolean missing = e.errorType() == ErrorType.EMPTY;
      throw new CodeFormatException(
          (moreFollows ? "the code before the modifiers " : "the code ")
              + (missing ? "is missing" : e.errorType().phrase())
              + " ("
              + e.detail()
              + ")",
          text,
          e.errorIndex(),
          missing ? ErrorType.WRONG_LENGTH : e.errorType());
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

  /**
   * Refuses, as the minutes they are, minutes written in a way the grammar does not read: signed
   * ({@code -5min}), a fraction ({@code 7.5min}), after a hyphen ({@code 00790-AA-60min}) or with a
   * space before {@code min} ({@code 60 min}). Read on, they were refused as a modifier of the
   * wrong length, which says nothing of the minutes. {@code hyphenAt} is the hyphen before the
   * token, or -1; {@code spaced} tells whether spaces came before it (or before its hyphen).
   */
  private static void checkNotMinutesMiswritten(
      CharSequence text, int start, int tokenEnd, int end, int hyphenAt, boolean spaced) {
    int digitsEnd = digitsEnd(text, start, tokenEnd);
    if (digitsEnd == start) {
      return; // no number: a modifier, which the modifier parser judges
    }
    if (digitsEnd == tokenEnd && hyphenAt < 0) {
      // A number, then spaces and min alone: "60 min".
      int after = skipSpaces(text, tokenEnd, end);
      if (after > tokenEnd && after + 3 == tokenEnd(text, after, end) && isMin(text, after)) {
        throw new CodeFormatException(
            "the anesthesia minutes are written without a space before min, such as "
                + text.subSequence(start, tokenEnd)
                + "min",
            text,
            tokenEnd,
            ErrorType.BAD_MINUTES);
      }
      return;
    }
    int mark = -1;
    int numberEnd = digitsEnd;
    if (digitsEnd < tokenEnd && (text.charAt(digitsEnd) == '.' || text.charAt(digitsEnd) == ',')) {
      mark = digitsEnd;
      numberEnd = digitsEnd(text, digitsEnd + 1, tokenEnd);
      if (numberEnd == digitsEnd + 1) {
        return; // "7.min": not the shape of minutes
      }
    }
    if (numberEnd + 3 != tokenEnd || !isMin(text, numberEnd)) {
      return;
    }
    if (hyphenAt >= 0) {
      throw new CodeFormatException(
          spaced
              ? "anesthesia minutes are 1 to " + MAX_MINUTES + ", never negative"
              : "the anesthesia minutes follow a space, not a hyphen, such as "
                  + text.subSequence(0, hyphenAt).toString().strip()
                  + " "
                  + text.subSequence(start, tokenEnd),
          text,
          hyphenAt,
          ErrorType.BAD_MINUTES);
    }
    if (mark >= 0) {
      throw new CodeFormatException(
          "anesthesia minutes are a whole number from 1 to "
              + MAX_MINUTES
              + ", such as 95min, "
              + (text.charAt(mark) == '.' ? "never a fraction" : "without separators"),
          text,
          mark,
          ErrorType.BAD_MINUTES);
    }
  }

  /** Returns the end of the ASCII digits from {@code start}, at most {@code end}. */
  private static int digitsEnd(CharSequence text, int start, int end) {
    int i = start;
    while (i < end && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
      i++;
    }
    return i;
  }

  /** Tells whether the three characters at {@code at} are {@code min}, in either case. */
  private static boolean isMin(CharSequence text, int at) {
    return (text.charAt(at) | 0x20) == 'm'
        && (text.charAt(at + 1) | 0x20) == 'i'
        && (text.charAt(at + 2) | 0x20) == 'n';
  }

  /**
   * Refuses a token after a space that reads as units written wrong, rather than let it become a
   * modifier that prices the line as one unit: an upper-case {@code X} and digits other than the
   * modifiers {@code X1}-{@code X5} ({@code J1100 X8} was the modifier X8, which no code set has,
   * and priced one unit of eight), and units with a decimal point or a separator ({@code x0.5},
   * {@code x1,000}), which were called a modifier of the wrong length. The error is at the {@code
   * X} or at the point.
   */
  private static void checkNotUnitsMiswritten(CharSequence text, int start, int end) {
    char first = text.charAt(start);
    if (end - start < 2 || (first != 'x' && first != 'X')) {
      return;
    }
    int mark = -1;
    boolean digits = false;
    for (int i = start + 1; i < end; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digits = true;
      } else if ((c == '.' || c == ',') && mark < 0) {
        mark = i;
      } else {
        return; // not units at all: the modifier parser says what is wrong
      }
    }
    if (!digits) {
      return;
    }
    if (mark >= 0) {
      throw new CodeFormatException(
          text.charAt(mark) == '.'
              ? "units are a whole number from 1 to " + MAX_UNITS + ", such as x2, never a fraction"
              : "units are a whole number from 1 to "
                  + MAX_UNITS
                  + " without separators, such as"
                  + " x1000",
          text,
          mark,
          ErrorType.BAD_UNITS);
    }
    // Upper-case X and digits: X1-X5 are the patient relationship modifiers; the rest is units.
    boolean modifier =
        end - start == 2 && text.charAt(start + 1) >= '1' && text.charAt(start + 1) <= '5';
    if (first == 'X' && !modifier) {
      String number = text.subSequence(start + 1, end).toString(); // digits only, as checked
      // X0 and X000000 are no units either: the example is then units that are.
      boolean units = number.length() <= 5 && Integer.parseInt(number) >= 1;
      // Named as written up to the five digits units have; beyond, by its length, so that the
      // message stays one short line whatever the number (it once wrote out all of X and 10,000
      // digits after the quote of 64 characters).
      String named =
          number.length() <= 5 ? "X" + number : "an X and " + number.length() + " digits";
      throw new CodeFormatException(
          "units are written with a lower-case x, such as x"
              + (units ? number : "2")
              + "; "
              + named
              + " is no modifier (the modifiers of an X and a digit are X1 to X5)",
          text,
          start,
          ErrorType.BAD_UNITS);
    }
  }

  /**
   * Refuses a token after a space that is a number and then an x, units written the wrong way round
   * ({@code J1100 8x}), rather than let a one-digit number become the modifier {@code 8X}, which no
   * code set has, and price one unit; a longer number was called a modifier of the wrong length. No
   * modifier is a digit and an X. The error is at the number.
   */
  private static void checkNotUnitsReversed(CharSequence text, int start, int end) {
    if (end - start < 2 || (text.charAt(end - 1) != 'x' && text.charAt(end - 1) != 'X')) {
      return;
    }
    for (int i = start; i < end - 1; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return;
      }
    }
    String number = text.subSequence(start, end - 1).toString(); // digits only, as checked
    // 0x and 000000x are no units either: the example is then units that are.
    boolean units = number.length() <= 5 && Integer.parseInt(number) >= 1;
    // Only a token of two characters looks like a modifier; a longer one is not named, so that the
    // message stays short whatever the number.
    throw new CodeFormatException(
        "units are written after a lower-case x, such as x"
            + (units ? number : "2")
            + (end - start == 2 ? "; " + text.subSequence(start, end) + " is no modifier" : ""),
        text,
        start,
        ErrorType.BAD_UNITS);
  }

  /** Tells whether {@code c} is an ASCII letter or digit, as a modifier's two characters are. */
  private static boolean isLetterOrDigit(char c) {
    return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
  }

  private static boolean isMinutes(CharSequence text, int start, int end) {
    int digitsEnd = end - 3;
    if (digitsEnd <= start) {
      return false;
    }
    for (int i = start; i < digitsEnd; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return (text.charAt(digitsEnd) | 0x20) == 'm'
        && (text.charAt(digitsEnd + 1) | 0x20) == 'i'
        && (text.charAt(digitsEnd + 2) | 0x20) == 'n';
  }

  private static int parseMinutes(CharSequence text, int start, int end) {
    if (end - start > 4) {
      throw new CodeFormatException(
          "anesthesia minutes are 1 to " + MAX_MINUTES, text, start, ErrorType.BAD_MINUTES);
    }
    int value = 0;
    for (int i = start; i < end; i++) {
      value = value * 10 + text.charAt(i) - '0';
    }
    if (value < 1) {
      throw new CodeFormatException(
          "anesthesia minutes are 1 to " + MAX_MINUTES, text, start, ErrorType.BAD_MINUTES);
    }
    return value;
  }

  private static int parseUnits(CharSequence text, int start, int end) {
    if (end - start > 5) {
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
    while (i < end && text.charAt(i) != '-' && !WhiteSpace.isSpace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static int skipSpaces(CharSequence text, int start, int end) {
    int i = start;
    while (i < end && WhiteSpace.isSpace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  /** Returns the procedure code. */
  @Override
  public ProcedureCode code() {
    ProcedureCode known = code;
    if (known == null) {
      known = ProcedureCode.ofPacked(packedCode);
      code = known;
    }
    return known;
  }

  /**
   * {@return {@code code().packed()}, kept in the line: for pricers that key their tables by the
   * packed code, without reading the code object}
   */
  public int packedCode() {
    return packedCode;
  }

  /** Returns the modifiers in billed order; empty when there are none. */
  @Override
  public ImmutableList<Modifier> modifiers() {
    return modifiers;
  }

  /**
   * Tells whether the line carries {@code modifier}.
   *
   * @param modifier the modifier to look for
   * @return true if any of the line's modifiers is {@code modifier}
   */
  public boolean hasModifier(Modifier modifier) {
    return modifiers.contains(requireNonNull(modifier, "modifier"));
  }

  /** {@return the units, at least 1} */
  public int units() {
    return units;
  }

  /**
   * {@return the anesthesia time in minutes, if the line carries it (anesthesia services, codes
   * 00100-01999, are paid by their time; other lines have none)}
   */
  public OptionalInt minutes() {
    return minutes == NO_MINUTES ? OptionalInt.empty() : OptionalInt.of(minutes);
  }

  /**
   * Tells whether the line carries anesthesia minutes; never allocates.
   *
   * @return true if the line was billed with minutes, as {@code 00790-AA 95min} is
   */
  public boolean hasMinutes() {
    return minutes != NO_MINUTES;
  }

  /** {@return the anesthesia minutes, or 0 when the line has none; never allocates} */
  public int minutesOrZero() {
    return minutes;
  }

  /**
   * {@return a copy of this line with other units}
   *
   * @param units the number of units, 1 to {@value #MAX_UNITS}
   * @throws IllegalArgumentException if {@code units} is not 1 to {@value #MAX_UNITS}
   */
  public ClaimLine withUnits(int units) {
    return of(code(), modifiers, units).withMinutesOrZero(minutes);
  }

  /**
   * {@return a copy of this line with other modifiers}
   *
   * @param modifiers the new modifiers, in billed order
   * @throws IllegalArgumentException if there are more than {@value #MAX_MODIFIERS} modifiers
   */
  public ClaimLine withModifiers(List<Modifier> modifiers) {
    return of(code(), modifiers, units).withMinutesOrZero(minutes);
  }

  /**
   * Returns a copy of this line with {@code newMinutes} minutes of anesthesia time.
   *
   * @param newMinutes the anesthesia time billed, in minutes
   * @return a copy with {@code newMinutes} minutes; code, modifiers and units unchanged
   * @throws IllegalArgumentException if {@code newMinutes} is not 1 to {@value #MAX_MINUTES}
   */
  public ClaimLine withMinutes(int newMinutes) {
    if (newMinutes < 1 || newMinutes > MAX_MINUTES) {
      throw new IllegalArgumentException(
          "anesthesia minutes must be 1 to " + MAX_MINUTES + ", not " + newMinutes);
    }
    return new ClaimLine(code(), modifiers, units, newMinutes);
  }

  /** {@return a copy of this line without anesthesia minutes} */
  public ClaimLine withoutMinutes() {
    return minutes == NO_MINUTES ? this : new ClaimLine(code(), modifiers, units, NO_MINUTES);
  }

  private ClaimLine withMinutesOrZero(int value) {
    return value == NO_MINUTES ? this : new ClaimLine(code(), modifiers, units, value);
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
    return packedCode == that.packedCode // one code per packed value
        && modifiers.equals(that.modifiers)
        && units == that.units
        && minutes == that.minutes;
  }

  @Override
  public int hashCode() {
    // packedCode is the code's own hash code: no need to make the code object of a parsed line.
    return ((packedCode * 31 + modifiers.hashCode()) * 31 + units) * 31 + minutes;
  }

  /**
   * Returns the canonical form, such as {@code 71046-26 x2} or {@code 00790-AA 95min}, which {@link
   * #parse} reads back.
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(16).append(code());
    for (Modifier modifier : modifiers) {
      sb.append('-').append(modifier);
    }
    if (units > 1) {
      sb.append(" x").append(units);
    }
    if (minutes != NO_MINUTES) {
      sb.append(' ').append(minutes).append("min");
    }
    return sb.toString();
  }
}
