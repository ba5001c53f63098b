package io.github.cpt4j.claim;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.text.IsoDate;
import io.github.cpt4j.text.WhiteSpace;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link ClaimLine} as billed: the service and, when known, the provider's actual charge for it
 * in US dollars and its own date of service. Payers pay the lower of the charge and their own
 * amount, so a pricer needs both.
 *
 * <p>A line without a date of service is on the claim's date, the one of the pricing context. A
 * claim form has a date on every line (CMS-1500 item 24A), and lines of one claim may carry
 * different dates: a claim pricer then applies its same-day rules (multiple procedures, bilateral
 * pairs, visits on the day of surgery) to each date's lines.
 *
 * <p>A line may also name its rendering provider, the practitioner who furnished it (CMS-1500 item
 * 24J), by {@link Npi}. A group's claim carries the lines of several practitioners, and CMS's
 * same-day rules (multiple procedures, bilateral pairs, the global surgery package, NCCI's edits)
 * judge each practitioner's lines apart: a surgeon's procedure and the assistant's line for it are
 * not two procedures of one surgeon. Lines without a rendering provider are all the claim's one
 * provider's.
 *
 * <p>Immutable. A charge is whole cents and never negative; it is kept at scale 2, so {@code 1250}
 * and {@code 1250.00} make equal lines.
 *
 * <pre>{@code
 * BilledLine knee = BilledLine.of(ClaimLine.parse("29880-RT"), new BigDecimal("2400.00"));
 * knee.toString();   // "29880-RT $2400.00"
 * BilledLine visit = BilledLine.parse("99213-25 $180.00 on 2025-06-02");
 * visit.dateOfService();   // Optional[2025-06-02]
 * BilledLine assist = BilledLine.parse("27447-80 $600.00 on 2025-06-02 by 1234567893");
 * assist.renderingProvider();   // Optional[1234567893]
 * }</pre>
 */
public final class BilledLine {

  private static final String ON = "on";
  private static final String BY = "by";

  /** The most digits a charge has before the decimal point: less than a trillion dollars. */
  private static final int MAX_CHARGE_DIGITS = 12;

  /**
   * The significant digits of a charge's text that {@link #parseCharge} reads: more than {@link
   * #MAX_CHARGE_DIGITS} and the cents, and more than the 64 characters a refusal quotes.
   */
  private static final int KEPT_DIGITS = 80;

  private final ClaimLine line;
  private final Optional<BigDecimal> charge;
  private final LocalDate dateOfService;
  private final Npi renderingProvider;

  private BilledLine(
      ClaimLine line, Optional<BigDecimal> charge, LocalDate dateOfService, Npi renderingProvider) {
    this.line = line;
    this.charge = charge;
    this.dateOfService = dateOfService;
    this.renderingProvider = renderingProvider;
  }

  /**
   * {@return {@code line} billed without a known charge}
   *
   * @param line the line: code, modifiers and units
   */
  public static BilledLine of(ClaimLine line) {
    return new BilledLine(requireNonNull(line, "line"), Optional.empty(), null, null);
  }

  /**
   * Returns {@code line} billed at {@code charge} dollars.
   *
   * @param line the line: code, modifiers and units
   * @param charge the billed charge, in dollars and cents
   * @return the billed line, without date of service or rendering provider
   * @throws IllegalArgumentException if the charge is negative, has fractions of a cent, or is a
   *     trillion dollars or more
   */
  public static BilledLine of(ClaimLine line, BigDecimal charge) {
    requireNonNull(line, "line");
    requireNonNull(charge, "charge");
    return new BilledLine(line, Optional.of(checkCharge(charge, line)), null, null);
  }

  /** Returns {@code charge} at scale 2, or throws what {@link #of(ClaimLine, BigDecimal)} says. */
  private static BigDecimal checkCharge(BigDecimal charge, ClaimLine line) {
    // BigDecimal's toString, not toPlainString: 1E+999999999 stays short before quote() caps it.
    if (charge.signum() < 0) {
      throw new IllegalArgumentException(
          "a billed charge is never negative: "
              + CodeFormatException.quote(charge.toString())
              + " on "
              + line);
    }
    if (charge.signum() == 0) {
      // Zero needs no bound: 0E+999999999 is zero however large its exponent.
      return BigDecimal.ZERO.setScale(2);
    }
    // Bounded before setScale, which overflows BigInteger's range (ArithmeticException) for a
    // charge such as 1E+999999999, and would build a 100,000-digit number for 1E+99999. In long:
    // the int difference overflows for a scale near Integer.MIN_VALUE.
    if ((long) charge.precision() - charge.scale() > MAX_CHARGE_DIGITS) {
      throw new IllegalArgumentException(
          "a billed charge is less than a trillion dollars, not "
              + CodeFormatException.quote(charge.toString())
              + " on "
              + line);
    }
    // Stripping zeros only beyond two decimals: it costs a division per charge.
    if (charge.scale() > 2 && charge.stripTrailingZeros().scale() > 2) {
      throw new IllegalArgumentException(
          "a billed charge is whole cents, not "
              + CodeFormatException.quote(charge.toString())
              + " on "
              + line);
    }
    return charge.setScale(2);
  }

  /**
   * Parses the form {@link #toString()} writes: a claim line as {@link ClaimLine#parse} reads it,
   * then optionally {@code $} and the charge (ASCII digits with at most one decimal point), then
   * optionally {@code on} and the date of service ({@code YYYY-MM-DD}, a four-digit year: the
   * signed and longer years ISO also allows, {@code -2025-06-02} or {@code +12025-06-02}, are
   * refused, as the command line and the data loaders refuse them), then optionally {@code by} and
   * the rendering provider's NPI, such as {@code 99213-25 $180.00 on 2025-06-02 by 1234567893}. The
   * words {@code on} and {@code by} are read in either case, between any white space, as the claim
   * line's parts are. Before the charge and the date, {@code on} or {@code by} followed by no date
   * or NPI is the modifier ON or BY of the claim line: {@code 99213 by 25 on 2025-06-02} is {@code
   * 99213-BY-25} on that date.
   *
   * @param text a line such as {@code 99213-25 $180.00 on 2025-06-02 by 1234567893}
   * @return the billed line
   * @throws CodeFormatException if the claim line is malformed; its input is the whole {@code text}
   *     and its error index an index in it
   * @throws IllegalArgumentException if the charge, the date or the NPI is malformed, or the charge
   *     is refused as {@link #of(ClaimLine, BigDecimal)} refuses it; a charge's or date's message
   *     quotes it and says at which index of it the fault is ({@code a date of service is
   *     YYYY-MM-DD, such as 2025-06-02, not '-2025-06-02': '-' at index 0 is not a digit 0-9 (a
   *     year has four digits, without a sign)})
   */
  public static BilledLine parse(CharSequence text) {
    String s = requireNonNull(text, "text").toString();
    // Indices into the caller's text throughout, so that a CodeFormatException points into it.
    int start = startOfText(s, 0, s.length());
    int end = endOfText(s, start, s.length());
    LocalDate date = null;
    Npi provider = null;
    int dollar = s.indexOf('$', start);
    int by = lastWord(s, BY, start, end);
    if (by >= 0) {
      String npi = WhiteSpace.strip(s.substring(by + BY.length(), end));
      Optional<Npi> parsed = Npi.tryParse(npi);
      if (parsed.isPresent()) {
        provider = parsed.get();
        end = endOfText(s, start, by);
      } else if (!isModifierBy(s, start, by, end, dollar)) {
        try {
          Npi.parse(npi);
        } catch (CodeFormatException e) {
          throw new IllegalArgumentException(
              "a rendering provider is a ten-digit NPI that ends the line, after its charge and"
                  + " date (99213 $180.00 on 2025-06-02 by 1234567893): "
                  + e.getMessage(),
              e);
        }
      }
    }
    int on = lastWord(s, ON, start, end);
    if (on >= 0) {
      String day = WhiteSpace.strip(s.substring(on + ON.length(), end));
      try {
        date = IsoDate.parse(day);
        end = endOfText(s, start, on);
      } catch (DateTimeParseException e) {
        // "99213 on 25" is a claim line with the modifiers ON and 25, as ClaimLine reads it; a
        // charge before " on " or anything that is no claim line makes it a date that is wrong.
        if (dollar >= 0 && dollar < on
            || ClaimLine.tryParse(s.substring(start, lineEnd(dollar, end))).isEmpty()) {
          throw new IllegalArgumentException(
              "a date of service is YYYY-MM-DD, such as 2025-06-02, not "
                  + CodeFormatException.quote(day)
                  + ": "
                  + e.getMessage(),
              e);
        }
      }
    }
    BilledLine billed;
    if (dollar >= 0 && dollar < end) {
      BigDecimal charge;
      try {
        charge = parseCharge(s.substring(dollar + 1, end));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(e.getMessage(), e);
      }
      billed = of(ClaimLine.parse(s, start, dollar), charge);
    } else {
      billed = of(ClaimLine.parse(s, start, end));
    }
    billed = date == null ? billed : billed.withDateOfService(date);
    return provider == null ? billed : billed.withRenderingProvider(provider);
  }

  /**
   * Reads a charge in dollars as {@link #parse} and {@link Claim.Builder#add(CharSequence, String)}
   * take it, without the white space around it: ASCII digits with at most one decimal point among
   * or around them ({@code 2400}, {@code 2400.00}, {@code .50}), after a minus sign that {@link
   * #of(ClaimLine, BigDecimal)} then refuses with its own message. Nothing else: {@code new
   * BigDecimal(String)} also takes any Unicode digit (Arabic-Indic, full-width) and an exponent
   * ({@code 1e3}), which no charge on a claim form is written with; only ASCII digits count, as in
   * codes.
   *
   * @throws NumberFormatException naming the text and the index in it of the first character that
   *     cannot be there
   */
  static BigDecimal parseCharge(String text) {
    String amount = WhiteSpace.strip(text);
    int n = amount.length();
    boolean point = false;
    boolean digits = false;
    int significant = 0;
    int cut = -1;
    boolean cutOffNonZero = false;
    for (int i = 0; i < n; i++) {
      char c = amount.charAt(i);
      if (c >= '0' && c <= '9') {
        digits = true;
        if (c != '0' || significant > 0) {
          significant++;
          if (significant == KEPT_DIGITS) {
            cut = i + 1;
          } else if (significant > KEPT_DIGITS && c != '0') {
            cutOffNonZero = true;
          }
        }
      } else if (c == '.' && !point) {
        point = true;
      } else if (!(c == '-' && i == 0)) {
        throw notACharge(
            amount,
            CodeFormatException.quote(String.valueOf(c))
                + " at index "
                + i
                + (c == '.' ? " is a second decimal point" : " is not a digit 0-9 or a point"));
      }
    }
    if (!digits) {
      throw notACharge(amount, n == 0 ? "it is empty" : "it has no digits");
    }
    if (cut >= 0) {
      // BigDecimal reads n digits in time quadratic in n (a million took half a minute). Past
      // KEPT_DIGITS significant digits, the rest decides nothing more: the charge is a trillion
      // dollars or more, or has fractions of a cent (by a non-zero digit further on too, kept as
      // one 1), or the rest is zeros after the point, which change neither value nor cents. A
      // refusal quotes the same first 64 characters.
      amount = amount.substring(0, cut) + (cutOffNonZero ? "1" : "");
    }
    // Only ASCII digits, a sign and a point are left: BigDecimal reads them as written.
    return new BigDecimal(amount);
  }

  private static NumberFormatException notACharge(String amount, String why) {
    return new NumberFormatException(
        "a billed charge is a decimal number such as 2400.00, not "
            + CodeFormatException.quote(amount)
            + ": "
            + why);
  }

  /**
   * Whether the word {@code by} at {@code by}, before no NPI, is the modifier BY of the claim line,
   * as {@code on} may be the modifier ON: "99213 by 25" is the claim line 99213-BY-25, and so is
   * the line of "99213 by 25 on 2025-06-02", whose date follows it. It is when it stands before the
   * charge and the date, and the text before them is a claim line; else it starts an NPI that is
   * wrong ("99213 $5.00 by 25", "99213 on 2025-06-02 by 123").
   */
  private static boolean isModifierBy(String s, int start, int by, int end, int dollar) {
    if (dollar >= 0 && dollar < by || dateAt(s, start, by) >= 0) {
      return false;
    }
    if (dollar >= 0 && dollar < end) {
      return ClaimLine.tryParse(s.substring(start, dollar)).isPresent();
    }
    if (ClaimLine.tryParse(s.substring(start, end)).isPresent()) {
      return true;
    }
    // The date is decided before the NPI: the line may end at an " on " after BY, whose date the
    // date's own reading then takes or refuses ("99213 by 25 on 2025-13-01" is a wrong date).
    int on = lastWord(s, ON, by + BY.length(), end);
    return on >= 0 && ClaimLine.tryParse(s.substring(start, on)).isPresent();
  }

  /**
   * The index of the last word {@code on} in {@code s} from {@code from} to {@code to} when a valid
   * date follows it up to {@code to}, or -1.
   */
  private static int dateAt(String s, int from, int to) {
    int on = lastWord(s, ON, from, to);
    if (on < 0) {
      return -1;
    }
    try {
      IsoDate.parse(WhiteSpace.strip(s.substring(on + ON.length(), to)));
      return on;
    } catch (DateTimeParseException e) {
      return -1;
    }
  }

  /**
   * Where the claim line of text ending at {@code end} ends: at its charge's {@code $}, if it has
   * one ("99213 on 25 $5.00" is the claim line 99213-ON-25 and a charge).
   */
  private static int lineEnd(int dollar, int end) {
    return dollar >= 0 && dollar < end ? dollar : end;
  }

  /**
   * The index of the last {@code word} (in either case) in {@code s} from {@code from} to {@code
   * to} with white space before and after it, the way the claim-line grammar separates its parts (a
   * tab, a no-break space), or -1.
   */
  private static int lastWord(String s, String word, int from, int to) {
    int n = word.length();
    for (int i = to - n - 1; i > from; i--) {
      if (WhiteSpace.isSpace(s.charAt(i - 1))
          && WhiteSpace.isSpace(s.charAt(i + n))
          && s.regionMatches(true, i, word, 0, n)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The index of the first character from {@code from} on that is not white space, or {@code to}.
   */
  private static int startOfText(String s, int from, int to) {
    while (from < to && WhiteSpace.isSpace(s.charAt(from))) {
      from++;
    }
    return from;
  }

  /**
   * The index after the last character before {@code to} that is not white space, or {@code from}.
   */
  private static int endOfText(String s, int from, int to) {
    while (to > from && WhiteSpace.isSpace(s.charAt(to - 1))) {
      to--;
    }
    return to;
  }

  /**
   * {@return a copy of this line furnished on {@code date}}
   *
   * @param date the date the line's service was furnished
   */
  public BilledLine withDateOfService(LocalDate date) {
    return new BilledLine(line, charge, requireNonNull(date, "date"), renderingProvider);
  }

  /** {@return a copy of this line without a date of its own: on the claim's date} */
  public BilledLine withoutDateOfService() {
    return dateOfService == null ? this : new BilledLine(line, charge, null, renderingProvider);
  }

  /**
   * {@return a copy of this line furnished by the practitioner {@code npi}}
   *
   * @param npi the rendering provider's NPI
   */
  public BilledLine withRenderingProvider(Npi npi) {
    return new BilledLine(line, charge, dateOfService, requireNonNull(npi, "npi"));
  }

  /**
   * {@return a copy of this line without a rendering provider: the claim's billing provider's (see
   * {@link #renderingProvider()})}
   */
  public BilledLine withoutRenderingProvider() {
    return renderingProvider == null ? this : new BilledLine(line, charge, dateOfService, null);
  }

  /** {@return the service billed} */
  public ClaimLine line() {
    return line;
  }

  /** {@return the actual charge in dollars at scale 2, if known} */
  public Optional<BigDecimal> charge() {
    return charge;
  }

  /**
   * {@return the line's own date of service, if it has one; without it, the line is on the date of
   * the pricing context}
   */
  public Optional<LocalDate> dateOfService() {
    return Optional.ofNullable(dateOfService);
  }

  /**
   * Returns the NPI of the practitioner who furnished the line, if the line names one (CMS-1500
   * item 24J). A line without one was furnished by the billing provider: the same-provider rules
   * take the lines naming none as the one NPI the claim's other lines name, or, beside lines of two
   * or more NPIs, as a provider of their own ({@code io.github.cpt4j.edit.RenderingProviders}).
   *
   * @return the rendering provider's NPI, or empty
   */
  public Optional<Npi> renderingProvider() {
    return Optional.ofNullable(renderingProvider);
  }

  /**
   * Returns whether this line and {@code other} name the same rendering provider: both the same
   * NPI, or neither one. CMS's same-day rules compare the lines of one provider, and take a line
   * naming none as the claim decides ({@code io.github.cpt4j.edit.RenderingProviders#same}): as the
   * other lines' provider when they name one NPI.
   *
   * @param other another line of the claim
   * @return true if both lines name the same NPI, or neither names one
   */
  public boolean sameProvider(BilledLine other) {
    requireNonNull(other, "other");
    return Objects.equals(renderingProvider, other.renderingProvider);
  }

  /**
   * {@return the line's date of service, or {@code claimDate} when it has none; never allocates}
   *
   * @param claimDate the claim's date of service, for a line without one
   */
  public LocalDate dateOfServiceOr(LocalDate claimDate) {
    return dateOfService == null ? requireNonNull(claimDate, "claimDate") : dateOfService;
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof BilledLine)) {
      return false;
    }
    BilledLine that = (BilledLine) other;
    return line.equals(that.line)
        && charge.equals(that.charge)
        && Objects.equals(dateOfService, that.dateOfService)
        && Objects.equals(renderingProvider, that.renderingProvider);
  }

  @Override
  public int hashCode() {
    return Objects.hash(line, charge, dateOfService, renderingProvider);
  }

  /**
   * Returns the line's canonical form, followed by {@code " $"} and the charge when known and by
   * {@code " on "} and the date of service when the line has one, and by {@code " by "} and the
   * rendering provider's NPI when it names one, such as {@code 99213-25 $180.00 on 2025-06-02 by
   * 1234567893}; {@link #parse} reads it back, a date of a year from 0000 to 9999 (other years are
   * written signed, {@code +12025-06-02}, as {@code LocalDate} writes them, and refused).
   */
  @Override
  public String toString() {
    String text = charge.isEmpty() ? line.toString() : line + " $" + charge.get().toPlainString();
    text = dateOfService == null ? text : text + " " + ON + " " + dateOfService;
    return renderingProvider == null ? text : text + " " + BY + " " + renderingProvider;
  }
}
