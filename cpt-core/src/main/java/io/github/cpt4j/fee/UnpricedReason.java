package io.github.cpt4j.fee;

/**
 * Why a fee schedule gives no amount for a service. A schedule never answers with a silent zero: it
 * answers with one of these and a detail saying what it found.
 */
public enum UnpricedReason {
  /** The schedule has no entry for the code (or for the code with this modifier). */
  NOT_IN_SCHEDULE,
  /** The schedule has only rows with a modifier for this code, and the line has none of them. */
  MODIFIER_REQUIRED,
  /**
   * The code has an entry, but its status says it is not paid (bundled, excluded, non-covered...),
   * or Medicare did not yet pay the context's practitioner on the date of service (a marriage and
   * family therapist's or mental health counselor's service before 2024: {@link
   * PractitionerType#coveredFrom()}).
   */
  STATUS_NOT_PAYABLE,
  /** The payer's contractor sets the amount case by case: no fixed amount exists. */
  CARRIER_PRICED,
  /**
   * The amount is decided by report (documentation reviewed claim by claim), for example team
   * surgery (modifier 66 where TEAM SURG is 1 or 2).
   */
  PRICED_BY_REPORT,
  /**
   * The line carries a modifier the code does not allow, or modifiers that contradict each other.
   */
  MODIFIER_NOT_ALLOWED,
  /** The date of service is outside the period the schedule covers. */
  DATE_NOT_COVERED,
  /** No conversion factor is in force on the date of service. */
  NO_CONVERSION_FACTOR,
  /**
   * The relative value file states a conversion factor (its {@code CONV FACTOR} column) other than
   * the one in force for the line's date of service and provider: a 2026 file for qualifying APM
   * participants priced for a provider who is not one, say. So for anesthesia: the ANES file states
   * a national anesthesia factor other than the one in force, or, when the factor in force is not
   * known (9 March to 31 December 2024), one the dated table gives another period or other
   * providers. The detail names the file, the factor it states and whose and when that factor is,
   * and the one in force when known.
   */
  CONVERSION_FACTOR_MISMATCH,
  /**
   * An anesthesia service paid by its time has no anesthesia minutes on the line: it is never
   * priced as if no time had passed.
   */
  NO_ANESTHESIA_TIME,
  /** The context has no locality, and the schedule varies by locality. */
  NO_LOCALITY,
  /** The schedule has no geographic indices (GPCIs) for the context's locality. */
  NO_GPCI_FOR_LOCALITY,
  /**
   * The schedule prices by where the beneficiary lives (the DMEPOS fee schedule: state, rural or
   * not), and the context has no beneficiary ZIP code, or one the schedule cannot place.
   */
  NO_BENEFICIARY_ZIP,
  /**
   * No schedule that pays this kind of service is loaded: a drug when no Part B drug (ASP) file is
   * loaded, a laboratory test without the Clinical Laboratory Fee Schedule. The detail names the
   * schedule that would pay it.
   */
  NO_SCHEDULE_LOADED,
  /** The service is paid only in circumstances the single line cannot show (claim-level rules). */
  NOT_PAYABLE_ON_CLAIM,
  /**
   * The service is not paid at the place of service: an incident-to service (PC/TC indicator 5) for
   * a hospital inpatient or outpatient, or an independent therapist's service (indicator 7) there;
   * a relative value row, an anesthesia line, or a Part B laboratory, DMEPOS or drug line, at a
   * place-of-service code CMS leaves unassigned (30, 75...); a laboratory test or drug for a
   * hospital inpatient or outpatient, or a DMEPOS item for an inpatient, which the hospital is paid
   * for; or the technical component of a diagnostic test in the 3-day payment window (modifier PD),
   * which the hospital is paid with the inpatient stay.
   */
  NOT_PAYABLE_IN_PLACE,
  /**
   * A National Correct Coding Initiative procedure-to-procedure edit denies the line: it is the
   * column 2 code of a pair billed on the same date without a modifier that bypasses the edit.
   */
  NCCI_PTP,
  /**
   * A National Correct Coding Initiative medically unlikely edit denies the line: its units, or the
   * units of its code on the date of service, exceed what one provider reports for one patient.
   */
  NCCI_MUE,
  /** A claim edit other than NCCI's (a payer's own policy, say) denies the line. */
  EDIT_DENIED,
  /**
   * The service is part of the global surgical package of a procedure on the claim, which already
   * pays for it: an E/M visit on the day of a procedure (or the day before a major one, or in its
   * postoperative days) without the modifier that makes it separately payable. The detail names the
   * procedure.
   */
  GLOBAL_SURGERY,
  /**
   * The line's own modifier says Medicare does not cover it, and Medicare denies it: GZ, a service
   * expected to be found not reasonable and necessary for which no advance beneficiary notice was
   * signed (denied automatically from 1 July 2011, the provider liable: CMS change request 7228),
   * or GY, a service excluded by law or not a Medicare benefit. The detail names the modifier and
   * the source. Claim pricing's {@code liability-modifiers} edit.
   */
  BILLED_AS_NOT_COVERED,
  /**
   * The amount asked for does not exist for this provider: a limiting charge ({@link
   * io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule#limitingCharge}) of a practitioner whom
   * Medicare pays only on assignment ({@link PractitionerType#mustAcceptAssignment()}, or a line
   * whose modifier AS, QZ or QX says it is such a practitioner's), who may collect no more than the
   * approved amount; or of a service Medicare pays only on assignment, whoever furnishes it (a
   * clinical laboratory test, a Part B drug: {@code
   * io.github.cpt4j.fee.medicare.partb.PartBClaimPricer#limitingCharges}). No line of a claim is
   * denied for it.
   */
  ASSIGNMENT_REQUIRED,
  /**
   * The amount asked for does not exist for this service: a limiting charge of an item the law sets
   * none for (DMEPOS: {@code io.github.cpt4j.fee.medicare.partb.PartBClaimPricer#limitingCharges}).
   * The detail gives the approved amount. No line of a claim is denied for it.
   */
  NO_LIMITING_CHARGE,
  /**
   * The amount the schedule computes from valid data is a quadrillion dollars or more, which no fee
   * is ({@link FeeResult}): a {@link FlatFeeSchedule} row times the line's units, or a {@link
   * FeeSchedule#percentOf percentage} of another schedule's amount. The detail gives the
   * computation. Refused when the line is priced, not when the row or percentage is given, as each
   * is a fee on its own.
   */
  AMOUNT_OUT_OF_RANGE;

  /** {@return the name in lower-case words, such as {@code "carrier priced"}, for messages} */
  public String words() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }
}
