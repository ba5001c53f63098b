package io.github.cpt4j.edit;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.modifier.Modifier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Denies a line that repeats an earlier line of the same provider's day exactly, and flags one that
 * repeats its code and modifiers with other units, minutes or charge, each finding named {@value
 * #NAME}.
 *
 * <p>Medicare's claims processing systems deny exact duplicate claim lines automatically, absent
 * modifiers that tell the lines apart, and suspend suspect duplicates for the contractor to review
 * (Claims Processing Manual ch. 1 §120, "Detection of Duplicate Claims", as revised by change
 * request 8121). For physicians and suppliers an exact duplicate matches another line on the
 * beneficiary, the provider, the dates of service, the procedure code, the place of service and the
 * billed amount. Within one claim the beneficiary and the place of service are the claim's, and
 * this edit judges one rendering provider's lines of one date ({@link #perProviderDay()}), so:
 *
 * <ul>
 *   <li>a line whose code, modifiers (in any order), units, minutes and charge (both unknown, or
 *       equal in value) are those of an earlier line is denied, {@link EditAction#DENY_LINE},
 *       {@link UnpricedReason#EDIT_DENIED}, naming that line. A service furnished more than once on
 *       the day is one line with units, or a line marked as a repeat;
 *   <li>a line whose code and modifiers are an earlier line's but whose units, minutes or charge
 *       differ is flagged ({@link EditAction#FLAG}), the amount unchanged: the contractor decides.
 * </ul>
 *
 * A line marked as a repeat, 76 (by the same physician), 77 (by another) or 91 (a repeated
 * laboratory test), is neither, and neither is a line whose modifiers differ from the other's (the
 * sides RT and LT, a component 26 or TC, 59): those are the modifiers by which the manual says a
 * line that looks like a duplicate is told apart.
 *
 * <pre>{@code
 * DuplicateLinesEdit.standard().check(Claim.of(BilledLine.parse("27447-RT"),
 *     BilledLine.parse("27447-RT")), context);
 * // [duplicate-lines line 2 DENY_LINE: 27447-RT repeats line 1 exactly ...]
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class DuplicateLinesEdit implements ClaimEdit {

  /** The edit's name, {@code "duplicate-lines"}. */
  public static final String NAME = "duplicate-lines";

  private static final Modifier REPEAT_BY_SAME_PHYSICIAN = Modifier.parse("76");
  private static final Modifier REPEAT_BY_ANOTHER_PHYSICIAN = Modifier.parse("77");
  private static final Modifier REPEAT_LABORATORY_TEST = Modifier.parse("91");

  private static final String SOURCE = "Claims Processing Manual ch. 1 §120";

  private static final DuplicateLinesEdit STANDARD = new DuplicateLinesEdit();

  private DuplicateLinesEdit() {}

  /** {@return the edit} */
  public static DuplicateLinesEdit standard() {
    return STANDARD;
  }

  @Override
  public String name() {
    return NAME;
  }

  /**
   * Judges each line against the earlier lines of {@code claim}, one provider's day: a line
   * repeating one exactly is denied, naming the first it repeats; one repeating only its code and
   * modifiers is flagged.
   */
  @Override
  public List<EditFinding> check(Claim claim, PricingContext context) {
    requireNonNull(claim, "claim");
    requireNonNull(context, "context");
    List<EditFinding> findings = null;
    for (int i = 1; i < claim.size(); i++) {
      EditFinding finding = judge(claim, i);
      if (finding != null) {
        if (findings == null) {
          findings = new ArrayList<>(2);
        }
        findings.add(finding);
      }
    }
    return findings == null ? List.of() : findings;
  }

  /**
   * The finding on line {@code i}: a denial when it repeats an earlier line exactly (the first such
   * line named), else a flag when it repeats an earlier line's code and modifiers (the first such),
   * else null.
   */
  private static EditFinding judge(Claim claim, int i) {
    BilledLine billed = claim.line(i);
    ClaimLine line = billed.line();
    if (isRepeat(line)) {
      return null;
    }
    int suspect = -1;
    for (int j = 0; j < i; j++) {
      ClaimLine earlier = claim.line(j).line();
      if (earlier.packedCode() != line.packedCode()
          || isRepeat(earlier)
          || !sameModifiers(earlier, line)) {
        continue;
      }
      if (earlier.units() == line.units()
          && earlier.minutesOrZero() == line.minutesOrZero()
          && sameCharge(claim.line(j).charge(), billed.charge())) {
        return finding(claim, i, line, j, true);
      }
      if (suspect < 0) {
        suspect = j;
      }
    }
    return suspect < 0 ? null : finding(claim, i, line, suspect, false);
  }

  /** Tells whether {@code line} is marked as a repeat of a service: 76, 77 or 91. */
  private static boolean isRepeat(ClaimLine line) {
    return !line.modifiers().isEmpty()
        && (line.hasModifier(REPEAT_BY_SAME_PHYSICIAN)
            || line.hasModifier(REPEAT_BY_ANOTHER_PHYSICIAN)
            || line.hasModifier(REPEAT_LABORATORY_TEST));
  }

  /** The same modifiers, in any order (a line holds each modifier once). */
  private static boolean sameModifiers(ClaimLine a, ClaimLine b) {
    return a.modifiers().size() == b.modifiers().size()
        && (a.modifiers().equals(b.modifiers()) || a.modifiers().containsAll(b.modifiers()));
  }

  /** Both charges unknown, or both known and equal in value ({@code 100} and {@code 100.00}). */
  private static boolean sameCharge(Optional<BigDecimal> a, Optional<BigDecimal> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return a.isEmpty() && b.isEmpty();
    }
    return a.get().compareTo(b.get()) == 0;
  }

  /**
   * The finding on line {@code line}, naming line {@code first}: the denial of an exact duplicate,
   * or the flag of a suspect one.
   */
  private static EditFinding finding(
      Claim claim, int line, ClaimLine service, int first, boolean exact) {
    int firstNumber = claim.lineNumber(first);
    String because =
        exact
            ? " repeats line "
                + firstNumber
                + " exactly (code, modifiers, units, minutes and charge, by the same provider on"
                + " the same date), which Medicare denies as an exact duplicate: bill a service"
                + " furnished more than once that day as one line with units, or mark the repeat"
                + " with 76, 77 or 91"
            : " bills the code and modifiers of line "
                + firstNumber
                + " again, by the same provider on the same date, with other units, minutes or"
                + " charge: a suspect duplicate, which the contractor reviews before paying it;"
                + " one line with all the units, or 76, 77 or 91 on a repeat, says what was done";
    return EditFinding.builder()
        .edit(NAME)
        .line(line)
        .lineNumber(claim.lineNumber(line))
        .action(exact ? EditAction.DENY_LINE : EditAction.FLAG)
        .deniedUnits(exact ? service.units() : 0)
        .reason(UnpricedReason.EDIT_DENIED)
        .message(service + because + " (" + SOURCE + ")")
        .putData(exact ? "duplicateOf" : "suspectDuplicateOf", Integer.toString(firstNumber))
        .build();
  }

  @Override
  public String toString() {
    return NAME;
  }
}
