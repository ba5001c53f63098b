package io.github.cpt4j.fee.medicare.partb;

import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.edit.RenderingProviders;
import io.github.cpt4j.fee.ClaimWarning;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PricedLine;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.PricingStep;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.pfs.PaymentStatus;
import io.github.cpt4j.fee.medicare.pfs.RowModifier;
import io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The supplies of status P furnished incident to a physician's service, which the physician's
 * payment includes. CMS's relative value file gives status P to supplies the Physician Fee Schedule
 * does not pay separately (RVU25D record layout, "Bundled/Excluded Codes"): when the item is
 * furnished incident to a physician service on the same day, its payment is bundled into that
 * service's (an elastic bandage the physician applies); when it is furnished otherwise (colostomy
 * supplies for the patient's home), the fee schedule excludes it and it is paid under another
 * provision, here the DMEPOS fee schedule.
 *
 * <p>A claim line does not say which, so the claim decides: a line the DMEPOS schedule prices, of a
 * code of status P in the release in force on its date (surgical dressings, ostomy and urinary
 * supplies, some lenses), is incident to a service of the Physician Fee Schedule paid on the same
 * claim to the same rendering provider on the same date ({@link RenderingProviders#same}), and is
 * then refused, {@link UnpricedReason#NOT_PAYABLE_ON_CLAIM}, naming that service; without such a
 * service it keeps its DMEPOS amount. So is a line of such a code routed to DMEPOS whose file does
 * not list it ({@link UnpricedReason#NOT_IN_SCHEDULE}: A4649, A6404 and others of status P): beside
 * the service it is bundled whatever its price, and alone it stays not in the schedule, its other
 * provision unpriced here. A line refused for any other reason keeps it. Rule id {@value #RULE}.
 */
final class IncidentSupplies {

  /** The rule id of the refusals. */
  static final String RULE = "status-p";

  private IncidentSupplies() {}

  /**
   * Refuses, in {@code priced} (amounts or limiting charges), each DMEPOS line of {@code claim}
   * that bills a status P supply beside a paid Physician Fee Schedule service of its provider and
   * date. Each line's Physician Fee Schedule pricer is {@code byLine[i]}, or {@code pfs} when
   * {@code byLine} is null (the claim of one release); null where no release covers the line's
   * date. Allocates nothing on a claim without a priced DMEPOS line.
   */
  static void bundle(
      Claim claim,
      PricingContext context,
      PartBFeeSchedule partB,
      PricedLine[] priced,
      MedicareClaimPricer pfs,
      MedicareClaimPricer[] byLine) {
    RenderingProviders providers = null;
    for (int i = 0; i < priced.length; i++) {
      BilledLine supply = claim.line(i);
      MedicareClaimPricer linePfs = byLine == null ? pfs : byLine[i];
      boolean unlisted = isNotInSchedule(priced[i]);
      if (!(isPaid(priced[i]) || unlisted)
          || partB.payerOf(supply.line()) != PartBPayer.DMEPOS
          || linePfs == null
          || !isStatusP(linePfs, supply)) {
        continue;
      }
      if (providers == null) {
        providers = RenderingProviders.of(claim, context);
      }
      int service = serviceOf(claim, context, partB, priced, pfs, byLine, providers, i);
      if (service >= 0) {
        priced[i] = refused(claim, priced[i], service, unlisted);
      }
    }
  }

  /**
   * Tells whether {@code line} is paid: priced, or, among limiting charges, paid but without one
   * ({@link UnpricedReason#NO_LIMITING_CHARGE} for DMEPOS, {@link
   * UnpricedReason#ASSIGNMENT_REQUIRED} for a practitioner paid only on assignment), so that a
   * claim's limiting charges bundle the supplies its amounts do.
   */
  private static boolean isPaid(PricedLine line) {
    return line.isPriced()
        || line.reason().orElseThrow() == UnpricedReason.NO_LIMITING_CHARGE
        || line.reason().orElseThrow() == UnpricedReason.ASSIGNMENT_REQUIRED;
  }

  /** Tells whether {@code line} is refused as not in its schedule (the DMEPOS file lacks it). */
  private static boolean isNotInSchedule(PricedLine line) {
    return line.reason().filter(r -> r == UnpricedReason.NOT_IN_SCHEDULE).isPresent();
  }

  /** Tells whether {@code supply}'s code has status P in {@code pfs}'s relative value file. */
  private static boolean isStatusP(MedicareClaimPricer pfs, BilledLine supply) {
    return pfs.schedule()
        .rvus()
        .find(supply.line().code(), RowModifier.GLOBAL)
        .filter(row -> row.status() == PaymentStatus.P)
        .isPresent();
  }

  /**
   * The first line the Physician Fee Schedule pays of line {@code i}'s provider and date, or -1:
   * the physician service the supply is incident to.
   */
  @SuppressWarnings("TooManyParameters") // the claim, its pricers and line i, each named
  private static int serviceOf(
      Claim claim,
      PricingContext context,
      PartBFeeSchedule partB,
      PricedLine[] priced,
      MedicareClaimPricer pfs,
      MedicareClaimPricer[] byLine,
      RenderingProviders providers,
      int i) {
    LocalDate date = claim.line(i).dateOfServiceOr(context.dateOfService());
    for (int j = 0; j < priced.length; j++) {
      MedicareClaimPricer linePfs = byLine == null ? pfs : byLine[j];
      if (isPaid(priced[j])
          && linePfs != null
          && PartBClaimPricer.paysOnPfs(partB.payerOf(claim.line(j).line()), linePfs)
          && claim.line(j).dateOfServiceOr(context.dateOfService()).equals(date)
          && providers.same(claim.line(i), claim.line(j))) {
        return j;
      }
    }
    return -1;
  }

  /**
   * {@code supply} refused as bundled into line {@code service}; {@code unlisted} when the DMEPOS
   * file does not list its code.
   */
  private static PricedLine refused(Claim claim, PricedLine supply, int service, boolean unlisted) {
    String detail =
        supply.line().code()
            + " status P: a supply furnished incident to a physician's service of the same day is"
            + " bundled into that service, here "
            + claim.line(service).line().code()
            + " (line "
            + claim.lineNumber(service)
            + (unlisted
                ? "); not furnished incident to one, it is paid under another provision, which the"
                    + " DMEPOS file does not price"
                : "); it is paid from DMEPOS only when not furnished incident to one");
    FeeResult result =
        FeeResult.unpriced(UnpricedReason.NOT_PAYABLE_ON_CLAIM, detail, supply.explanation())
            .withStep(
                PricingStep.note(
                    RULE,
                    "a status P supply furnished incident to a physician's service of the same day"
                        + " is bundled into it"));
    return PricedLine.of(
        supply.index(),
        supply.lineNumber(),
        supply.billed(),
        result,
        Optional.of(RULE),
        // A line left unpriced keeps no units-denied warning: the reason says why it is not paid.
        supply.warnings().stream()
            .filter(w -> w.kind() != ClaimWarning.Kind.UNITS_DENIED)
            .toList());
  }
}
