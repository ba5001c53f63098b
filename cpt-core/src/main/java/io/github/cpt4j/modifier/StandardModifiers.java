package io.github.cpt4j.modifier;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;

/**
 * The data of {@link ModifierRegistry#standard()}, one modifier per line. The descriptions are
 * written for this project in plain words; they are not the AMA's or CMS's wording.
 */
final class StandardModifiers {

  private StandardModifiers() {}

  static ImmutableList<ModifierInfo> rows() {
    return ImmutableList.of(
        // CPT modifiers.
        cpt("22", "Unusually difficult or long procedure, well beyond the usual work"),
        cpt("23", "General anesthesia for a procedure that usually needs none or only local"),
        cpt(
            "24",
            "Evaluation and management visit unrelated to a surgery, during its "
                + "postoperative period"),
        cpt(
            "25",
            "Separate, significant evaluation and management service on the day of a "
                + "procedure"),
        cpt("26", "Professional component only: the physician's supervision and interpretation"),
        cpt("27", "One of several hospital outpatient visits on the same day"),
        cpt("32", "Service required by a third party such as an insurer or a court"),
        cpt("33", "Preventive service, so that patient cost sharing may be waived"),
        cpt("47", "The surgeon who operates also gives the regional or general anesthetic"),
        cpt("50", "Bilateral: the same procedure on both sides in one session"),
        cpt("51", "One of several procedures one provider does at a single session"),
        cpt("52", "Service cut short or trimmed because the physician chose to do less"),
        cpt("53", "Procedure started and then stopped because it put the patient at risk"),
        cpt("54", "The operation itself only; other practitioners give the care before and after"),
        cpt("55", "Care after the operation only"),
        cpt("56", "Care before the operation only"),
        cpt("57", "The visit at which the decision to operate was made"),
        cpt(
            "58",
            "Second procedure in the global period, planned ahead or more "
                + "extensive than the first"),
        cpt("59", "Distinct service: a procedure normally bundled, done separately this time"),
        cpt(
            "62",
            "Co-surgeons: two surgeons share one procedure, each doing a different part of it"),
        cpt("63", "Operation on a baby whose weight is under 4 kg at the time"),
        cpt("66", "Complex procedure done by a team of surgeons"),
        cpt("73", "Outpatient procedure stopped after preparation, before anesthesia"),
        cpt("74", "Outpatient procedure stopped after anesthesia was given or the procedure began"),
        cpt("76", "Procedure done again by the practitioner who did it the first time"),
        cpt("77", "Procedure done again by a practitioner other than the one who did it first"),
        cpt(
            "78",
            "Related procedure needing an unplanned trip back to the operating "
                + "room in the global period"),
        cpt(
            "79",
            "Procedure with no link to the surgery, by the same surgeon in its global period"),
        cpt("80", "A physician helping the operating surgeon throughout the operation"),
        cpt(
            "81",
            "A physician helping the operating surgeon for only a small part of the operation"),
        cpt(
            "82",
            "A physician helping the operating surgeon in a teaching hospital with "
                + "no qualified resident on hand"),
        cpt("90", "Laboratory test sent out to a lab other than the billing practitioner's"),
        cpt(
            "91",
            "Laboratory test run again that day for a later result, such as a series of levels"),
        cpt(
            "92",
            "Laboratory test done with portable equipment whose testing chamber is used once"),
        cpt("93", "Telemedicine by a live voice call, with no video"),
        cpt("95", "Telemedicine by a live video call with sound"),
        cpt("96", "Habilitative service: helps learn skills never acquired"),
        cpt("97", "Rehabilitative service: helps regain skills that were lost"),
        cpt("99", "Several modifiers apply; they are listed elsewhere on the claim"),

        // Anesthesia physical status.
        status("P1", "Anesthesia patient who is healthy"),
        status("P2", "Anesthesia patient with mild disease of the whole body"),
        status("P3", "Anesthesia patient with severe disease of the whole body"),
        status(
            "P4", "Anesthesia patient with severe disease that puts life in danger at all times"),
        status("P5", "Anesthesia patient who will likely die without the operation"),
        status(
            "P6", "Organ donor declared dead by brain criteria, operated on to recover the organs"),

        // Category II.
        categoryII("1P", "Left out of a quality measure for a medical reason"),
        categoryII("2P", "Left out of a quality measure for a reason of the patient's"),
        categoryII("3P", "Left out of a quality measure for a reason of the health system"),
        categoryII("8P", "Quality measure's action not taken, without a stated reason"),

        // HCPCS Level II: anatomy.
        levelII("LT", "Done on the patient's left side"),
        levelII("RT", "Done on the patient's right side"),
        levelII("FA", "Left thumb"),
        levelII("F1", "Left index finger"),
        levelII("F2", "Left middle finger"),
        levelII("F3", "Left ring finger"),
        levelII("F4", "Left little finger"),
        levelII("F5", "Right thumb"),
        levelII("F6", "Right index finger"),
        levelII("F7", "Right middle finger"),
        levelII("F8", "Right ring finger"),
        levelII("F9", "Right little finger"),
        levelII("TA", "Left big toe"),
        levelII("T1", "Left second toe"),
        levelII("T2", "Left third toe"),
        levelII("T3", "Left fourth toe"),
        levelII("T4", "Left little toe"),
        levelII("T5", "Right big toe"),
        levelII("T6", "Right second toe"),
        levelII("T7", "Right third toe"),
        levelII("T8", "Right fourth toe"),
        levelII("T9", "Right little toe"),
        levelII("E1", "Left eye, upper lid"),
        levelII("E2", "Left eye, lower lid"),
        levelII("E3", "Right eye, upper lid"),
        levelII("E4", "Right eye, lower lid"),
        levelII("LC", "Coronary artery: left circumflex"),
        levelII("LD", "Coronary artery: left anterior descending"),
        levelII("LM", "Coronary artery: left main"),
        levelII("RC", "Coronary artery: right"),
        levelII("RI", "Coronary artery: ramus intermedius"),

        // HCPCS Level II: components, distinct services, surgery.
        levelII("TC", "Technical component only: equipment, supplies and staff of a test"),
        levelII("XE", "Not bundled this time: done at another encounter"),
        levelII("XS", "Not bundled this time: done on another organ or structure"),
        levelII("XP", "Not bundled this time: done by another practitioner"),
        levelII("XU", "Not bundled this time: outside the usual parts of the main service"),
        levelII(
            "AS",
            "Surgical assistant who is not a physician: a PA, nurse practitioner "
                + "or clinical nurse specialist"),

        // HCPCS Level II: imaging equipment that Medicare pays less for.
        levelII("FX", "Radiograph recorded on film, not digitally"),
        levelII("FY", "Radiograph read from a computed radiography (CR) imaging plate"),
        levelII("CT", "CT scan on equipment that does not meet the NEMA XR-29 dose standard"),

        // HCPCS Level II: therapy furnished by an assistant, paid a reduced share.
        levelII(
            "CQ", "Physical therapy where an assistant, not the therapist, did some or all of it"),
        levelII(
            "CO",
            "Occupational therapy where an assistant, not the therapist, did some or all of it"),

        // HCPCS Level II, 2022: visits of the global package and of two practitioners.
        levelII(
            "FT", "Visit unrelated to a procedure's global package or to another visit of the day"),
        levelII("FS", "Visit split or shared between a physician and a non-physician practitioner"),

        // HCPCS Level II: telehealth, liability and coverage.
        levelII("GT", "Telehealth over a live video and sound link (older modifier)"),
        levelII("FQ", "Service given over a sound-only link (CMS's counterpart of 93)"),
        levelII("FR", "Supervision given over a live video link instead of in the room"),
        levelII("GA", "Liability notice given to the patient and on file"),
        levelII("GY", "Not a Medicare benefit, or excluded by law"),
        levelII("GZ", "Likely to be denied as unnecessary, with no liability notice signed"),
        levelII("KX", "Documentation shows the coverage policy's conditions are satisfied"),
        levelII("GX", "Liability notice given voluntarily, for a service Medicare never covers"),
        levelII(
            "AI", "Admitting or attending physician who oversees the patient's care as a whole"),
        levelII("CR", "Care connected with a disaster or catastrophe"),
        levelII(
            "PT", "Colorectal screening that turned into a diagnostic or therapeutic procedure"),
        levelII("Q0", "Experimental item or service under study in an approved clinical trial"),
        levelII("Q1", "Usual care given to a patient enrolled in an approved clinical trial"),
        levelII("ET", "Service furnished for an emergency"),
        levelII("SC", "Service or supply the patient needs for a medical reason"),
        levelII(
            "CS",
            "Patient cost sharing waived by law, as for visits to test for COVID-19 during the "
                + "public health emergency"),
        levelII(
            "PD",
            "Service of a practice a hospital wholly owns or runs, in the three days before the "
                + "patient is admitted there"),
        levelII("PI", "PET scan to plan the first treatment of a known or suspected cancer"),
        levelII("PS", "PET scan to plan later treatment of a cancer already treated"),

        // HCPCS Level II: portable X-ray, the number of patients one trip's transport is shared
        // by (reported with the transport code R0075; one patient is R0070, without modifier).
        levelII("UN", "Portable X-ray transport shared by two patients on one trip"),
        levelII("UP", "Portable X-ray transport shared by three patients on one trip"),
        levelII("UQ", "Portable X-ray transport shared by four patients on one trip"),
        levelII("UR", "Portable X-ray transport shared by five patients on one trip"),
        levelII("US", "Portable X-ray transport shared by six or more patients on one trip"),

        // HCPCS Level II: off-campus departments of a hospital, on the hospital's own claims.
        levelII(
            "PO",
            "Hospital's off-campus outpatient department exempt from site-neutral "
                + "pay (billing before November 2015)"),
        levelII(
            "PN",
            "Hospital's off-campus outpatient department paid the site-neutral rate (not exempt)"),
        levelII("ER", "Care in a hospital's emergency department away from its main campus"),

        // HCPCS Level II: who furnished the service.
        levelII("GC", "Resident took part, directed by the teaching physician"),
        levelII(
            "GE",
            "Resident worked without the teaching physician present (primary care exception)"),
        levelII("Q5", "Covering physician standing in under a reciprocal arrangement"),
        levelII("Q6", "Covering physician paid for the time (locum tenens)"),
        levelII(
            "GV",
            "Patient's own attending doctor, independent of the hospice caring for the patient"),
        levelII("GW", "Care for a hospice patient, for a problem apart from the terminal illness"),
        levelII("SA", "Service by a nurse practitioner working together with a physician"),
        levelII("SB", "Service furnished by a nurse midwife"),
        levelII(
            "AQ",
            "Physician service in a shortage area (HPSA) missing from CMS's ZIP code list, so "
                + "that the bonus is paid"),
        levelII("AT", "Active, corrective chiropractic manipulation rather than maintenance care"),

        // HCPCS Level II, 2018: the clinician's relationship with the patient, reported for the
        // Quality Payment Program's cost measures (MACRA section 101(f)); no payment effect.
        levelII("X1", "Clinician in a continuing relationship, caring for the patient as a whole"),
        levelII("X2", "Clinician in a continuing relationship, caring for one condition"),
        levelII("X3", "Clinician seeing the patient for one episode, as a whole"),
        levelII("X4", "Clinician seeing the patient for one episode, for one condition"),
        levelII("X5", "Clinician who furnished the service only as another clinician ordered it"),

        // HCPCS Level II: therapy plans of care.
        levelII("GP", "Delivered under a physical therapist's outpatient care plan"),
        levelII("GO", "Delivered under an occupational therapist's outpatient care plan"),
        levelII("GN", "Delivered under a speech-language pathologist's outpatient care plan"),

        // HCPCS Level II: routine foot care, the class findings that make it covered (Medicare
        // Benefit Policy Manual, chapter 15, section 290).
        levelII(
            "Q7",
            "Routine foot care covered on a class A finding: part or all of a foot "
                + "lost, not by injury"),
        levelII(
            "Q8",
            "Routine foot care covered on a pair of class B findings, such as absent foot pulses"),
        levelII(
            "Q9",
            "Routine foot care covered on one class B finding plus a pair of class C findings"),

        // HCPCS Level II: laboratory.
        levelII("QW", "Laboratory test waived under the CLIA rules"),

        // HCPCS Level II: anesthesia.
        levelII("AA", "Anesthesiologist giving the anesthesia in person"),
        levelII("AD", "Physician overseeing five or more anesthesia cases at the same time"),
        levelII("QK", "Anesthesiologist directing two to four anesthesia cases at once"),
        levelII("QX", "Nurse anesthetist working under an anesthesiologist's direction"),
        levelII("QY", "Anesthesiologist directing one nurse anesthetist"),
        levelII("QZ", "Nurse anesthetist working without an anesthesiologist's direction"),
        levelII(
            "QS",
            "Sedation watched over by an anesthesia provider, rather than general "
                + "anesthesia (MAC)"),
        levelII("G8", "Sedation care (MAC) for a deep or highly invasive operation"),
        levelII("G9", "Sedation care (MAC) for a patient whose heart or lung disease is severe"),

        // HCPCS Level II: durable medical equipment, prosthetics, orthotics and supplies (the
        // modifiers of the DMEPOS fee schedule's rows, and those its pricer reads).
        levelII("NU", "Equipment bought new"),
        levelII("UE", "Equipment bought used"),
        levelII("RR", "Equipment rented, one unit a month"),
        levelII(
            "KH", "An item's opening claim, for buying it or for the first month of renting it"),
        levelII("KI", "An item's rental in its second or third month"),
        levelII(
            "KJ",
            "Rental from the fourth month: a capped rental item to the thirteenth, a nutrition "
                + "pump to the fifteenth"),
        levelII(
            "KE",
            "Item priced from the first round of competitive bidding, used with base equipment "
                + "outside the program"),
        levelII("KU", "Accessory or cushion for a complex rehabilitative power wheelchair"),
        levelII(
            "KC",
            "New control interface put on a special power wheelchair in place of the old one"),
        levelII("KF", "Class III medical device under the FDA's rules"),
        levelII("KM", "Prosthesis for the face, remade from a fresh impression"),
        levelII("KN", "Prosthesis for the face, remade from the earlier master model"),
        levelII("AU", "Used together with supplies for urology, an ostomy or a tracheostomy"),
        levelII("AV", "Used together with a prosthetic or orthotic device"),
        levelII("AW", "Used together with surgical dressings"),
        levelII("KS", "Blood sugar testing supply for a person with diabetes who takes no insulin"),
        levelII("RA", "Item replaced in full: medical equipment, a prosthesis or an orthosis"),
        levelII("RB", "Part put in while repairing medical equipment, a prosthesis or an orthosis"),
        levelII("QE", "Oxygen prescribed at under 1 liter a minute"),
        levelII("QA", "Oxygen prescribed at day and night rates averaging under 1 liter a minute"),
        levelII("QG", "Oxygen prescribed at over 4 liters a minute"),
        levelII("QR", "Oxygen prescribed at day and night rates averaging over 4 liters a minute"),
        levelII("QF", "Oxygen prescribed at over 4 liters a minute, with portable oxygen"),
        levelII(
            "QB",
            "Oxygen prescribed at day and night rates averaging over 4 liters a minute, with "
                + "portable oxygen"),

        // HCPCS Level II: drugs.
        levelII("JW", "Part of a single-use vial or package thrown away unused"),
        levelII("JZ", "Nothing of a single-use vial or package thrown away"),
        levelII("JG", "Drug bought at a 340B program discount"),
        levelII("TB", "Drug bought at a 340B program discount, noted for information only"),
        levelII("EA", "Red cell stimulating drug (ESA) for anemia caused by cancer chemotherapy"),
        levelII("EB", "Red cell stimulating drug (ESA) for anemia caused by cancer radiotherapy"),
        levelII(
            "EC",
            "Red cell stimulating drug (ESA) for anemia not caused by cancer chemotherapy or "
                + "radiotherapy"));
  }

