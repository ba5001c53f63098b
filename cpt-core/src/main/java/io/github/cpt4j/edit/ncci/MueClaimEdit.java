package io.github.cpt4j.edit.ncci;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.claim.Npi;
import io.github.cpt4j.edit.ClaimEdit;
import io.github.cpt4j.edit.EditAction;
import io.github.cpt4j.edit.EditFinding;
import io.github.cpt4j.edit.RenderingProviders;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.modifier.Modifier;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
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
 * units are the postoperative days managed. The edit sees the whole claim ({@link
 * #perProviderDay()} is false) and reads each line's own date and rendering provider: the units of
 * a date of service edit are added up per code and date, and per provider unless the table is for
 * hospital or supplier claims ({@link NcciClaimType#byRenderingProvider()}). For lines of one date
 * split over several claims, check them as one claim.
 *
 * <p>On a claim of at most 32 lines, checking allocates nothing unless something is found. A longer
 * claim with a date of service edit in force adds up each code's units once, in a map built for the
 * call, rather than by a search of the claim per line.
 *
 * <p>A table that knows its quarter ({@link MueTable#effective()}) judges only the lines of that
 * quarter; a line of another date gets a {@link EditAction#FLAG} finding saying it was not checked
 * (reason {@link UnpricedReason#NCCI_MUE}, as every finding of this edit; nothing is denied), also
 * when the table has no row for its code, as that date's table may have one (a new code's).
 *
 * <p>Immutable and thread-safe, as every {@link ClaimEdit} must be: one edit checks claims on any
 * number of threads at once (what a long claim's check builds is its own).
 */
public final class MueClaimEdit implements ClaimEdit {

  /** The name of this edit and of its findings. */
  public static final String NAME = "ncci-mue";

  private final MueTable table;

  /** Whether each rendering provider's units are counted apart: on practitioner claims. */
  private final boolean byProvider;

  /**
   * Whether a bilateral procedure is billed with 50 on one line: on practitioner and outpatient
   * hospital claims (MLN Matters SE1422), not a DME supplier's, which bills each side's item on a
   * line of its own.
   */
  private final boolean fiftyForBothSides;

  private MueClaimEdit(MueTable table) {
    this.table = table;
    this.byProvider = table.claimType().map(NcciClaimType::byRenderingProvider).orElse(true);
    this.fiftyForBothSides = table.claimType().orElse(null) != NcciClaimType.DME_SUPPLIER;
  }

  /**
   * {@return the edit of {@code table}}
   *
   * @param table the unit limits the edit checks each line and date against
   */
  public static MueClaimEdit of(MueTable table) {
    return new MueClaimEdit(requireNonNull(table, "table"));
  }

  /** {@return the table} */
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
    return check(claim, context, claim.size() > TALLY_FROM_LINES);
  }

  /**
   * The findings; {@code tally} false adds up each line's units by a search of the claim, the plain
   * way the tally must agree with, for the property that checks it.
   */
  List<EditFinding> check(Claim claim, PricingContext context, boolean tally) {
    int n = claim.size();
    LocalDate claimDate = context.dateOfService();
    List<EditFinding> found = null;
    Map<DayCode, Tally> tallies = null; // a long claim's units of each code and day, added once
    // Whose lines each line is, worked out when a date of service edit first needs it; null when
    // every line of a date counts (a hospital's or a supplier's claim).
    RenderingProviders providers = null;
    for (int i = 0; i < n; i++) {
      ClaimLine line = claim.line(i).line();
      LocalDate date = claim.line(i).dateOfServiceOr(claimDate);
      if (!table.inForceOn(date)) {
        // Another quarter's value may differ: say the line was not judged, rather than judge it.
        // A code without a row here too: CMS gives a new code its MUE in the quarter it takes
        // effect, so this table's silence says nothing of another quarter's.
        if (found == null) {
          found = new ArrayList<>(2);
        }
        found.add(notInForce(claim, i, line, date));
        continue;
      }
      int row = table.row(line.code().packed());
      if (row < 0) {
        continue;
      }
      // A long: a claim has no limit of lines, and 21,476 lines of 99,999 units overflow an int.
      long units;
      Tally counted = null;
      if (!table.perDateOfService(row)) {
        units = servicesOf(line);
      } else {
        if (providers == null && byProvider) {
          providers = RenderingProviders.of(claim, context);
        }
        if (!tally) {
          units = unitsOfCode(claim, i, date, claimDate, providers);
        } else {
          if (tallies == null) {
            tallies = tallies(claim, claimDate, providers);
          }
          counted = tallies.get(DayCode.of(claim.line(i), date, providers));
          units = counted.units;
        }
      }
      if (units > table.value(row)) {
        if (found == null) {
          found = new ArrayList<>(2);
        }
        String lines = null;
        boolean bothSides;
        if (table.perDateOfService(row)) {
          // The lines added up, found again by a search only for a finding of a short claim.
          Tally added =
              counted != null ? counted : sameDayLines(claim, i, date, claimDate, providers);
          lines = added.lines(claim);
          bothSides = added.bothSides(claim);
        } else {
          bothSides = fiftyOfUnits(line);
        }
        found.add(finding(claim, i, line, row, units, date, lines, fiftyForBothSides && bothSides));
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
   * The claims longer than this add up the units of each code, day and provider once, in a map: a
   * date of service edit asks every line of the code for them, and a claim of N such lines took
   * time (and, with their findings' line lists, memory) in N squared. A short claim's search costs
   * less than the map.
   */
  static final int TALLY_FROM_LINES = 32;

  /**
   * A code billed on a date by a rendering provider (null: the claim's own provider, or every
   * provider when the units are added up across providers).
   */
  private record DayCode(int code, LocalDate date, Npi provider) {
    static DayCode of(BilledLine line, LocalDate date, RenderingProviders providers) {
      return new DayCode(
          line.line().code().packed(),
          date,
          providers == null ? null : providers.of(line).orElse(null));
    }
  }

  /** The units of one {@link DayCode} and the indexes of its lines, in claim order. */
  private static final class Tally {
    long units;
    final List<Integer> indexes = new ArrayList<>(1);
    private String lines;
    private Boolean bothSides;

    /** Whether its lines are a procedure on both sides billed as more than one unit. */
    boolean bothSides(Claim claim) {
      if (bothSides == null) {
        Sides sides = new Sides();
        for (int i : indexes) {
          sides.add(claim.line(i).line());
        }
        bothSides = sides.both();
      }
      return bothSides;
    }

    /** The claim's numbers of the lines, comma-separated; one string for all their findings. */
    String lines(Claim claim) {
      if (lines == null) {
        StringBuilder text = new StringBuilder();
        for (int i : indexes) {
          text.append(text.length() == 0 ? "" : ",").append(claim.lineNumber(i));
        }
        lines = text.toString();
      }
      return lines;
    }
  }

  /** The tally of every code, day and provider of {@code claim}, in one pass. */
  private static Map<DayCode, Tally> tallies(
      Claim claim, LocalDate claimDate, RenderingProviders providers) {
    Map<DayCode, Tally> tallies = new HashMap<>();
    for (int i = 0; i < claim.size(); i++) {
      BilledLine billed = claim.line(i);
      Tally tally =
          tallies.computeIfAbsent(
              DayCode.of(billed, billed.dateOfServiceOr(claimDate), providers), k -> new Tally());
      tally.units += servicesOf(billed.line());
      tally.indexes.add(i);
    }
    return tallies;
  }

  /**
   * The units of the code of line {@code index} on {@code date}, its date, by its rendering
   * provider, over every line of the claim: a long, which no claim can overflow (fewer than 2^31
   * lines of at most {@value ClaimLine#MAX_UNITS} units). An MUE counts one provider's units for
   * one beneficiary on one date (NCCI Policy Manual, ch. I, "Medically Unlikely Edits"): another
   * practitioner of the group bills the code within an MUE of his own, the lines naming none being
   * the provider {@code providers} says. Not so on the claims whose provider is a hospital or a
   * supplier ({@code providers} null; {@link NcciClaimType#byRenderingProvider()}): every line of
   * the code on the date counts.
   */
  static long unitsOfCode(
      Claim claim, int index, LocalDate date, LocalDate claimDate, RenderingProviders providers) {
    BilledLine of = claim.line(index);
    int code = of.line().code().packed();
    long units = 0;
    for (int i = 0; i < claim.size(); i++) {
      BilledLine billed = claim.line(i);
      if (billed.line().code().packed() == code
          && billed.dateOfServiceOr(claimDate).equals(date)
          && (providers == null || providers.same(billed, of))) {
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

  /**
   * The finding on line {@code index}: {@code units} of its code over the value of {@code row}, on
   * the lines {@code lines} (a date of service edit) or alone; {@code bothSides} when they look
   * like a bilateral procedure billed as two units, which 50 on one line would fix.
   */
  @SuppressWarnings("TooManyParameters") // the line, its count and how it was billed
  private EditFinding finding(
      Claim claim,
      int index,
      ClaimLine line,
      int row,
      long units,
      LocalDate date,
      String lines,
      boolean bothSides) {
    MueEdit edit = table.edit(row);
    MueAdjudicationIndicator mai = edit.indicator();
    Map<String, String> data = new LinkedHashMap<>();
    data.put("kind", "MUE");
    data.put("code", edit.code().toString());
    data.put("mueValue", Integer.toString(edit.value()));
    data.put("mai", String.valueOf(mai.digit()));
    data.put("units", Long.toString(units));
    // What and where, a line edit as a date of service edit: the code, the units, the date and
    // the lines they are on (the line itself for a line edit), "J1100: 12 units on 2026-07-01
    // (line 3)", so that a claim of several dates or lines of the code says which one is denied.
    StringBuilder message =
        new StringBuilder()
            .append(edit.code())
            .append(": ")
            .append(unitsText(units))
            .append(" on ")
            .append(date);
    if (mai.perDateOfService()) {
      data.put("lines", lines);
      message.append(lines.indexOf(',') < 0 ? " (line " : " (lines ");
      appendFew(message, lines);
      message.append(')');
    } else {
      message.append(" (line ").append(claim.lineNumber(index)).append(')');
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
    message.append("): ").append(hint(edit, bothSides));
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

  /**
   * The lines of the code of line {@code index} on {@code date} by its provider, those {@link
   * #unitsOfCode} adds up, found by a search of the claim: for a finding of a claim too short to be
   * tallied.
   */
  private static Tally sameDayLines(
      Claim claim, int index, LocalDate date, LocalDate claimDate, RenderingProviders providers) {
    BilledLine of = claim.line(index);
    Tally lines = new Tally();
    for (int i = 0; i < claim.size(); i++) {
      BilledLine billed = claim.line(i);
      if (billed.line().code().equals(of.line().code())
          && billed.dateOfServiceOr(claimDate).equals(date)
          && (providers == null || providers.same(billed, of))) {
        lines.units += servicesOf(billed.line());
        lines.indexes.add(i);
      }
    }
    return lines;
  }

  /** Whether {@code line} has 50 and more than one unit. */
  private static boolean fiftyOfUnits(ClaimLine line) {
    return line.units() > 1 && line.hasModifier(Modifier.BILATERAL);
  }

  /**
   * The sides a code's lines name. Practitioners and hospitals bill a bilateral procedure on one
   * line with 50 and 1 unit, and CMS sets the MUE of a procedure that may be done on both sides for
   * that reporting (MLN Matters SE1422): RT and LT on lines of their own, or 50 with 2 units, count
   * 2 against it.
   */
  private static final class Sides {
    private boolean left;
    private boolean right;
    private boolean fifty;

    void add(ClaimLine line) {
      left |= line.hasModifier(Modifier.LEFT_SIDE);
      right |= line.hasModifier(Modifier.RIGHT_SIDE);
      fifty |= fiftyOfUnits(line);
    }

    boolean both() {
      return fifty || left && right;
    }
  }

  /** The most line numbers a message lists; the finding's data lists them all. */
  private static final int LISTED_LINES = 10;

  /**
   * Appends the first {@value #LISTED_LINES} of the comma-separated {@code lines} and how many more
   * there are: each line of the code gets a finding, and a message listing every line made the
   * findings of N lines take memory in N squared.
   */
  private static void appendFew(StringBuilder message, String lines) {
    int end = -1;
    for (int listed = 0; listed < LISTED_LINES; listed++) {
      end = lines.indexOf(',', end + 1);
      if (end < 0) {
        message.append(lines);
        return;
      }
    }
    int more = 1;
    for (int comma = lines.indexOf(',', end + 1);
        comma >= 0;
        comma = lines.indexOf(',', comma + 1)) {
      more++;
    }
    message.append(lines, 0, end).append(" and ").append(more).append(" more");
  }

  private static String unitsText(long units) {
    return units == 1 ? "1 unit" : units + " units";
  }

  /**
   * What the biller can do, by MAI; first, when the lines look like one procedure on both sides
   * billed as two units ({@code bothSides}), the one line with 50 and 1 unit that CMS's MUE values
   * for bilateral procedures assume (MLN Matters SE1422), as neither splitting the units nor an
   * appeal is the fix there.
   */
  private static String hint(MueEdit edit, boolean bothSides) {
    if (edit.value() == 0) {
      // Nothing to split: no unit of the code is payable for a provider and patient on a date.
      return "no unit of " + edit.code() + " is payable: every line of it is denied";
    }
    if (edit.indicator() == MueAdjudicationIndicator.LINE) {
      return "the line is denied; "
          + (bothSides ? "a bilateral procedure with 50 is 1 unit (MLN Matters SE1422); " : "")
          + "if more units were furnished, bill them on separate lines"
          + " with an anatomic modifier, 59 or XE, XS, XP, XU, or 76, 77 or 91 (or appeal)";
    }
    String denied =
        "every line of "
            + edit.code()
            + " on the date is denied; "
            + (bothSides
                ? "if it was one procedure on both sides, bill it on one line with 50 and 1 unit,"
                    + " the reporting the MUE of a bilateral procedure counts on (MLN Matters"
                    + " SE1422); otherwise "
                : "");
    return denied
        + (edit.indicator() == MueAdjudicationIndicator.DATE_OF_SERVICE_POLICY
            ? "units above "
                + edit.value()
                + " are not payable by policy, and an appeal is not expected to succeed"
            : "appealable: with documentation of medical necessity, the contractor may pay units"
                + " above "
                + edit.value());
  }

  @Override
  public String toString() {
    return NAME + " " + table;
  }
}
