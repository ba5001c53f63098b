package io.github.cpt4j.fee.medicare.partb;

import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
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
 * only for separate encounters the record shows. Rule id {@code specimen-collection}.
 */
final class SpecimenCollections {

  /** The rule id of the warnings. */
  static final String RULE = "specimen-collection";

  private SpecimenCollections() {}

  /**
   * Returns {@code findings} with a flag on each specimen collection line the laboratory schedule
   * pays, of a date with more than one collection (units counted) on lines not denied.
   */
  static List<EditFinding> flag(
      Claim claim, PricingContext context, PartBFeeSchedule partB, List<EditFinding> findings) {
    int n = claim.size();
    List<EditFinding> flags = null;
    for (int i = 0; i < n; i++) {
      if (!isCollection(claim.line(i), partB) || denied(findings, i)) {
        continue;
      }
      LocalDate date = claim.line(i).dateOfServiceOr(context.dateOfService());
      int units = 0;
      List<Integer> lines = new ArrayList<>(2);
      for (int j = 0; j < n; j++) {
        BilledLine other = claim.line(j);
        if (isCollection(other, partB)
            && !denied(findings, j)
            && other.dateOfServiceOr(context.dateOfService()).equals(date)) {
          units += other.line().units();
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

  private static boolean isCollection(BilledLine line, PartBFeeSchedule partB) {
    return ClfsFeeSchedule.isSpecimenCollection(line.line().code())
        && partB.payerOf(line.line()) == PartBPayer.CLINICAL_LABORATORY;
  }

  /** Whether an edit denied line {@code index} whole. */
  private static boolean denied(List<EditFinding> findings, int index) {
    for (EditFinding finding : findings) {
      if (finding.line() == index && finding.action() == EditAction.DENY_LINE) {
        return true;
      }
    }
    return false;
  }
}