  /**
   * The payment effects of the standard modifiers (CMS Claims Processing Manual, chapter 12,
   * sections 20.4 and 40-40.8 (78: section 40.4, the intra-operative share), the indicators of the
   * relative value file's Attachment A, and for FX, FY, CT, CQ, CO, PD, GZ and GY the laws, manual
   * sections and change requests named on their {@link PaymentEffect}s).
   *
   * <p>Some known modifiers touch a payment outside the fee schedule amount of the line and have no
   * effect here: AQ's shortage-area bonus is paid apart, quarterly; UN to US share the transport of
   * portable X-ray equipment (R0075, which the contractor prices) among the patients of a trip; PO,
   * PN and ER price hospital claims.
   */
  private static final ImmutableMap<String, PaymentEffect> EFFECTS =
      ImmutableMap.<String, PaymentEffect>builder()
          .put("22", PaymentEffect.INCREASED_SERVICES)
          .put("25", PaymentEffect.SEPARATE_VISIT)
          .put("50", PaymentEffect.BILATERAL)
          .put("51", PaymentEffect.MULTIPLE_PROCEDURES)
          .put("52", PaymentEffect.REDUCED_SERVICES)
          .put("54", PaymentEffect.SURGICAL_CARE_ONLY)
          .put("55", PaymentEffect.POSTOPERATIVE_CARE_ONLY)
          .put("56", PaymentEffect.PREOPERATIVE_CARE_ONLY)
          .put("62", PaymentEffect.CO_SURGEON)
          .put("66", PaymentEffect.TEAM_SURGEON)
          .put("78", PaymentEffect.RETURN_TO_OPERATING_ROOM)
          .put("80", PaymentEffect.ASSISTANT_SURGEON)
          .put("81", PaymentEffect.ASSISTANT_SURGEON)
          .put("82", PaymentEffect.ASSISTANT_SURGEON)
          .put("AS", PaymentEffect.NON_PHYSICIAN_ASSISTANT)
          .put("LT", PaymentEffect.LEFT_SIDE)
          .put("RT", PaymentEffect.RIGHT_SIDE)
          .put("FX", PaymentEffect.FILM_X_RAY)
          .put("FY", PaymentEffect.COMPUTED_RADIOGRAPHY)
          .put("CT", PaymentEffect.CT_EQUIPMENT_NOT_STANDARD)
          .put("CQ", PaymentEffect.THERAPY_ASSISTANT)
          .put("CO", PaymentEffect.THERAPY_ASSISTANT)
          .put("PD", PaymentEffect.PAYMENT_WINDOW)
          .put("GZ", PaymentEffect.NOT_NECESSARY_WITHOUT_NOTICE)
          .put("GY", PaymentEffect.STATUTORILY_EXCLUDED)
          .build();

  private static ModifierInfo withEffect(ModifierInfo info) {
    PaymentEffect effect = EFFECTS.get(info.modifier().toString());
    return effect == null ? info : info.withPaymentEffect(effect);
  }

  private static ModifierInfo cpt(String code, String description) {
    return withEffect(ModifierInfo.of(Modifier.parse(code), ModifierKind.CPT, description));
  }

  private static ModifierInfo status(String code, String description) {
    return ModifierInfo.of(
        Modifier.parse(code), ModifierKind.ANESTHESIA_PHYSICAL_STATUS, description);
  }

  private static ModifierInfo categoryII(String code, String description) {
    return ModifierInfo.of(Modifier.parse(code), ModifierKind.CATEGORY_II, description);
  }

  private static ModifierInfo levelII(String code, String description) {
    return withEffect(
        ModifierInfo.of(Modifier.parse(code), ModifierKind.HCPCS_LEVEL_II, description));
  }
}
