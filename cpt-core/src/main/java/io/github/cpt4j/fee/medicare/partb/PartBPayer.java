package io.github.cpt4j.fee.medicare.partb;

/**
 * The Medicare Part B fee schedules a line of a professional claim can be paid from; {@link
 * PartBFeeSchedule} sends each line to one of them.
 */
public enum PartBPayer {
  /** The Physician Fee Schedule ({@code fee.medicare.pfs}): visits, procedures, imaging... */
  PHYSICIAN_FEE_SCHEDULE("the Physician Fee Schedule"),
  /** The anesthesia fee schedule: base and time units times the anesthesia conversion factor. */
  ANESTHESIA("the anesthesia fee schedule"),
  /** The Clinical Laboratory Fee Schedule ({@code fee.medicare.clfs}). */
  CLINICAL_LABORATORY("the Clinical Laboratory Fee Schedule"),
  /** The DMEPOS fee schedule ({@code fee.medicare.dmepos}). */
  DMEPOS("the DMEPOS fee schedule"),
  /** The Part B drug payment limits, by average sales price ({@code fee.medicare.asp}). */
  DRUGS("the Part B drug (ASP) payment limits");

  private final String words;

  PartBPayer(String words) {
    this.words = words;
  }

  /** {@return the schedule's name in words, such as "the Clinical Laboratory Fee Schedule"} */
  public String words() {
    return words;
  }
}
