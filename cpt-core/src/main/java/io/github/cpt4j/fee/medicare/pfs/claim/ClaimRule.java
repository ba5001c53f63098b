package io.github.cpt4j.fee.medicare.pfs.claim;

/**
 * A payment rule of {@link MedicareClaimPricer}. Every step the pricer adds to a line's explanation
 * carries the rule's {@link #id()} as its {@link io.github.cpt4j.fee.PricingStep#rule() rule}, and
 * a line it refuses names the rule id ({@link io.github.cpt4j.fee.PricedLine#refusedBy()}). The
 * constants are in the order the rules apply.
 */
public enum ClaimRule {
  /** The fee schedule's own answer for the line: its row, status and amount of one unit. */
  FEE_SCHEDULE("fee-schedule"),
  /** The modifier rules of {@link io.github.cpt4j.modifier.ModifierRules#standard()}. */
  MODIFIER_RULES("modifier-rules"),
  /** Modifiers 26 and TC: the professional or technical component row, per the PC/TC indicator. */
  PC_TC("pc-tc"),
  /** Modifier 53: the discontinued-procedure row where one exists, else contractor-priced. */
  DISCONTINUED("discontinued"),
  /** Providers who do not participate are paid 95% of the fee schedule amount. */
  NON_PARTICIPATING("non-participating"),
  /**
   * A non-physician practitioner is paid a share of the fee schedule amount ({@link
   * io.github.cpt4j.fee.PractitionerType}).
   */
  PRACTITIONER("practitioner"),
  /** Modifiers 54, 55 and 56: the pre-, intra- or post-operative share of the global package. */
  SPLIT_CARE("split-care"),
  /** Modifier 62 (column CO-SURG): each of two co-surgeons is paid 62.5%. */
  CO_SURGERY("co-surgery"),
  /**
   * Modifier 66 (column TEAM SURG): team surgery is priced by report where the indicator is 1 or 2,
   * and refused where it is 0 or 9.
   */
  TEAM_SURGERY("team-surgery"),
  /** Modifiers 80, 81, 82 and AS (column ASST SURG): 16%, or 13.6% for a non-physician. */
  ASSISTANT_AT_SURGERY("assistant-at-surgery"),
  /**
   * Anesthesia (status J): base and time units times the locality's anesthesia conversion factor,
   * one service paid per session with the total time (Claims Processing Manual, chapter 12, section
   * 50).
   */
  ANESTHESIA("anesthesia"),
  /** Status T: paid only when no other payable fee-schedule service is on the claim. */
  STATUS_T("status-t"),
  /**
   * Add-on codes (global ZZZ): never ranked as primary, exempt from the 51 reduction, and not paid
   * when every primary on the claim was denied; G2211, G2212, G0316-G0318, G0545, G0279, 77063 and
   * the care management add-ons only beside the services CMS names.
   */
  ADD_ON("add-on"),
  /** Several units of a service that no other rule treats as one procedure. */
  UNITS("units"),
  /** Modifier 50, an LT and RT pair, or 2 units (column BILAT SURG). */
  BILATERAL("bilateral"),
  /** Multiple procedure indicator 3: endoscopies of one family are priced together. */
  ENDOSCOPY_FAMILY("endoscopy-family"),
  /** Multiple procedure indicators 1, 2 and 3: the ranking by amount, modifier 51. */
  MULTIPLE_PROCEDURE("multiple-procedure"),
  /** Multiple procedure indicator 4: technical and professional components of imaging. */
  DIAGNOSTIC_IMAGING("diagnostic-imaging"),
  /** Multiple procedure indicator 5: half the practice expense of later therapy services. */
  THERAPY("therapy"),
  /** Multiple procedure indicator 6: the technical component of later cardiovascular tests. */
  DIAGNOSTIC_CARDIOVASCULAR("diagnostic-cardiovascular"),
  /** Multiple procedure indicator 7: the technical component of later ophthalmology tests. */
  DIAGNOSTIC_OPHTHALMOLOGY("diagnostic-ophthalmology"),
  /**
   * Modifier FX, an X-ray taken on film: 20% off the technical component from 2017 (change request
   * 9727).
   */
  FILM_X_RAY("film-x-ray"),
  /**
   * Modifier FY, an X-ray taken by computed radiography: 7% off the technical component in
   * 2018-2022, 10% from 2023 (change request 10188).
   */
  COMPUTED_RADIOGRAPHY("computed-radiography"),
  /**
   * Modifier CT, a CT scan on equipment below the NEMA XR-29 standard: 5% off the technical
   * component in 2016, 15% from 2017 (change request 9250).
   */
  CT_EQUIPMENT("ct-equipment"),
  /** Modifiers 22 and 52: the contractor adjusts the amount, so there is no fixed one. */
  INCREASED_OR_REDUCED_SERVICES("increased-reduced-services"),
  /** Medicare pays the lower of the billed charge and the adjusted amount. */
  BILLED_CHARGE("billed-charge");

  private final String id;

  ClaimRule(String id) {
    this.id = id;
  }

  /** {@return the identifier of the rule in explanation steps, such as {@code "bilateral"}} */
  public String id() {
    return id;
  }
}
