package io.github.cpt4j.fee.medicare.partb;

import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.edit.EditAction;
import io.github.cpt4j.edit.EditFinding;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.medicare.clfs.ClfsFeeSchedule;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The one-collection-fee rule of Pub. 100-04, chapter 16, §60.1: Medicare pays one specimen
 * collection fee (36415, G0471, P9612, P9615) for each patient encounter, whatever the number of
 * specimens drawn. A claim line does not say which encounter it was, so more than one collection on
 * a date is flagged, not denied: each line keeps its amount and gets a {@link
 * io.github.cpt4j.fee.ClaimWarning.Kind#DOCUMENTATION_REQUIRED} warning, since the others are paid
 * only for separate encounters the record shows.
 *
 * <p>The travel allowance (P9603, P9604) is paid only when a specimen collection fee is also
 * payable (§60.2). A paid travel line on a date without a paid collection on the claim is flagged
 * the same way, its amount kept: the collection may have been billed on another claim, which the
 * record must show. Rule id {@code specimen-collection}.
 */
final class SpecimenCollections {

  /** The rule id of the warnings. */
  static final String RULE = "specimen-collection";

  private SpecimenCollections() {}

  /**
   * Returns {@code findings} with a flag on each specimen collection line the laboratory schedule
   * pays, of a date with more than one collection paid (units counted, less the units edits deny;
   * lines denied or not priced left out), and on each paid travel line of a date without one.
   */
  static List<EditFinding> flag(
      Claim claim, PricingContext context, PartBFeeSchedule partB, List<EditFinding> findings) {
    int n = claim.size();
    int[] paid = null;
    boolean travel = false;
    for (int i = 0; i < n; i++) {
      boolean collection = isCollection(claim.line(i), partB);
      boolean trip = !collection && isTravel(claim.line(i), partB);
      if (collection || trip) {
        if (paid == null) {
          paid = new int[n];
        }
        paid[i] = unitsPaid(claim, i, context, partB, findings);
        travel |= trip && paid[i] > 0;
      }
    }
    if (paid == null) {
      return findings;
    }
    List<EditFinding> flags = travel ? flagTravel(claim, context, partB, findings, paid) : null;
    for (int i = 0; i < n; i++) {
      if (paid[i] == 0 || !isCollection(claim.line(i), partB)) {
        continue;
      }
      LocalDate date = claim.line(i).dateOfServiceOr(context.dateOfService());
      int units = 0;
      List<Integer> lines = new ArrayList<>(2);
      for (int j = 0; j < n; j++) {
        if (isPaidCollectionOn(date, claim, j, context, partB, paid)) {
          units += paid[j];
          lines.add(claim.lineNumber(j));
        }
      }
      if (units < 2) {
        continue;
      }
      if (flags == null) {
        flags = new ArrayList<>(findings);
      }
      flags.add(
          EditFinding.flag(
                  RULE,
                  i,
                  units
                      + " specimen collection fees on "
                      + date
                      + " ("
                      + (lines.size() == 1 ? "line " : "lines ")
                      + String.join(", ", lines.stream().map(String::valueOf).toList())
                      + "): Medicare pays one for each patient encounter, whatever the number of"
                      + " specimens drawn (Pub. 100-04, ch. 16, §60.1); the others only for separate"
                      + " encounters the record shows")
              .withLineNumber(claim.lineNumber(i)));
    }
    return flags == null ? findings : flags;
  }

  /** Tells whether line {@code j} is a specimen collection of {@code date} with units paid. */
  private static boolean isPaidCollectionOn(
      LocalDate date,
      Claim claim,
      int j,
      PricingContext context,
      PartBFeeSchedule partB,
      int[] paid) {
    return paid[j] > 0
        && isCollection(claim.line(j), partB)
        && claim.line(j).dateOfServiceOr(context.dateOfService()).equals(date);
  }

  /**
   * Returns {@code findings} with a flag on each paid travel line of a date without a paid
   * collection ({@code paid} holds the units paid of every collection and travel line).
   */
  private static List<EditFinding> flagTravel(
      Claim claim,
      PricingContext context,
      PartBFeeSchedule partB,
      List<EditFinding> findings,
      int[] paid) {
    List<EditFinding> flags = null;
    int n = claim.size();
    for (int i = 0; i < n; i++) {
      if (paid[i] == 0 || !isTravel(claim.line(i), partB)) {
        continue;
      }
      LocalDate date = claim.line(i).dateOfServiceOr(context.dateOfService());
      boolean collected = false;
      for (int j = 0; j < n && !collected; j++) {
        collected = isPaidCollectionOn(date, claim, j, context, partB, paid);
      }
      if (collected) {
        continue;
      }
      if (flags == null) {
        flags = new ArrayList<>(findings);
      }
      flags.add(
          EditFinding.flag(
                  RULE,
                  i,
                  claim.line(i).line().code()
                      + " (line "
                      + claim.lineNumber(i)
                      + ") on "
                      + date
                      + ": no specimen collection fee is paid on the claim that date; Medicare"
                      + " pays the travel allowance only when one is also payable (Pub. 100-04,"
                      + " ch. 16, §60.2): the record must show the collection, billed on another"
                      + " claim")
              .withLineNumber(claim.lineNumber(i)));
    }
    return flags;
  }

  private static boolean isTravel(BilledLine line, PartBFeeSchedule partB) {
    ProcedureCode code = line.line().code();
    return (code.equals(ClfsFeeSchedule.TRAVEL_PER_MILE)
            || code.equals(ClfsFeeSchedule.TRAVEL_PER_TRIP))
        && partB.payerOf(line.line()) == PartBPayer.CLINICAL_LABORATORY;
  }

  private static boolean isCollection(BilledLine line, PartBFeeSchedule partB) {
    return ClfsFeeSchedule.isSpecimenCollection(line.line().code())
        && partB.payerOf(line.line()) == PartBPayer.CLINICAL_LABORATORY;
  }

  /**
   * Returns the collections line {@code index} is paid for: its units less those the edits deny, as
   * {@link LineAlone} takes them off (a denial of the line, or of all its units, leaves none), and
   * none when the laboratory schedule does not price what is left (36415-QW, a quarter that lacks
   * the code). A collection that is not paid is no second fee.
   */
  private static int unitsPaid(
      Claim claim,
      int index,
      PricingContext context,
      PartBFeeSchedule partB,
      List<EditFinding> findings) {
    BilledLine billed = claim.line(index);
    int units = billed.line().units();
    int left = units;
    for (EditFinding finding : findings) {
      if (finding.line() != index) {
        continue;
      }
      if (finding.action() == EditAction.DENY_LINE) {
        return 0;
      }
      if (finding.action() == EditAction.DENY_UNITS) {
        left = Math.min(left, units - finding.deniedUnits());
        if (left <= 0) {
          return 0;
        }
      }
    }
    ClaimLine line = left < units ? billed.line().withUnits(left) : billed.line();
    PricingContext on =
        billed.dateOfService().isEmpty()
            ? context
            : context.withDateOfService(billed.dateOfService().get());
    return partB.price(line, on).isPriced() ? left : 0;
  }
}
