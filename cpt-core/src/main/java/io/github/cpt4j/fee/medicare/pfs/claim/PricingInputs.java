package io.github.cpt4j.fee.medicare.pfs.claim;

import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.pfs.ConversionFactor;
import io.github.cpt4j.fee.medicare.pfs.FeeCalculation;
import io.github.cpt4j.fee.medicare.pfs.Gpci;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.PaymentStatus;
import io.github.cpt4j.fee.medicare.pfs.RvuEntry;
import io.github.cpt4j.modifier.Modifier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The schedule's inputs for one claim, looked up once: the locality's GPCIs and the conversion
 * factor of the date of service. With them a row is priced by {@link FeeCalculation#of} directly,
 * without building the schedule's explanation for every line; whenever they are missing, or a row
 * is not one the schedule prices from RVUs, the schedule itself answers, with its reason.
 */
final class PricingInputs {

  final MedicareFeeSchedule schedule;
  final PricingContext context;
  private final Locality locality;
  private final Gpci gpci;
  private final ConversionFactor conversionFactor;

  PricingInputs(MedicareFeeSchedule schedule, PricingContext context) {
    this.schedule = schedule;
    this.context = context;
    LocalDate date = context.dateOfService();
    Locality place = Locality.in(context).orElse(null);
    Gpci indices = null;
    ConversionFactor factor = null;
    if (place != null
        && !date.isBefore(schedule.effectiveFrom())
        && !date.isAfter(schedule.effectiveTo())) {
      indices = schedule.gpci(place).orElse(null);
      factor = schedule.conversionFactor(date, context.qualifyingApmParticipant()).orElse(null);
    }
    boolean ready = indices != null && factor != null;
    this.locality = ready ? place : null;
    this.gpci = ready ? indices : null;
    this.conversionFactor = ready ? factor : null;
  }

  /**
   * Returns the row {@code line} selects when the schedule prices it from RVUs as it stands; null
   * when the schedule must answer for itself (no row, a status not priced, no GPCIs...).
   */
  RvuEntry pricedRow(ClaimLine line) {
    if (gpci == null) {
      return null;
    }
    RvuEntry row = schedule.rvuEntry(line).orElse(null);
    if (row == null) {
      return null;
    }
    PaymentStatus status = row.status();
    // The schedule's own rule: A, R and T are priced from RVUs, except R without any RVUs.
    if (!status.isPricedFromRvus() || status == PaymentStatus.R && row.hasNoRvus()) {
      return null;
    }
    return row;
  }

  /** Computes one unit of {@code row} in the claim's locality, setting and date. */
  FeeCalculation calculate(RvuEntry row) {
    return FeeCalculation.of(
        row, gpci, conversionFactor, context.setting(), schedule.oppsCap(row, locality));
  }

  /**
   * Returns the exact amount of one unit of the row of {@code code} with {@code rowModifier} (null:
   * the global row), whatever its status; null if the schedule has no such row. For rules that need
   * another row's amount: an endoscopy family's base, an imaging code's components.
   */
  BigDecimal unitFee(ProcedureCode code, Modifier rowModifier) {
    if (gpci == null) {
      return null;
    }
    Optional<RvuEntry> row = schedule.rvuEntry(code, Optional.ofNullable(rowModifier));
    return row.isEmpty() ? null : calculate(row.get()).exactAmount();
  }
}
