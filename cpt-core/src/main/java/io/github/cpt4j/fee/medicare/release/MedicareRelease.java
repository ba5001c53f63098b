package io.github.cpt4j.fee.medicare.release;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer;
import io.github.cpt4j.text.OneLine;
import java.time.LocalDate;

/**
 * One release of the Medicare Physician Fee Schedule files: its identifier (such as {@code 2025A},
 * CMS's "25A"), and the schedule built from its relative value, GPCI, anesthesia and OPPS cap
 * files, in force from {@link MedicareFeeSchedule#effectiveFrom()} to {@link
 * MedicareFeeSchedule#effectiveTo()}. Immutable.
 *
 * <pre>{@code
 * MedicareRelease r25a = MedicareRelease.of("2025A", schedule);   // schedule.effective(Jan 1, Mar 31)
 * }</pre>
 */
public final class MedicareRelease {

  private final String id;
  private final MedicareFeeSchedule schedule;
  private final MedicareClaimPricer claimPricer;

  private MedicareRelease(String id, MedicareFeeSchedule schedule) {
    this.id = id;
    this.schedule = schedule;
    this.claimPricer = MedicareClaimPricer.of(schedule);
  }

  /**
   * Returns the release {@code id} of {@code schedule}, in force for the schedule's effective
   * period.
   *
   * @param id the release's id, one line, such as {@code 2025A}
   * @param schedule the release's schedule, with a closed effective period
   * @return the release
   * @throws IllegalArgumentException if the id is blank or not one line (it names the release in
   *     messages and explanations), or the period is open-ended
   */
  public static MedicareRelease of(String id, MedicareFeeSchedule schedule) {
    requireNonNull(id, "id");
    requireNonNull(schedule, "schedule");
    if (id.isBlank()) {
      throw new IllegalArgumentException("a release needs an id, such as 2025A");
    }
    OneLine.checked(id, "a release's id");
    if (schedule.effectiveFrom().equals(LocalDate.MIN)
        || schedule.effectiveTo().equals(LocalDate.MAX)) {
      throw new IllegalArgumentException(
          "release "
              + id
              + " needs the dates it is in force for: set the schedule's effective period");
    }
    return new MedicareRelease(id, schedule);
  }

  /** {@return the identifier, such as {@code 2025A}} */
  public String id() {
    return id;
  }

  /** {@return the schedule of the release} */
  public MedicareFeeSchedule schedule() {
    return schedule;
  }

  /** {@return the claim pricer of the release} */
  public MedicareClaimPricer claimPricer() {
    return claimPricer;
  }

  /** {@return the first date of service of the release} */
  public LocalDate effectiveFrom() {
    return schedule.effectiveFrom();
  }

  /** {@return the last date of service of the release} */
  public LocalDate effectiveTo() {
    return schedule.effectiveTo();
  }

  /** Returns {@code 2025A 2025-01-01..2025-03-31}. */
  @Override
  public String toString() {
    return id + " " + effectiveFrom() + ".." + effectiveTo();
  }
}
