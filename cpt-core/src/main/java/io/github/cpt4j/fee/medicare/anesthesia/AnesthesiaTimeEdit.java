package io.github.cpt4j.fee.medicare.anesthesia;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.edit.ClaimEdit;
import io.github.cpt4j.edit.EditFinding;
import io.github.cpt4j.fee.PricingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Flags anesthesia minutes that no amount uses: Medicare pays minutes only as anesthesia time, on
 * the anesthesia codes 00100-01999 (Medicare Claims Processing Manual, chapter 12, section 50), and
 * not even there on the codes paid by base units alone ({@link
 * AnesthesiaFeeSchedule#WITHOUT_TIME_UNITS}): 01995 and 01996 (section 50.G), and the add-on 01953,
 * whose time is paid on its primary 01952 (CMS Transmittal B-03-017). Minutes on any other line
 * ({@code 99213 30min}) are ignored by every schedule; the line keeps its amount and gets an {@link
 * io.github.cpt4j.fee.ClaimWarning.Kind#MINUTES_IGNORED} warning, so that nobody takes them for
 * having been paid, nor a typo in the code for a visit. Each finding is a {@link
 * io.github.cpt4j.edit.EditAction#FLAG} named {@value #NAME}.
 *
 * <p>A line paid by time keeps its minutes unflagged, even where the payment modifier pays no time
 * (AD, medical supervision: its {@code base-units} step says so): the code is paid by time, and the
 * claim reports the time whatever the modifier. 01999, priced by the contractor, is not flagged
 * either: the contractor may weigh the time.
 *
 * <pre>{@code
 * AnesthesiaTimeEdit.ignoredMinutes(ClaimLine.parse("99213 30min"));
 * // Optional[99213 is not paid by time: its 30 minutes are not used ...]
 * AnesthesiaTimeEdit.ignoredMinutes(ClaimLine.parse("00790-AA 95min"));   // Optional.empty
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class AnesthesiaTimeEdit implements ClaimEdit {

  /** The edit's name, {@code "anesthesia-time"}, the rule id of its warnings too. */
  public static final String NAME = "anesthesia-time";

  private static final AnesthesiaTimeEdit STANDARD = new AnesthesiaTimeEdit();

  private AnesthesiaTimeEdit() {}

  /** {@return the edit} */
  public static AnesthesiaTimeEdit standard() {
    return STANDARD;
  }

  /**
   * {@return why the minutes of {@code line} are not used, or empty when it has none or its code is
   * paid by time}
   *
   * @param line the line billed
   */
  public static Optional<String> ignoredMinutes(ClaimLine line) {
    requireNonNull(line, "line");
    // The usual line has no minutes: one int comparison, no allocation.
    if (!line.hasMinutes()) {
      return Optional.empty();
    }
    int packed = line.packedCode();
    boolean anesthesia =
        packed >= AnesthesiaBaseUnits.FIRST_CODE && packed <= AnesthesiaBaseUnits.LAST_CODE;
    if (anesthesia && !AnesthesiaFeeSchedule.WITHOUT_TIME_UNITS.contains(line.code())) {
      return Optional.empty();
    }
    int minutes = line.minutesOrZero();
    String code = line.code().toString();
    if (anesthesia) {
      return Optional.of(
          code
              + " is paid by base units alone, without time units: its "
              + minutes
              + " minutes are not used "
              + (line.code().equals(AnesthesiaFeeSchedule.BASE_UNITS_ADD_ON)
                  ? "(an add-on: " + AnesthesiaFeeSchedule.ADD_ON_TIME + ")"
                  : "(Claims Processing Manual, chapter 12, section 50.G)"));
    }
    return Optional.of(
        code
            + " is not paid by time: its "
            + minutes
            + " minutes are not used; Medicare pays minutes only as anesthesia time, on the"
            + " anesthesia codes 00100-01999 (Claims Processing Manual, chapter 12, section"
            + " 50)");
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<EditFinding> check(Claim claim, PricingContext context) {
    requireNonNull(claim, "claim");
    requireNonNull(context, "context");
    List<EditFinding> findings = null;
    for (int i = 0; i < claim.size(); i++) {
      Optional<String> message = ignoredMinutes(claim.line(i).line());
      if (message.isPresent()) {
        if (findings == null) {
          findings = new ArrayList<>(2);
        }
        findings.add(EditFinding.flag(NAME, i, message.get()).withLineNumber(claim.lineNumber(i)));
      }
    }
    return findings == null ? List.of() : findings;
  }

  @Override
  public String toString() {
    return NAME;
  }
}
