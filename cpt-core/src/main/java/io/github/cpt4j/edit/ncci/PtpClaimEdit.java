package io.github.cpt4j.edit.ncci;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.edit.ClaimEdit;
import io.github.cpt4j.edit.EditAction;
import io.github.cpt4j.edit.EditFinding;
import io.github.cpt4j.edit.ProviderDay;
import io.github.cpt4j.edit.RenderingProviders;
import io.github.cpt4j.edit.Visits;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.Quarter;
import io.github.cpt4j.modifier.Modifier;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The NCCI procedure-to-procedure edit as a {@link ClaimEdit}: for every pair of lines of a claim
 * whose codes are a column 1 / column 2 pair of the table active on the date of service, the column
 * 2 line is denied ({@link UnpricedReason#NCCI_PTP}), unless the edit's modifier indicator is 1 and
 * an NCCI-associated modifier ({@link NcciModifiers}) is on either line of the pair: on a visit (an
 * E/M service or an eye exam, {@link Visits#isVisit}, or G0463) only 24, 25, 27 or 57, which are
 * for visits alone, and 27, the outpatient hospital claims' modifier, not when the table is the
 * practitioner one ({@link NcciClaimType#PRACTITIONER}). NCCI Policy Manual for Medicare Services,
 * Chapter I, Section E; CMS Change Request 11168 (either line).
 *
 * <pre>{@code
 * ClaimEdit ptp = PtpClaimEdit.of(table);
 * List<EditFinding> findings = ptp.check(Claim.builder().add("27447").add("20610").build(),
 *     context);
 * // [ncci-ptp line 2 DENY_LINE: 20610 (line 2) is column 2 of 27447 (line 1) ...]
 * }</pre>
 *
 * <p>A pair passed only by anatomic modifiers that are the same on both lines (27447-RT, 20610-RT)
 * names one site, not two: the line is paid, with a {@link EditAction#FLAG} finding, one per line
 * and pair however many lines of the column 1 code the claim has.
 *
 * <p>One finding per denied line, naming the first line (in billed order) whose code denies it
 * under modifier indicator 0, which no modifier bypasses, or else the first whose code denies it:
 * {@code 27447, 29880, 20610} with 20610 column 2 of both, at indicators 1 and 0, cites 29880, not
 * a 59 that would leave the line denied. A line may be denied and still deny another, as the pairs
 * are judged one by one; but when the table holds a pair in both orders ({@code A, B} and {@code B,
 * A}, both in force on the date), one of the rows is the pair's edit, so one line is denied, never
 * both: the newer row, or of one date the row of indicator 0, or else the row whose column 1 line
 * is billed first. Checking a claim of n lines looks up its n(n-1) ordered pairs, most answered by
 * one read of the table's filter, and allocates nothing when the claim passes.
 *
 * <p>A table that knows its quarter ({@link PtpTable#effective()}) judges every line, but a line
 * dated after that quarter ({@link PtpTable#knowsEditsOn}) that has a line to pair with also gets a
 * {@link EditAction#FLAG} finding (reason {@link UnpricedReason#NCCI_PTP}; one per line), naming
 * the table's quarter: edits CMS added since are not in the table, so passing it is not passing
 * that date's edits. Earlier dates need no flag, as the rows carry their own effective and deletion
 * dates.
 *
 * <p>Immutable and thread-safe, as every {@link ClaimEdit} must be: one edit checks claims on any
 * number of threads at once.
 */
public final class PtpClaimEdit implements ClaimEdit {

  /** The name of this edit and of its findings. */
  public static final String NAME = "ncci-ptp";

  private final PtpTable table;

  /**
   * Whether 27 separates a visit: not on the practitioner table's claims, as 27 is an outpatient
   * hospital claim's modifier; a table of unstated type may be the hospital's.
   */
  private final boolean hospital;

  private PtpClaimEdit(PtpTable table) {
    this.table = table;
    this.hospital = table.claimType().orElse(null) != NcciClaimType.PRACTITIONER;
  }

  /**
   * {@return the edit of {@code table}}
   *
   * @param table the procedure-to-procedure edits the edit pairs lines against
   */
  public static PtpClaimEdit of(PtpTable table) {
    return new PtpClaimEdit(requireNonNull(table, "table"));
  }

  /** {@return the table} */
  public PtpTable table() {
    return table;
  }

  @Override
  public String name() {
    return NAME;
  }

  /**
   * Reads each line's own date and rendering provider: lines are paired only with lines of their
   * date and provider, and the whole claim is seen, so that a finding's message and data number the
   * claim's own lines.
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
    if (n < 2) {
      return List.of();
    }
    LocalDate claimDate = context.dateOfService();
    // The usual claim is one provider's on one date: then no line's date or provider needs
    // comparing. Otherwise a pair is two lines of one provider on one date: "the same provider for
    // the same beneficiary on the same date of service" (NCCI Policy Manual, ch. I).
    // On outpatient hospital claims the provider is the hospital: the lines of one date are paired
    // whatever physician each names.
    boolean byProvider = table.claimType().map(NcciClaimType::byRenderingProvider).orElse(true);
    // The lines naming no rendering provider are the provider RenderingProviders decides: the one
    // NPI the other lines name, or a provider of their own. Null: every line of a date is paired.
    RenderingProviders providers = byProvider ? RenderingProviders.of(claim, context) : null;
    boolean oneDay =
        byProvider
            ? ProviderDay.single(claim, context, providers) != null
            : oneDate(claim, claimDate);
    List<EditFinding> found = null;
    long deniedMask = 0; // lines 0-63 already denied; later ones are looked up in `found`
    LocalDate dayOf = null;
    int day = 0;
    for (int i = 0; i < n; i++) {
      ClaimLine first = claim.line(i).line();
      int column1 = first.code().packed();
      LocalDate date = claim.line(i).dateOfServiceOr(claimDate);
      if (!date.equals(dayOf)) {
        dayOf = date;
        day = PtpTable.day(date);
      }
      for (int j = 0; j < n; j++) {
        if (j == i
            || j < 64 && (deniedMask & 1L << j) != 0
            || !oneDay && apart(claim, j, i, date, claimDate, providers)) {
          continue;
        }
        ClaimLine second = claim.line(j).line();
        int column2 = second.code().packed();
        if (column2 == column1) {
          continue;
        }
        int row = applyingRow(column1, column2, day, claim, j, date, claimDate, oneDay, providers);
        if (row < 0 || j >= 64 && isDenied(found, j)) {
          continue;
        }
        if (bypassed(row, first, second)) {
          // Paid, but worth a look, once per line and pair (two lines of 27447-RT do not make two
          // flags on one 20610-RT): a visit passed by the procedure line's modifier alone, which
          // the claims system accepts though a visit is separated by 25 (NCCI Policy Manual,
          // ch. I, section E); or one site named twice (27447-RT, 20610-RT), which is not two.
          boolean visitWithoutItsModifier = isVisit(second.code()) && bypassingOn(second) == null;
          if ((visitWithoutItsModifier
                  || NcciModifiers.sameSiteOnly(
                      first, isVisit(first.code()), second, isVisit(second.code()), hospital))
              && !isFlagged(found, j, first)) {
            if (found == null) {
              found = new ArrayList<>(2);
            }
            found.add(
                visitWithoutItsModifier
                    ? visitPassedByTheOtherLine(
                        claim.lineNumber(i), first, j, claim.lineNumber(j), second, row)
                    : sameSite(claim.lineNumber(i), first, j, claim.lineNumber(j), second, row));
          }
          continue;
        }
        if (found == null) {
          found = new ArrayList<>(2);
        }
        // One finding per line: when the first line to deny it does so under indicator 1, a later
        // line may deny it under indicator 0, which no modifier bypasses. Advising 59 then would
        // only get the line denied again, so the finding names the edit that cannot be bypassed.
        int by = i;
        if (table.indicator(row) != PtpModifierIndicator.NOT_ALLOWED) {
          for (int k = i + 1; k < n; k++) {
            if (k == j || !oneDay && apart(claim, k, j, date, claimDate, providers)) {
              continue;
            }
            int other = claim.line(k).line().code().packed();
            int otherRow =
                other == column2
                    ? -1
                    : applyingRow(
                        other, column2, day, claim, j, date, claimDate, oneDay, providers);
            if (otherRow >= 0 && table.indicator(otherRow) == PtpModifierIndicator.NOT_ALLOWED) {
              by = k;
              row = otherRow;
              break;
            }
          }
        }
        found.add(
            finding(
                claim.lineNumber(by),
                claim.line(by).line(),
                j,
                claim.lineNumber(j),
                second,
                row,
                date));
        if (j < 64) {
          deniedMask |= 1L << j;
        }
      }
    }
    if (table.knowsItsQuarter()) {
      found = flagLinesAfterTheQuarter(claim, claimDate, oneDay, providers, found);
    }
    if (found == null) {
      return List.of();
    }
    // Stable: a line's quarter flag stays after its denial or pair flags.
    found.sort(Comparator.comparingInt(EditFinding::line));
    return List.copyOf(found);
  }

  /**
   * Returns the row of the pair {@code column1} over {@code column2} (line {@code member}) active
   * on {@code day} when it is the pair's edit, or -1. A pair in both orders (both rows in force on
   * the day) has one edit, or both lines would be denied, though the column 1 code is the one paid
   * (NCCI Policy Manual, ch. I): the newer row, CMS's later word on the pair; of one date, the row
   * of indicator 0, which would deny a line whatever the modifiers; else the row whose column 1
   * code is billed first among the lines paired with line {@code member} (of its date and, when
   * lines are paired by provider, its provider), decided once for the two codes, so that lines of
   * each are never denied by lines of the other, and lines of another day or provider change
   * nothing. Allocation-free; the reverse pair is looked up only when the pair is an edit, which is
   * rare.
   */
  private int applyingRow(
      int column1,
      int column2,
      int day,
      Claim claim,
      int member,
      LocalDate date,
      LocalDate claimDate,
      boolean oneDay,
      RenderingProviders providers) {
    int row = table.activeRow(column1, column2, day);
    if (row < 0) {
      return -1;
    }
    int reverse = table.activeRow(column2, column1, day);
    if (reverse < 0) {
      return row;
    }
    int newer = Integer.compare(table.effectiveDay(row), table.effectiveDay(reverse));
    if (newer != 0) {
      return newer > 0 ? row : -1;
    }
    boolean strict = table.indicator(row) == PtpModifierIndicator.NOT_ALLOWED;
    if (strict != (table.indicator(reverse) == PtpModifierIndicator.NOT_ALLOWED)) {
      return strict ? row : -1;
    }
    return billedFirst(claim, column1, column2, member, date, claimDate, oneDay, providers)
        ? row
        : -1;
  }

  /**
   * Whether the first line of {@code code} or {@code other} among those paired with line {@code
   * member} is of {@code code}.
   */
  private static boolean billedFirst(
      Claim claim,
      int code,
      int other,
      int member,
      LocalDate date,
      LocalDate claimDate,
      boolean oneDay,
      RenderingProviders providers) {
    for (int k = 0, n = claim.size(); k < n; k++) {
      if (!oneDay && apart(claim, k, member, date, claimDate, providers)) {
        continue;
      }
      int packed = claim.line(k).line().code().packed();
      if (packed == code || packed == other) {
        return packed == code;
      }
    }
    return true;
  }

  /**
   * Adds to {@code found} (null when empty) a flag on each line dated after the table's quarter
   * that has a line to pair with: its pairs were judged by a table that may miss the edits CMS has
   * added since (each quarter's PTP files add pairs), so a clean result there is not a pass. Dates
   * up to the end of the quarter, earlier quarters included, are judged without a flag: CMS's files
   * keep each edit's effective date and a deleted edit's row with its deletion date, so the rows
   * say which pairs were in force on an earlier date. (An MUE file's rows carry no dates, which is
   * why its table flags every date outside its quarter.) One flag per line, however many pairs it
   * is in.
   */
  private List<EditFinding> flagLinesAfterTheQuarter(
      Claim claim,
      LocalDate claimDate,
      boolean oneDay,
      RenderingProviders providers,
      List<EditFinding> found) {
    int n = claim.size();
    LocalDate dayOf = null;
    boolean after = false;
    for (int i = 0; i < n; i++) {
      LocalDate date = claim.line(i).dateOfServiceOr(claimDate);
      if (!date.equals(dayOf)) {
        dayOf = date;
        after = !table.knowsEditsOn(date);
      }
      if (after && hasPair(claim, i, date, claimDate, oneDay, providers)) {
        if (found == null) {
          found = new ArrayList<>(2);
        }
        found.add(afterTheQuarter(claim, i, date));
      }
    }
    return found;
  }

  /** Tells whether line {@code i}, of {@code date}, has a line of another code to pair with. */
  private static boolean hasPair(
      Claim claim,
      int i,
      LocalDate date,
      LocalDate claimDate,
      boolean oneDay,
      RenderingProviders providers) {
    int code = claim.line(i).line().code().packed();
    for (int j = 0; j < claim.size(); j++) {
      if (j != i
          && claim.line(j).line().code().packed() != code
          && (oneDay || !apart(claim, j, i, date, claimDate, providers))) {
        return true;
      }
    }
    return false;
  }

  private EditFinding afterTheQuarter(Claim claim, int index, LocalDate date) {
    ClaimLine line = claim.line(index).line();
    LocalDate effective = table.effective().orElseThrow();
    LocalDate last = table.lastDay().orElseThrow();
    return EditFinding.builder()
        .edit(NAME)
        .line(index)
        .lineNumber(claim.lineNumber(index))
        .action(EditAction.FLAG)
        .deniedUnits(0)
        .reason(UnpricedReason.NCCI_PTP)
        .message(
            line.code()
                + " (line "
                + claim.lineNumber(index)
                + "), of "
                + date
                + ", was checked against the PTP table of "
                + Quarter.of(effective)
                + ", which knows the edits through "
                + last
                + ": edits CMS added after that are not in it; check the line with the PTP files"
                + " of its date's quarter")
        .putData("kind", "PTP")
        .putData("code", line.code().toString())
        .putData("effective", effective.toString())
        .putData("lastDay", last.toString())
        .build();
  }

  private boolean bypassed(int row, ClaimLine first, ClaimLine second) {
    return table.indicator(row) == PtpModifierIndicator.ALLOWED
        && (bypassingOn(first) != null || bypassingOn(second) != null);
  }

  /** The modifier that bypasses the pair on {@code line}, if any (see {@link NcciModifiers}). */
  private Modifier bypassingOn(ClaimLine line) {
    // Most lines have no modifier: no section to look up for them.
    return line.modifiers().isEmpty()
        ? null
        : NcciModifiers.firstBypassingOn(line, isVisit(line.code()), hospital);
  }

  /**
   * Tells whether line {@code x} is not paired with line {@code y}, of {@code date}: another date,
   * or, when pairs are per rendering provider ({@code providers} not null), another provider.
   */
  private static boolean apart(
      Claim claim,
      int x,
      int y,
      LocalDate date,
      LocalDate claimDate,
      RenderingProviders providers) {
    return !claim.line(x).dateOfServiceOr(claimDate).equals(date)
        || providers != null && !providers.same(claim.line(x), claim.line(y));
  }

  private EditFinding sameSite(
      int number1, ClaimLine first, int j, int number2, ClaimLine second, int row) {
    return flag(
        number1,
        first,
        j,
        number2,
        second,
        row,
        // Paid, with this flag: the words must not read as a denial (what NCCI would do is a
        // reason to check the documentation, not the outcome).
        "an anatomic modifier both lines carry: one site is not two distinct ones, and NCCI does"
            + " not pay column 2 with column 1 on one site; paid here: check the documentation");
  }

  private EditFinding visitPassedByTheOtherLine(
      int number1, ClaimLine first, int j, int number2, ClaimLine second, int row) {
    return flag(
        number1,
        first,
        j,
        number2,
        second,
        row,
        bypassingOn(first)
            + " on line "
            + number1
            + ": a visit on the day of a procedure is separately payable with 25 on the visit"
            + " (57 for the decision to operate, 24 in a global period), which "
            + second.code()
            + " does not carry");
  }

  /** A finding that flags line {@code j}, which passed the edit only by {@code by}. */
  @SuppressWarnings("TooManyParameters") // the pair's two lines, each with its numbers
  private EditFinding flag(
      int number1, ClaimLine first, int j, int number2, ClaimLine second, int row, String by) {
    String message =
        second
            + " (line "
            + number2
            + ") passed the edit with "
            + first
            + " (line "
            + number1
            + ") only by "
            + by;
    PtpEdit edit = table.edit(row);
    return EditFinding.builder()
        .edit(NAME)
        .line(j)
        .lineNumber(number2)
        .action(EditAction.FLAG)
        .deniedUnits(0)
        .reason(UnpricedReason.NCCI_PTP)
        .message(message)
        .putData("kind", "PTP")
        .putData("column1", edit.column1().toString())
        .putData("column2", edit.column2().toString())
        .putData("column1Line", Integer.toString(number1))
        .build();
  }

  /** Whether line {@code line} is already flagged for one site beside the code of {@code first}. */
  private static boolean isFlagged(List<EditFinding> found, int line, ClaimLine first) {
    if (found != null) {
      String column1 = first.code().toString();
      for (EditFinding finding : found) {
        if (finding.line() == line
            && finding.action() == EditAction.FLAG
            && column1.equals(finding.data().get("column1"))) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isDenied(List<EditFinding> found, int line) {
    if (found != null) {
      for (EditFinding finding : found) {
        if (finding.line() == line && finding.action().denies()) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The finding on line {@code j} ({@code second}, numbered {@code number2} on the claim), paired
   * with {@code first}, numbered {@code number1}.
   */
  @SuppressWarnings("TooManyParameters") // both lines of the pair, each with its number
  private EditFinding finding(
      int number1, ClaimLine first, int j, int number2, ClaimLine second, int row, LocalDate date) {
    PtpEdit edit = table.edit(row);
    Map<String, String> data = new LinkedHashMap<>();
    data.put("kind", "PTP");
    data.put("column1", edit.column1().toString());
    data.put("column2", edit.column2().toString());
    data.put("column1Line", Integer.toString(number1));
    data.put("modifierIndicator", String.valueOf(edit.modifierIndicator().digit()));
    data.put("effective", edit.effective().toString());
    data.put("deletion", edit.deletion().map(Object::toString).orElse("*"));
    data.put("rationale", edit.rationale());
    StringBuilder message =
        new StringBuilder()
            .append(edit.column2())
            .append(" (line ")
            .append(number2)
            .append(") is column 2 of ")
            .append(edit.column1())
            .append(" (line ")
            .append(number1)
            .append(") on ")
            .append(date)
            .append(", modifier indicator ")
            .append(edit.modifierIndicator().digit());
    if (!edit.rationale().isEmpty()) {
      message.append(" (").append(edit.rationale()).append(')');
    }
    message.append(": ").append(hint(edit, first, second));
    return EditFinding.builder()
        .edit(NAME)
        .line(j)
        .lineNumber(number2)
        .action(EditAction.DENY_LINE)
        .deniedUnits(second.units())
        .reason(UnpricedReason.NCCI_PTP)
        .message(message.toString())
        .putAllData(data)
        .build();
  }

  /** What would fix it: the biller's options under the modifier indicator. */
  private String hint(PtpEdit edit, ClaimLine first, ClaimLine second) {
    if (edit.modifierIndicator() == PtpModifierIndicator.ALLOWED) {
      if (isVisit(second.code())) {
        // 59 and its X subsets are for services other than E/M (CMS, MLN1783722): a visit beside
        // a procedure is unbundled with 25, or 57 when it was the decision for surgery.
        Modifier misplaced = NcciModifiers.firstOn(second);
        return "add 25 to "
            + second.code()
            + " if the visit was a significant, separately identifiable service (57 if it was"
            + " the decision for surgery)"
            + (misplaced == null
                ? ""
                : "; "
                    + misplaced
                    + (NcciModifiers.isHospitalVisits(misplaced) && !hospital
                        ? " is for outpatient hospital claims, not a practitioner's"
                        : " does not separate a visit"));
      }
      // 25 on the procedure was the visit's modifier put on the wrong line: it passes no edit
      // there (NCCI Policy Manual, ch. I, section E), as 59 passes none on a visit, so say so.
      return "add 59 or XU to "
          + second.code()
          + " if the services were distinct (or XE, XS, XP, an anatomic modifier where it fits)"
          + (second.hasModifier(Modifier.SEPARATE_EM)
              ? "; 25 does not separate a procedure (it is an E/M modifier)"
              : "");
    }
    Modifier tried = NcciModifiers.firstOn(second);
    if (tried == null) {
      tried = NcciModifiers.firstOn(first);
    }
    return "no modifier bypasses this edit"
        + (tried == null ? "" : " (" + tried + " does not)")
        + "; "
        + second.code()
        + " is not paid with "
        + first.code()
        + " on the same date";
  }

  /** Tells whether every line of {@code claim} is of one date. */
  private static boolean oneDate(Claim claim, LocalDate claimDate) {
    LocalDate first = claim.line(0).dateOfServiceOr(claimDate);
    for (int i = 1; i < claim.size(); i++) {
      if (!claim.line(i).dateOfServiceOr(claimDate).equals(first)) {
        return false;
      }
    }
    return true;
  }

  /** G0463, the hospital outpatient clinic visit, packed once. */
  private static final int CLINIC_VISIT = ProcedureCode.parse("G0463").packed();

  /**
   * Tells whether {@code code} is a visit, which modifiers 24, 25, 27 and 57 separate (NCCI Policy
   * Manual, ch. I, section E): a visit of {@link Visits#isVisit} (a CPT E/M code, 99201 on its
   * dates, an eye exam 92002-92014), the definition the global surgery edit reads too, and G0463,
   * the hospital outpatient clinic visit, which takes 25 and 27 on outpatient claims (Claims
   * Processing Manual, ch. 4, section 20.6) and is no part of a surgeon's global package.
   */
  private static boolean isVisit(ProcedureCode code) {
    return Visits.isVisit(code) || code.packed() == CLINIC_VISIT;
  }

  @Override
  public String toString() {
    return NAME + " " + table;
  }
}
