package io.github.cpt4j.modifier;

/**
 * The modifier rules that {@link ModifierRules} checks, one constant per rule. A {@link
 * ModifierViolation} names the rule it breaks, so callers can filter or translate violations
 * without parsing messages.
 */
public enum ModifierRule {
  /** A claim line has at most four modifiers (the claim form has four slots). */
  TOO_MANY_MODIFIERS("at most four modifiers on one line"),
  /** The same modifier may not appear twice on one line. */
  DUPLICATE_MODIFIER("no modifier twice on one line"),
  /** Category II modifiers (1P, 2P, 3P, 8P) belong only on Category II codes. */
  CATEGORY_II_MODIFIER_ON_OTHER_CODE("Category II modifiers only on Category II codes"),
  /** Modifiers 50 (bilateral) and 51 (multiple procedures) never go on Category II codes. */
  NOT_ON_CATEGORY_II("50 and 51 never on Category II codes"),
  /** The physical status modifiers P1-P6 belong only on anesthesia codes, 00100-01999. */
  PHYSICAL_STATUS_OUTSIDE_ANESTHESIA("P1-P6 only on anesthesia codes 00100-01999"),
  /**
   * Modifier 47 (anesthesia by the surgeon) goes on the surgery's code, never on an anesthesia code
   * 00100-01999: the surgeon bills the surgery with 47, and no anesthesia line is paid for it.
   */
  SURGEON_ANESTHESIA_ON_ANESTHESIA_CODE("47 never on anesthesia codes 00100-01999"),
  /**
   * The modifiers of a component (26, TC), of bilateral surgery (50) and of a surgeon's role (62
   * co-surgeons, 66 team surgery, 80, 81, 82 and AS assistants at surgery) never go on an
   * anesthesia code 00100-01999: CMS's relative value file gives every anesthesia code the
   * indicator 9, concept does not apply, in PC/TC, BILAT SURG, CO-SURG, TEAM SURG and ASST SURG
   * (record layout RVU25D), anesthesia being paid by base and time units (Medicare Claims
   * Processing Manual, chapter 12, section 50). The anesthesia pricer refuses such a line, {@code
   * MODIFIER_NOT_ALLOWED}. The anesthesia modifiers (AA, AD, QK, QX, QY, QZ, QS, G8, G9, P1-P6),
   * 23, 59 and its X forms, GC, LT and RT are not concerned.
   */
  PROCEDURE_MODIFIER_ON_ANESTHESIA_CODE(
      "26, TC, 50, 62, 66, 80, 81, 82 and AS never on anesthesia codes 00100-01999"),
  /**
   * Modifier 63 (infant under 4 kg) belongs only on surgery codes 20100-69990 and a short list of
   * cardiovascular codes from the Medicine section.
   */
  INFANT_MODIFIER_OUTSIDE_ALLOWED_CODES(
      "63 only on 20100-69990 and a short list of cardiovascular medicine codes"),
  /** Modifier 92 (alternative laboratory platform) belongs only on HIV tests 86701-86703, 87389. */
  ALTERNATIVE_PLATFORM_OUTSIDE_HIV_TESTS("92 only on 86701-86703 and 87389"),
  /**
   * Modifier CT (a CT scan on equipment below the NEMA XR-29 standard) belongs only on the CT codes
   * that change request 9250 lists: 70450-70498, 71250-71275, 72125-72133, 72191-72194,
   * 73200-73206, 73700-73706, 74150-74178, 74261-74263 and 75571-75574.
   */
  CT_MODIFIER_OUTSIDE_CT_CODES("CT only on the CT codes of change request 9250"),
  /**
   * Modifiers CQ and CO (a service furnished in whole or in part by a physical or occupational
   * therapy assistant) belong only on therapy codes: Social Security Act section 1834(v) pays 85%
   * for outpatient physical and occupational therapy services so furnished, and CMS defines CQ and
   * CO as outpatient physical and occupational therapy services (Claims Processing Manual, chapter
   * 5, section 20.1). The therapy codes are those CMS's relative value file subjects to the therapy
   * reduction of the practice expense (MULT PROC 5, record layout RVU25D): the 52 codes of 2025,
   * pinned by a test. Claim pricing takes nothing off a line whose row is not MULT PROC 5, and its
   * explanation says so.
   */
  THERAPY_ASSISTANT_OUTSIDE_THERAPY_CODES("CQ and CO only on therapy codes (MULT PROC 5)"),
  /**
   * At most one modifier from each of {22, 52}, {25, 57, 59}, {52, 53, 73, 74}, {76, 77, 78, 79},
   * {93, 95}, {CQ, CO}, {JW, JZ}, {AA, AD, QK, QX, QY, QZ}: a service's work is increased (22) or
   * reduced (52), not both; a therapy service is furnished in part by a physical therapy assistant
   * (CQ) or by an occupational therapy assistant (CO), under one plan of care; a drug line bills an
   * amount discarded (JW) or says none was (JZ), never both (Pub. 100-04, ch. 17, §40); an
   * anesthesia line carries the one payment modifier that says how the service was furnished, the
   * physician's and the nurse anesthetist's on lines of their own (Pub. 100-04, ch. 12, §50), as
   * the anesthesia pricer requires ({@code MODIFIER_NOT_ALLOWED} for two).
   */
  MUTUALLY_EXCLUSIVE(
      "at most one of 22/52, of 25/57/59, of 52/53/73/74, of 76/77/78/79, of 93/95, of CQ/CO,"
          + " of JW/JZ, of AA/AD/QK/QX/QY/QZ"),
  /** The professional component (26) and the technical component (TC) never on one line. */
  PROFESSIONAL_WITH_TECHNICAL_COMPONENT("26 and TC never on one line"),
  /**
   * Modifier 50 (bilateral) never with LT or RT on one line: a bilateral procedure is reported with
   * 50 or with LT and RT (RVU25D record layout, BILAT SURG), not both ways at once. Claim pricing
   * refuses such a line, {@code MODIFIER_NOT_ALLOWED}. LT with RT on one line is allowed.
   */
  BILATERAL_WITH_SIDE("50 never with LT or RT on one line"),
  /**
   * Modifier 59 never with XE, XS, XP or XU on one line: those four are more specific forms of 59
   * (MLN Matters MM8863), so one of them or 59 says the service is distinct, not both. The
   * article's text on reporting both was not re-read, so this is a flag, never a refusal. Two of
   * the X modifiers together are not flagged.
   */
  DISTINCT_SERVICE_WITH_X_MODIFIER("59 never with XE, XS, XP or XU on one line"),
  /**
   * A split-care modifier (54 surgical care only, 55 postoperative management only, 56 preoperative
   * management only) never with an assistant-at-surgery modifier (80, 81, 82, AS) on one line: 54,
   * 55 and 56 divide the surgeon's global package between the physicians who agree on a transfer of
   * care (Medicare Claims Processing Manual, chapter 12, section 40.2.A; the PRE OP, INTRA OP and
   * POST OP columns are the portions "of global package", record layout RVU25D), while an assistant
   * is paid a flat share of the fee schedule amount for helping at the operation (chapter 12,
   * section 20.4.3), with no preoperative or postoperative care of its own. No CMS sentence names
   * the pair; that it cannot be billed is the project's reading. Claim pricing refuses such a line,
   * {@code MODIFIER_NOT_ALLOWED}. 54, 55 or 56 with a co-surgeon (62) or team surgeon (66) is not
   * flagged: section 40.8 says nothing against it, and each such surgeon bills the procedure, with
   * its global package, as his own.
   */
  SPLIT_CARE_WITH_ASSISTANT("54, 55 and 56 never with 80, 81, 82 or AS on one line"),
  /**
   * Modifier 78 (an unplanned return to the operating room for a related procedure in the
   * postoperative period) never with a split-care modifier (54, 55, 56) on one line: 78 is paid the
   * intra-operative share of a procedure done inside a global period already paid, and starts no
   * global period of its own (Medicare Claims Processing Manual, chapter 12, section 40.4), while
   * 54, 55 and 56 split a global package between the physicians who agree on a transfer of care
   * (chapter 12, section 40.2). No CMS sentence names the pair; that it cannot be billed is the
   * project's reading. Claim pricing refuses such a line, {@code MODIFIER_NOT_ALLOWED}. 78 with an
   * assistant-at-surgery modifier, and 79 (an unrelated procedure, which does start a global
   * period) with 54, 55 or 56, are not flagged.
   */
  RETURN_TO_OPERATING_ROOM_WITH_SPLIT_CARE("78 never with 54, 55 or 56 on one line"),
  /**
   * Modifiers 25 (a significant, separately identifiable visit on the day of a procedure or other
   * service) and 57 (the visit at which the decision to operate was made) belong only on a visit:
   * the Medicare Claims Processing Manual, chapter 12, gives 25 to an evaluation and management
   * service (section 30.6.6.B) and 57 to the visit that decided the surgery (section 30.6.6.C). A
   * visit is what the same-day and global surgery rules count as one: the E/M codes 99201-99499 and
   * the eye exams 92002-92014, which NCCI's edits separate with 25 and 57 as they do E/M codes;
   * and, beside them, the preventive visits G0402 (the initial preventive physical examination),
   * G0438 and G0439 (the annual wellness visits), and the hospital clinic visit G0463, which are
   * visits in all but their Level II numbers and beside which CMS pays a separately identifiable
   * visit marked 25. On a procedure, a test or a drug, 25 or 57 says nothing a payer reads: the
   * modifier that separates a procedure is 59 or an X modifier. A flag, never a refusal: the amount
   * does not depend on it.
   */
  EVALUATION_AND_MANAGEMENT_MODIFIER_ON_OTHER_CODE(
      "25 and 57 only on visits: 99201-99499, 92002-92014, G0402, G0438, G0439, G0463"),
  /**
   * At most one of the liability modifiers GA, GY and GZ on one line, and GX never with GA or GZ:
   * GA says a required advance beneficiary notice (ABN) was signed for a service Medicare may find
   * not reasonable and necessary, GZ that none was, GY that the service is excluded by law or not a
   * Medicare benefit, for which no ABN is required, and GX that a voluntary notice was given for
   * such a service. Medicare returns a line with GX beside GA or GZ (CMS change request 6563, MLN
   * Matters MM6563; GX with GY is allowed); GA beside GZ, and GA or GZ beside GY, say two opposite
   * things of one service (the project's reading: CMS's instructions on each modifier, Claims
   * Processing Manual ch. 23 §20.9.1.1). A flag: claim pricing denies a line with GZ or GY anyway
   * ({@code liability-modifiers}).
   */
  CONTRADICTORY_LIABILITY_MODIFIERS(
      "at most one of GA, GY and GZ on one line, and GX never with GA or GZ");

  private final String summary;

  ModifierRule(String summary) {
    this.summary = summary;
  }

  /** {@return the rule in a few plain words, such as {@code "no modifier twice on one line"}} */
  public String summary() {
    return summary;
  }
}
