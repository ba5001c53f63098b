package io.github.cpt4j.edit.ncci;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.edit.ClaimEdit;
import io.github.cpt4j.edit.EditAction;
import io.github.cpt4j.edit.EditFinding;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.modifier.Modifier;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The NCCI medically unlikely edit as a {@link ClaimEdit} (NCCI Policy Manual for Medicare
 * Services, Chapter I, Section V), denying lines with {@link UnpricedReason#NCCI_MUE}:
 *
 * <ul>
 *   <li>MAI 1, a line edit: a line whose units exceed the MUE value is denied whole; other lines of
 *       the code are judged on their own.
 *   <li>MAI 2 and 3, date-of-service edits: the units of every line of the code on the claim (one
 *       date of service) are added up; over the value, all those lines are denied. MAI 3 denials
 *       may be appealed with documentation; MAI 2 is absolute.
 * </ul>
 *
 * <pre>{@code
 * ClaimEdit mue = MueClaimEdit.of(table);
 * mue.check(Claim.builder().add("20610-RT").add("20610-LT x2").build(), context);
 * }</pre>
 *
 * <p>A line of modifier 55 alone (postoperative management only) counts as one unit of service: its
 * units are the postoperative days managed. A claim pricer or scrubber checks the lines of each
 * date of service apart ({@link ClaimEdit#perProviderDay()}); for lines of one date split over
 * several claims, check them as one claim. Allocation-free when nothing is found.
 *
 * <p>A table that knows its quarter ({@link MueTable#effective()}) judges only the lines of that
 * quarter; a line of another date gets a {@link EditAction#FLAG} finding saying it was not checked
 * (reason {@link UnpricedReason#NCCI_MUE}, as every finding of this edit; nothing is denied).
 */
public final class MueClaimEdit implements ClaimEdit {

  /** The name of this edit and of its findings. */
  public static final String NAME = "ncci-mue";

  private final MueTable table;

  private MueClaimEdit(MueTable table) {
    this.table = table;
  }

  /** Returns the edit of {@code table}. */
  public static MueClaimEdit of(MueTable table) {
    return new MueClaimEdit(requireNonNull(table, "table"));
  }

  /** Returns the table. */
  public MueTable table() {
    return table;
  }

  @Override
  public String name() {
    return NAME;
  }

  /**
   * Reads each line's own date: a date of service edit adds up the units of one code on one date,
   * and the whole claim is seen, so that a finding's message and data number the claim's own lines.
   */
  @Override
  public boolean perProviderDay() {
    return false;
  }

  @Override
  public List<EditFinding> check(Claim claim, PricingContext context) {
    requireNonNull(claim, "claim");
    requireNonNull(context, "context");
    int n = claim.size();
    LocalDate claimDate = context.dateOfService();
    List<EditFinding> found = null;
    for (int i = 0; i < n; i++) {
      ClaimLine line = claim.line(i).line();
      int code = line.code().packed();
      int row = table.row(code);
      if (row < 0) {
        continue;
      }
      LocalDate date = claim.line(i).dateOfServiceOr(claimDate);
      if (!table.inForceOn(date)) {
        // Another quarter's value may differ: say the line was not judged, rather than judge it.
        if (found == null) {
          found = new ArrayList<>(2);
        }
        found.add(notInForce(claim, i, line, date));
        continue;
      }
      // A long: a claim has no limit of lines, and 21,476 lines of 99,999 units overflow an int.
      long units =
          table.perDateOfService(row) ? unitsOfCode(claim, i, date, claimDate) : servicesOf(line);
      if (units > table.value(row)) {
        if (found == null) {
          found = new ArrayList<>(2);
        }
        found.add(finding(claim, i, line, row, units, date, claimDate));
      }
    }
    return found == null ? List.of() : List.copyOf(found);
  }

  private EditFinding notInForce(Claim claim, int index, ClaimLine line, LocalDate date) {
    return EditFinding.builder()
        .edit(NAME)
        .line(index)
        .lineNumber(claim.lineNumber(index))
        .action(EditAction.FLAG)
        .deniedUnits(0)
        // The edit's own reason, as PTP's flags carry theirs: EDIT_DENIED would call the note a
        // denial, and a scrubber that labels findings by reason would print it as one.
        .reason(UnpricedReason.NCCI_MUE)
        .message(
            line.code()
                + " (line "
                + claim.lineNumber(index)
                + ") was not checked against its MUE: the table is in force from "
                + table.effective().orElseThrow()
                + " to "
                + table.lastDay().orElseThrow()
                + ", not on "
                + date
                + "; check it with the MUE file of that date's quarter")
        .putData("kind", "MUE")
        .putData("code", line.code().toString())
        .putData("effective", table.effective().orElseThrow().toString())
        .build();
  }

  /**
   * The units of the code of line {@code index} on {@code date}, its date, by its rendering
   * provider, over every line of the claim: a long, which no claim can overflow (fewer than 2^31
   * lines of at most {@value ClaimLine#MAX_UNITS} units). An MUE counts one provider's units for
   * one beneficiary on one date (NCCI Policy Manual, ch. I, "Medically Unlikely Edits"): another
   * practitioner of the group bills the code within an MUE of his own.
   */
  static long unitsOfCode(Claim claim, int index, LocalDate date, LocalDate claimDate) {
    BilledLine of = claim.line(index);
    int code = of.line().code().packed();
    long units = 0;
    for (int i = 0; i < claim.size(); i++) {
      BilledLine billed = claim.line(i);
      if (billed.line().code().packed() == code
          && billed.dateOfServiceOr(claimDate).equals(date)
          && billed.sameProvider(of)) {
        units += servicesOf(billed.line());
      }
    }
    return units;
  }

  /**
   * The units of service of {@code line} as the MUE counts them: its units, except that a line of
   * modifier 55 alone (postoperative management only) is one service whatever its units, which are
   * the postoperative days managed (contractors' billing instructions for modifier 55), never
   * procedures.
   */
  static int servicesOf(ClaimLine line) {
    return line.hasModifier(Modifier.POSTOPERATIVE_CARE_ONLY)
            && !line.hasModifier(Modifier.SURGICAL_CARE_ONLY)
            && !line.hasModifier(Modifier.PREOPERATIVE_CARE_ONLY)
        ? 1
        : line.units();
  }

  private EditFinding finding(
      Claim claim,
      int index,
      ClaimLine line,
      int row,
      long units,
      LocalDate date,
      LocalDate claimDate) {
    MueEdit edit = table.edit(row);
    MueAdjudicationIndicator mai = edit.indicator();
    Map<String, String> data = new LinkedHashMap<>();
    data.put("kind", "MUE");
    data.put("code", edit.code().toString());
    data.put("mueValue", Integer.toString(edit.value()));
    data.put("mai", String.valueOf(mai.digit()));
    data.put("units", Long.toString(units));
    StringBuilder message = new StringBuilder().append(edit.code()).append(": ");
    if (mai.perDateOfService()) {
      String lines = linesOf(claim, index, date, claimDate);
      data.put("lines", lines);
      message
          .append(unitsText(units))
          .append(" on ")
          .append(date)
          .append(lines.indexOf(',') < 0 ? " (line " : " (lines ")
          .append(lines)
          .append(')');
    } else {
      message.append(unitsText(units)).append(" on the line");
    }
    data.put("rationale", edit.rationale());
    message
        .append(units == 1 ? " exceeds the MUE of " : " exceed the MUE of ")
        .append(edit.value())
        .append(" (MAI ")
        .append(mai.digit())
        .append(", ")
        .append(mai.words());
    if (!edit.rationale().isEmpty()) {
      message.append("; ").append(edit.rationale());
    }
    message.append("): ").append(hint(edit));
    return EditFinding.builder()
        .edit(NAME)
        .line(index)
        .lineNumber(claim.lineNumber(index))
        .action(EditAction.DENY_LINE)
        .deniedUnits(line.units())
        .reason(UnpricedReason.NCCI_MUE)
        .message(message.toString())
        .putAllData(data)
        .build();
  }

  private static String linesOf(Claim claim, int index, LocalDate date, LocalDate claimDate) {
    BilledLine of = claim.line(index);
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < claim.size(); i++) {
      if (claim.line(i).line().code().equals(of.line().code())
          && claim.line(i).dateOfServiceOr(claimDate).equals(date)
          && claim.line(i).sameProvider(of)) {
        lines.append(lines.length() == 0 ? "" : ",").append(claim.lineNumber(i));
      }
    }
    return lines.toString();
  }

  private static String unitsText(long units) {
    return units == 1 ? "1 unit" : units + " units";
  }

  /** What the biller can do, by MAI. */
  private static String hint(MueEdit edit) {
    if (edit.value() == 0) {
      // Nothing to split: no unit of the code is payable for a provider and patient on a date.
      return "no unit of " + edit.code() + " is payable: every line of it is denied";
    }
    return switch (edit.indicator()) {
      case LINE ->
          "the line is denied; if more units were furnished, bill them on separate lines"
              + " with an anatomic modifier, 59 or XE, XS, XP, XU, or 76, 77 or 91 (or appeal)";
      case DATE_OF_SERVICE_POLICY ->
          "every line of "
              + edit.code()
              + " on the date is denied; units above "
              + edit.value()
              + " are not payable by policy, and an appeal is not expected to succeed";
      case DATE_OF_SERVICE_CLINICAL ->
          "every line of "
              + edit.code()
              + " on the date is denied; appealable: with documentation of medical necessity,"
              + " the contractor may pay units above "
              + edit.value();
    };
  }

  @Override
  public String toString() {
    return NAME + " " + table;
  }
}
