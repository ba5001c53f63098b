package io.github.cpt4j.fee.medicare.pfs.claim;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The share of one part of a later service that each multiple-procedure reduction of {@link
 * ComponentReductionStep} takes, by date of service: the law and CMS's rules changed the shares,
 * and a claim is priced by those of its own date.
 *
 * <ul>
 *   <li>Imaging TC (MULT PROC 4): 25% from 1 January 2006 (CY 2006 physician fee schedule final
 *       rule), 50% "effective for services July 1, 2010 and after" (RVU file record layout; section
 *       3135(b) of the Affordable Care Act).
 *   <li>Imaging PC (MULT PROC 4): 25% "effective for services January 1, 2012 through December 31,
 *       2016", 5% "effective for services January 1, 2017 and after" (record layout).
 *   <li>Therapy practice expense (MULT PROC 5): 20% from 1 January 2011 for services paid under the
 *       physician fee schedule (Social Security Act section 1848(b)(7), added by the Physician
 *       Payment and Therapy Relief Act of 2010, in place of the final rule's 25%, which
 *       institutional claims kept: cpt4j prices professional claims), 50% from 1 April 2013
 *       (American Taxpayer Relief Act of 2012, section 633).
 *   <li>Cardiovascular TC (MULT PROC 6): 25%, and ophthalmology TC (MULT PROC 7): 20%, both
 *       "effective for services January 1, 2013, and thereafter" (record layout).
 * </ul>
 *
 * <p>Before its first date a reduction takes nothing.
 */
enum ComponentCut {
  IMAGING_TC(LocalDate.of(2006, 1, 1), "0.25", LocalDate.of(2010, 7, 1), "0.5"),
  IMAGING_PC(LocalDate.of(2012, 1, 1), "0.25", LocalDate.of(2017, 1, 1), "0.05"),
  THERAPY_PE(LocalDate.of(2011, 1, 1), "0.20", LocalDate.of(2013, 4, 1), "0.5"),
  CARDIOVASCULAR_TC(LocalDate.of(2013, 1, 1), "0.25", null, null),
  OPHTHALMOLOGY_TC(LocalDate.of(2013, 1, 1), "0.2", null, null);

  private final LocalDate from;
  private final BigDecimal cut;
  private final LocalDate changedFrom;
  private final BigDecimal changedCut;

  ComponentCut(LocalDate from, String cut, LocalDate changedFrom, String changedCut) {
    this.from = from;
    this.cut = new BigDecimal(cut);
    this.changedFrom = changedFrom;
    this.changedCut = changedCut == null ? null : new BigDecimal(changedCut);
  }

  /** The first date of service the reduction applies to. */
  LocalDate from() {
    return from;
  }

  /** The share taken off a later service on {@code date}, or null before {@link #from()}. */
  BigDecimal on(LocalDate date) {
    if (date.isBefore(from)) {
      return null;
    }
    return changedFrom != null && !date.isBefore(changedFrom) ? changedCut : cut;
  }
}
