package io.github.cpt4j.modifier;

/**
 * What a modifier does to a payment, as claim pricing reads it: the one table that tells a pricer
 * which of a line's modifiers change the amount, so that no pricer decodes modifiers with a chain
 * of comparisons. The standard {@link ModifierRegistry} gives every payment modifier its effect;
 * {@link #NONE} is every other modifier (informational, pricing-neutral or unknown).
 *
 * <p>The row modifiers 26, TC and 53, which choose a row of a fee schedule rather than adjust an
 * amount, are not payment effects: each schedule reads them from its own rows.
 *
 * <pre>{@code
 * ModifierRegistry.standard().paymentEffect(Modifier.BILATERAL);   // BILATERAL
 * ModifierRegistry.standard().paymentEffect(Modifier.parse("59")); // NONE
 * }</pre>
 */
public enum PaymentEffect {
  /** No effect on the amount. */
  NONE,
  /** 22: increased procedural services; the contractor adjusts the amount. */
  INCREASED_SERVICES,
  /** 25: a separately identifiable visit on the day of a procedure; no adjustment. */
  SEPARATE_VISIT,
  /** 50: the procedure on both sides in one session. */
  BILATERAL,
  /** 51: multiple procedures; informational for Medicare, whose indicators decide reductions. */
  MULTIPLE_PROCEDURES,
  /** 52: reduced services; the contractor adjusts the amount. */
  REDUCED_SERVICES,
  /** 54: surgical care only, a share of the global package. */
  SURGICAL_CARE_ONLY,
  /** 55: postoperative care only, a share of the global package. */
  POSTOPERATIVE_CARE_ONLY,
  /** 56: preoperative care only, a share of the global package. */
  PREOPERATIVE_CARE_ONLY,
  /** 62: one of two co-surgeons. */
  CO_SURGEON,
  /** 66: a member of a surgical team. */
  TEAM_SURGEON,
  /**
   * 80, 81 and 82: a physician (not a physician assistant, whose modifier is AS) assisting at
   * surgery; Medicare pays 16% of the amount.
   */
  ASSISTANT_SURGEON,
  /**
   * AS: a non-physician assistant at surgery (physician assistant, nurse practitioner...); Medicare
   * pays 85% of the assistant's 16%, 13.6%.
   */
  NON_PHYSICIAN_ASSISTANT,
  /** LT: the left side, which with RT on the same code can make one bilateral procedure. */
  LEFT_SIDE,
  /** RT: the right side, which with LT on the same code can make one bilateral procedure. */
  RIGHT_SIDE,
  /**
   * 78: an unplanned return to the operating room for a related procedure in the postoperative
   * period; Medicare pays the procedure's intra-operative share, and no new global period starts.
   */
  RETURN_TO_OPERATING_ROOM,
  /**
   * FX: an X-ray taken on film; Medicare pays 20% less of the technical component from 2017 (Social
   * Security Act section 1848(b)(9)(A), CMS change request 9727).
   */
  FILM_X_RAY,
  /**
   * FY: an X-ray taken by computed radiography (a cassette-based imaging plate); Medicare pays 7%
   * less of the technical component in 2018-2022 and 10% less from 2023 (section 1848(b)(9)(B),
   * change request 10188).
   */
  COMPUTED_RADIOGRAPHY,
  /**
   * CT: a CT scan on equipment that does not meet the NEMA XR-29 dose standard; Medicare pays 5%
   * less of the technical component in 2016 and 15% less from 2017 (section 218(a) of the
   * Protecting Access to Medicare Act of 2014, change request 9250).
   */
  CT_EQUIPMENT_NOT_STANDARD,
  /**
   * CQ and CO: a therapy service furnished in whole or in part by a physical (CQ) or occupational
   * (CO) therapy assistant; Medicare pays 85% of the amount from 2022 (Social Security Act section
   * 1834(v)), of a therapy service only: claim pricing takes nothing off a code whose row is not
   * MULT PROC 5.
   */
  THERAPY_ASSISTANT,
  /**
   * PD: a diagnostic or admission-related service furnished by an entity a hospital wholly owns or
   * operates, to a patient the hospital admits as an inpatient within 3 days (1 day for a hospital
   * outside the inpatient prospective payment system). The technical portion is paid to the
   * hospital with the inpatient stay, so the physician fee schedule pays the professional component
   * of a test with a professional/technical split (PC/TC indicator 1), nothing for a technical
   * component, and the facility rate of any other code (CMS change request 7502, Transmittal 2373;
   * Claims Processing Manual ch. 12 §90.7 and ch. 3 §40.3).
   */
  PAYMENT_WINDOW,
  /**
   * GZ: the provider expects Medicare to deny the service as not reasonable and necessary, and no
   * advance beneficiary notice (ABN) was signed. From 1 July 2011 Medicare denies every claim line
   * billed with GZ, without medical review, the provider liable (CMS change request 7228,
   * Transmittal 2148, which revised Claims Processing Manual ch. 23 §20.9.1.1): the standard claim
   * edit {@code liability-modifiers} denies the line ({@code BILLED_AS_NOT_COVERED}).
   */
  NOT_NECESSARY_WITHOUT_NOTICE,
  /**
   * GY: the item or service is statutorily excluded or is not a Medicare benefit (Claims Processing
   * Manual ch. 23 §20.9.1.1), for which no payment may be made (Social Security Act section
   * 1862(a)): the standard claim edit {@code liability-modifiers} denies the line ({@code
   * BILLED_AS_NOT_COVERED}).
   */
  STATUTORILY_EXCLUDED;

  /**
   * {@return the bit of this effect in a set of effects held as an {@code int}: {@code 1 <<
   * ordinal}}
   */
  public int bit() {
    return 1 << ordinal();
  }
}
