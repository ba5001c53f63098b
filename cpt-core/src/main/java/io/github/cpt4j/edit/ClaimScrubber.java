package io.github.cpt4j.edit;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.PricingStep;
import io.github.cpt4j.text.NullElements;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Claim scrubbing: an immutable list of {@link ClaimEdit claim edits} run over a claim, without
 * pricing it. A claim pricer runs the same edits before its payment rules; this runs them alone.
 *
 * <pre>{@code
 * ClaimScrubber scrubber = ClaimScrubber.of(ModifierRulesEdit.standard(), payerEdit);
 * for (EditFinding finding : scrubber.scrub(claim, context)) {
 *   log.info(finding.toString());   // payer-cosmetic line 2 DENY_LINE: ...
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe when its edits are.
 */
public final class ClaimScrubber {

  private static final Comparator<EditFinding> BY_LINE = Comparator.comparingInt(EditFinding::line);

  /**
   * How many times at most the edits that judge after denials judge a claim: once, and again while
   * one of them changes its findings (see {@link #scrub}); the findings of the last time stand.
   */
  private static final int AFTER_DENIALS_ROUNDS = 4; // StandardEdits, the pricer's direct path, too

  private final ImmutableList<ClaimEdit> edits;

  private ClaimScrubber(ImmutableList<ClaimEdit> edits) {
    this.edits = edits;
  }

  /**
   * Returns a scrubber running {@code edits} in order.
   *
   * @param edits the edits, in the order they run; empty for a scrubber that finds nothing
   * @return the scrubber
   * @throws IllegalArgumentException if two edits have one name, or a name is not a rule id (see
   *     {@link ClaimEdit#name()}), or two edits give findings of one name ({@link
   *     ClaimEdit#findingNames()}: {@code NcciEdits}, whose findings are {@code ncci-ptp} and
   *     {@code ncci-mue}, beside the {@code PtpClaimEdit} named {@code ncci-ptp})
   */
  public static ClaimScrubber of(List<? extends ClaimEdit> edits) {
    ImmutableList<ClaimEdit> copy = NullElements.copyOf(requireNonNull(edits, "edits"), "edit");
    Set<String> names = new HashSet<>();
    // The edit whose findings carry each name: a denied line's refusedBy() and explanation name
    // the edit by its finding's name, which two edits giving it would make ambiguous.
    Map<String, ClaimEdit> carriedBy = new HashMap<>();
    for (ClaimEdit edit : copy) {
      String name = requireNonNull(edit.name(), "edit name");
      try {
        // Findings carry the name into explanations, warnings and PricedLine.refusedBy, which
        // take only rule ids: refused when the edit is registered, not on the first claim it
        // denies a line of.
        PricingStep.checkRule(name);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "the name of claim edit "
                + edit.getClass().getName()
                + " is refused: "
                + e.getMessage(),
            e);
      }
      if (!names.add(name)) {
        // The whole list, in order: an edit added twice, or a payer's edit named like a standard
        // one, shows where each is.
        throw new IllegalArgumentException(
            "two claim edits are named '"
                + name
                + "'; the edits are "
                + copy.stream().map(ClaimEdit::name).toList());
      }
      for (String carried : carried(edit)) {
        ClaimEdit other = carriedBy.putIfAbsent(carried, edit);
        if (other != null && other != edit) {
          throw new IllegalArgumentException(
              "two claim edits give findings named '"
                  + carried
                  + "', "
                  + described(other)
                  + " and "
                  + described(edit)
                  + "; the edits are "
                  + copy.stream().map(ClaimEdit::name).toList());
        }
      }
    }
    return new ClaimScrubber(copy);
  }

  /** The names the findings of {@code edit} may carry: its own and its {@code findingNames()}. */
  private static List<String> carried(ClaimEdit edit) {
    List<String> findingNames = requireNonNull(edit.findingNames(), "findingNames");
    List<String> all = new ArrayList<>(findingNames.size() + 1);
    all.add(edit.name());
    for (String name : findingNames) {
      all.add(requireNonNull(name, "a finding name of claim edit " + edit.name()));
    }
    return all;
  }

  /** The edit's name, and the names its findings carry when they are not just that one. */
  private static String described(ClaimEdit edit) {
    List<String> findingNames = edit.findingNames();
    return "'"
        + edit.name()
        + "'"
        + (findingNames.equals(List.of(edit.name()))
            ? ""
            : " (its findings carry " + findingNames + ")");
  }

  /**
   * {@return a scrubber running {@code edits} in order}
   *
   * @param edits the edits, in the order they run
   * @throws IllegalArgumentException as {@link #of(List)} does
   */
  public static ClaimScrubber of(ClaimEdit... edits) {
    // Not List.of: its NullPointerException for a null edit says neither "edit" nor which one.
    return of(Arrays.asList(requireNonNull(edits, "edits")));
  }

  /** {@return the edits, in the order they run} */
  public ImmutableList<ClaimEdit> edits() {
    return edits;
  }

  /**
   * Runs every edit over {@code claim} and returns their findings ordered by line, then by edit
   * order, then as each edit returned them; an empty list when the claim is clean. The edits that
   * {@link ClaimEdit#judgesAfterDenials() judge after the others' denials} run after every other
   * edit, in their order, each told the lines the edits before it denied whole; their findings
   * still take their edit's place in the order. When one of them denies a line whole after an
   * earlier one judged, they run again, each told the lines every other edit denied whole, until
   * none changes its findings, at most four times in all (the findings of the last time stand): a
   * critical care line that the global surgery edit denies includes none of the day's services.
   *
   * @param claim the claim to check
   * @param context the date of service, locality, setting and practitioner type of the claim
   * @return every edit's findings, in the order above; empty when the claim is clean
   * @throws IllegalArgumentException if an edit returns null, a null finding, a finding for a line
   *     the claim it was given does not have (a bug in that edit): for an edit of one provider's
   *     day, the lines of that day, which its indexes count, or a finding that names another edit
   *     than itself ({@link ClaimEdit#findingNames()}), or a finding denying other units than its
   *     line's ({@link EditFinding#deniedUnits()}: all those billed for {@link
   *     EditAction#DENY_LINE}, at most those for {@link EditAction#DENY_UNITS}); or if an edit
   *     throws a {@code RuntimeException}, which is the cause, the message naming the edit and the
   *     lines it was given
   */
  public ImmutableList<EditFinding> scrub(Claim claim, PricingContext context) {
    requireNonNull(claim, "claim");
    requireNonNull(context, "context");
    // The edits of one provider's day see its lines in the context of that day: of the claim's
    // one day, or of each day of a claim of several, whose lines they see as a claim of their own.
    // The edits of the whole claim see the context given, and read each line's date and provider.
    PricingContext oneDay = ProviderDay.singleContext(claim, context);
    List<ProviderDay> days = oneDay == null ? ProviderDay.split(claim, context) : null;
    // Each edit's findings, by its place in the list: created with the first finding, so a clean
    // claim allocates nothing here.
    List<List<EditFinding>> byEdit = null;
    boolean anyAfterDenials = false;
    for (int e = 0; e < edits.size(); e++) {
      ClaimEdit edit = edits.get(e);
      if (edit.judgesAfterDenials()) {
        anyAfterDenials = true;
      } else {
        byEdit = run(edit, e, claim, context, oneDay, days, null, byEdit);
      }
    }
    if (anyAfterDenials) {
      for (int e = 0; e < edits.size(); e++) {
        ClaimEdit edit = edits.get(e);
        if (edit.judgesAfterDenials()) {
          // Before any finding no line is denied: a claim without findings builds nothing here.
          IntPredicate denied =
              byEdit == null ? ClaimScrubber::noLineDenied : deniedWhole(claim, byEdit, -1)::get;
          byEdit = run(edit, e, claim, context, oneDay, days, denied, byEdit);
        }
      }
      // An edit that judged before a later one denied lines whole did not know those denials: a
      // critical care line the global surgery edit then denies included the day's services. The
      // edits judge again, each told every other edit's denials, until none changes its findings.
      for (int round = 1; round < AFTER_DENIALS_ROUNDS && unseenDenials(claim, byEdit); round++) {
        boolean changed = false;
        for (int e = 0; e < edits.size(); e++) {
          ClaimEdit edit = edits.get(e);
          if (edit.judgesAfterDenials()) {
            List<EditFinding> before = byEdit.get(e);
            byEdit.set(e, null);
            byEdit =
                run(
                    edit,
                    e,
                    claim,
                    context,
                    oneDay,
                    days,
                    deniedWhole(claim, byEdit, e)::get,
                    byEdit);
            changed |= !Objects.equals(before, byEdit.get(e));
          }
        }
        if (!changed) {
          break;
        }
      }
    }
    if (byEdit == null) {
      return ImmutableList.of();
    }
    List<EditFinding> all = new ArrayList<>();
    for (List<EditFinding> found : byEdit) {
      if (found != null) {
        all.addAll(found);
      }
    }
    all.sort(BY_LINE); // stable: edit order, then each edit's order, within a line
    return ImmutableList.copyOf(all);
  }

  /**
   * Runs {@code edit}, the {@code e}th, over the claim whole or by provider's day, as it says, and
   * adds its findings to {@code byEdit} (created when null); {@code denied}, the lines the earlier
   * edits denied whole, is null for an edit that does not judge after them.
   */
  @SuppressWarnings("TooManyParameters") // the claim, its days and the findings so far, each named
  private List<List<EditFinding>> run(
      ClaimEdit edit,
      int e,
      Claim claim,
      PricingContext context,
      PricingContext oneDay,
      List<ProviderDay> days,
      IntPredicate denied,
      List<List<EditFinding>> byEdit) {
    List<EditFinding> found = null;
    if (!edit.perProviderDay()) {
      found = check(edit, claim, context, null, denied, found);
    } else if (days == null) {
      found = check(edit, claim, oneDay, null, denied, found);
    } else {
      for (ProviderDay day : days) {
        // A day's edit counts that day's lines: each index is moved to the whole claim's.
        IntPredicate ofDay = denied == null ? null : i -> denied.test(day.lineInClaim(i));
        found = check(edit, day.claim(), day.context(), day, ofDay, found);
      }
    }
    if (found == null) {
      return byEdit;
    }
    if (byEdit == null) {
      byEdit = new ArrayList<>(Collections.nCopies(edits.size(), null));
    }
    byEdit.set(e, found);
    return byEdit;
  }

  private static boolean noLineDenied(int line) {
    return false;
  }

  /**
   * Tells whether an edit judging after denials ran before one that then denied a line whole, so
   * that it judged without that denial.
   */
  private boolean unseenDenials(Claim claim, List<List<EditFinding>> byEdit) {
    if (byEdit == null) {
      return false;
    }
    boolean judgedBefore = false;
    for (int e = 0; e < edits.size(); e++) {
      if (edits.get(e).judgesAfterDenials()) {
        if (judgedBefore && deniesWhole(claim, byEdit.get(e))) {
          return true;
        }
        judgedBefore = true;
      }
    }
    return false;
  }

  private static boolean deniesWhole(Claim claim, List<EditFinding> found) {
    for (EditFinding finding : found == null ? List.<EditFinding>of() : found) {
      if (finding.deniesWholeLine(claim.line(finding.line()).line().units())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The lines of {@code claim} that the findings so far deny whole ({@link
   * EditFinding#deniesWholeLine}), but those of the {@code except}th edit (none when negative).
   */
  private static BitSet deniedWhole(Claim claim, List<List<EditFinding>> byEdit, int except) {
    BitSet denied = new BitSet();
    if (byEdit != null) {
      for (int e = 0; e < byEdit.size(); e++) {
        List<EditFinding> found = e == except ? null : byEdit.get(e);
        for (EditFinding finding : found == null ? List.<EditFinding>of() : found) {
          if (finding.deniesWholeLine(claim.line(finding.line()).line().units())) {
            denied.set(finding.line());
          }
        }
      }
    }
    return denied;
  }

  /**
   * Adds what {@code edit} finds on {@code claim} to {@code all} (created when null), each finding
   * moved to its line in the whole claim when {@code day} is one provider's day (not null); told
   * the lines other edits denied whole when {@code denied} is not null.
   */
  @SuppressWarnings("TooManyParameters") // the claim, its day and the denials, each named
  private static List<EditFinding> check(
      ClaimEdit edit,
      Claim claim,
      PricingContext context,
      ProviderDay day,
      IntPredicate denied,
      List<EditFinding> all) {
    List<EditFinding> found;
    try {
      found = denied == null ? edit.check(claim, context) : edit.check(claim, context, denied);
    } catch (RuntimeException e) {
      // A bug of the edit's (ClaimEdit never throws for data), as a null is: named here, since in
      // a pipeline of many edits the exception alone says neither whose it is nor on what lines.
      throw new IllegalArgumentException(
          "claim edit " + edit.name() + " threw " + e + ", checking " + given(claim.size(), day),
          e);
    }
    if (found == null) {
      throw new IllegalArgumentException("claim edit " + edit.name() + " returned null");
    }
    for (int f = 0; f < found.size(); f++) {
      EditFinding finding = found.get(f);
      if (finding == null) {
        throw new IllegalArgumentException(
            "claim edit " + edit.name() + " returned null as finding " + (f + 1));
      }
      if (finding.line() >= claim.size()) {
        throw new IllegalArgumentException(outOfRange(edit, finding.line(), claim.size(), day));
      }
      String units = unitsProblem(finding, claim.line(finding.line()).line().units());
      if (units != null) {
        throw new IllegalArgumentException(
            "claim edit "
                + edit.name()
                + " returned finding "
                + (f + 1)
                + ", "
                + finding.action()
                + " of "
                + units(finding.deniedUnits())
                + " on line "
                + claim.lineNumber(finding.line())
                + ", which is billed with "
                + units(claim.line(finding.line()).line().units())
                + ": "
                + units);
      }
      // The name is checked before the parts' names are asked for: no list on the common path.
      if (!finding.edit().equals(edit.name()) && !edit.findingNames().contains(finding.edit())) {
        throw new IllegalArgumentException(
            "claim edit "
                + edit.name()
                + " returned finding "
                + (f + 1)
                + " named "
                + finding.edit()
                + "; its findings carry the names "
                + edit.findingNames());
      }
      if (all == null) {
        all = new ArrayList<>(4);
      }
      // Named as the claim checked names the line (one day's lines keep the whole claim's
      // numbers), whatever the edit set: toString and the message then agree.
      finding = finding.withLineNumber(claim.lineNumber(finding.line()));
      all.add(day == null ? finding : finding.onLine(day.lineInClaim(finding.line())));
    }
    return all;
  }

  /**
   * The error for a finding on line index {@code line} of a claim of {@code size} lines: the claim
   * {@code edit} was given, which is one provider's day of the user's claim when {@code day} is not
   * null, so that an index past that day's lines is not told against the whole claim, which may
   * well have that line.
   */
  private static String outOfRange(ClaimEdit edit, int line, int size, ProviderDay day) {
    String indexes = size == 0 ? "" : " (indexes 0 to " + (size - 1) + ")";
    if (day == null) {
      return "claim edit "
          + edit.name()
          + " returned a finding for line index "
          + line
          + ", but the claim has "
          + lines(size)
          + indexes;
    }
    return "claim edit "
        + edit.name()
        + ", given "
        + given(size, day)
        + ", returned a finding for line index "
        + line
        + "; a one-day edit's indexes count that day's lines"
        + indexes;
  }

  /**
   * The lines an edit was given, for an error: "the claim's 2 lines", or the lines of one
   * provider's day ({@code day} not null) as a line's text names its provider ("by" and the NPI).
   */
  private static String given(int size, ProviderDay day) {
    if (day == null) {
      return "the claim's " + lines(size);
    }
    return "the "
        + lines(size)
        + " of "
        + day.date()
        + day.renderingProvider().map(npi -> " by " + npi).orElse(" (no rendering provider)");
  }

  /**
   * What is wrong with the units {@code finding} denies of a line billed with {@code billed} units,
   * or null: a whole line's denial denies them all ({@link EditFinding#deniedUnits()}), and a
   * denial of units at most those billed, as scrub's callers report the units denied.
   */
  private static String unitsProblem(EditFinding finding, int billed) {
    return switch (finding.action()) {
      case DENY_LINE ->
          finding.deniedUnits() == billed
              ? null
              : "a denial of the whole line denies every unit billed";
      case DENY_UNITS ->
          finding.deniedUnits() <= billed
              ? null
              : "a denial of units denies at most the units billed";
      case FLAG -> null;
    };
  }

  /** "1 unit", "3 units". */
  private static String units(int n) {
    return n == 1 ? "1 unit" : n + " units";
  }

  /** "1 line", "2 lines", "no lines". */
  private static String lines(int n) {
    return switch (n) {
      case 0 -> "no lines";
      case 1 -> "1 line";
      default -> n + " lines";
    };
  }

  @Override
  public String toString() {
    return "ClaimScrubber" + edits.stream().map(ClaimEdit::name).toList();
  }
}
