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
        cpt("47", "Regional or general anesthesia given by the operating surgeon"),
        cpt("50", "Bilateral: the same procedure on both sides in one session"),
        cpt("51", "Multiple procedures by the same provider in one session"),
        cpt("52", "Service partly reduced or left out at the physician's choice"),
        cpt("53", "Procedure started and then stopped because it put the patient at risk"),
        cpt("54", "Surgical care only; someone else gives the care before and after"),
        cpt("55", "Care after the operation only"),
        cpt("56", "Care before the operation only"),
        cpt("57", "The visit at which the decision to operate was made"),
        cpt("58", "Planned, staged or related procedure during the postoperative period"),
        cpt("59", "Distinct service: a procedure normally bundled, done separately this time"),
        cpt("62", "Two surgeons, each doing a distinct part of one procedure"),
        cpt("63", "Procedure on an infant weighing less than 4 kg"),
        cpt("66", "Complex procedure done by a team of surgeons"),
        cpt("73", "Outpatient procedure stopped after preparation, before anesthesia"),
        cpt("74", "Outpatient procedure stopped after anesthesia was given or the procedure began"),
        cpt("76", "Repeat of a procedure by the same physician"),
        cpt("77", "Repeat of a procedure by another physician"),
        cpt(
            "78",
            "Unplanned return to the operating room for a related problem during the "
                + "postoperative period"),
        cpt("79", "Unrelated procedure by the same physician during the postoperative period"),
        cpt("80", "Assistant surgeon"),
        cpt("81", "Assistant surgeon needed only for a small part of the procedure"),
        cpt("82", "Assistant surgeon because no qualified resident was available"),
        cpt("90", "Laboratory test done by an outside (reference) laboratory"),
        cpt("91", "Same laboratory test repeated on the same day to get new results"),
        cpt("92", "Laboratory test run on an alternative platform, such as a single-use kit"),
        cpt("93", "Service delivered by audio-only telecommunication"),
        cpt("95", "Service delivered by real-time audio and video telecommunication"),
        cpt("96", "Habilitative service: helps learn skills never acquired"),
        cpt("97", "Rehabilitative service: helps regain skills that were lost"),
        cpt("99", "Several modifiers apply; they are listed elsewhere on the claim"),

        // Anesthesia physical status.
        status("P1", "Anesthesia patient who is healthy"),
        status("P2", "Anesthesia patient with mild disease of the whole body"),
        status("P3", "Anesthesia patient with severe disease of the whole body"),
        status("P4", "Anesthesia patient with severe disease that constantly threatens life"),
        status("P5", "Anesthesia patient not expected to survive without the operation"),
        status("P6", "Brain-dead patient whose organs are being removed for donation"),

        // Category II.
        categoryII("1P", "Performance measure not met, for medical reasons"),
        categoryII("2P", "Performance measure not met, for the patient's reasons"),
        categoryII("3P", "Performance measure not met, for reasons of the health system"),
        categoryII("8P", "Performance measure action not done, reason not given"),

        // HCPCS Level II: anatomy.
        levelII("LT", "Left side of the body"),
        levelII("RT", "Right side of the body"),
        levelII("FA", "Left hand, thumb"),
        levelII("F1", "Left hand, second finger"),
        levelII("F2", "Left hand, third finger"),
        levelII("F3", "Left hand, fourth finger"),
        levelII("F4", "Left hand, fifth finger"),
        levelII("F5", "Right hand, thumb"),
        levelII("F6", "Right hand, second finger"),
        levelII("F7", "Right hand, third finger"),
        levelII("F8", "Right hand, fourth finger"),
        levelII("F9", "Right hand, fifth finger"),
        levelII("TA", "Left foot, great toe"),
        levelII("T1", "Left foot, second toe"),
        levelII("T2", "Left foot, third toe"),
        levelII("T3", "Left foot, fourth toe"),
        levelII("T4", "Left foot, fifth toe"),
        levelII("T5", "Right foot, great toe"),
        levelII("T6", "Right foot, second toe"),
        levelII("T7", "Right foot, third toe"),
        levelII("T8", "Right foot, fourth toe"),
        levelII("T9", "Right foot, fifth toe"),
        levelII("E1", "Upper left eyelid"),
        levelII("E2", "Lower left eyelid"),
        levelII("E3", "Upper right eyelid"),
        levelII("E4", "Lower right eyelid"),
        levelII("LC", "Left circumflex coronary artery"),
        levelII("LD", "Left anterior descending coronary artery"),
        levelII("LM", "Left main coronary artery"),
        levelII("RC", "Right coronary artery"),
        levelII("RI", "Ramus intermedius coronary artery"),

        // HCPCS Level II: components, distinct services, surgery.
        levelII("TC", "Technical component only: equipment, supplies and staff of a test"),
        levelII("XE", "Distinct service because it was a separate encounter"),
        levelII("XS", "Distinct service because it was on a separate organ or structure"),
        levelII("XP", "Distinct service because a different practitioner did it"),
        levelII("XU", "Distinct service because it does not overlap the main service"),
        levelII(
            "AS",
            "Assistant at surgery who is a physician assistant, nurse practitioner or "
                + "clinical nurse specialist"),

        // HCPCS Level II: imaging equipment that Medicare pays less for.
        levelII("FX", "X-ray taken on film"),
        levelII("FY", "X-ray taken by computed radiography, with a cassette and imaging plate"),
        levelII("CT", "CT scan on equipment that does not meet the NEMA XR-29 dose standard"),

        // HCPCS Level II: therapy furnished by an assistant, paid a reduced share.
        levelII("CQ", "Physical therapy furnished in whole or in part by a therapy assistant"),
        levelII("CO", "Occupational therapy furnished in whole or in part by a therapy assistant"),

        // HCPCS Level II, 2022: visits of the global package and of two practitioners.
        levelII(
            "FT", "Visit unrelated to a procedure's global package or to another visit of the day"),
        levelII("FS", "Visit split or shared between a physician and a non-physician practitioner"),

        // HCPCS Level II: telehealth, liability and coverage.
        levelII("GT", "Telehealth by interactive audio and video (older modifier)"),
        levelII("FQ", "Service furnished by audio-only communication (CMS's counterpart of 93)"),
        levelII(
            "FR", "Supervising practitioner present by live audio and video rather than in person"),
        levelII("GA", "Liability notice given to the patient and on file"),
        levelII("GY", "Not a Medicare benefit, or excluded by law"),
        levelII("GZ", "Expected to be denied as not necessary, and no liability notice on file"),
        levelII("KX", "The requirements of the medical policy have been met"),
        levelII("GX", "Liability notice given voluntarily, for a service Medicare never covers"),
        levelII("AI", "Principal physician of record: the admitting or attending physician"),
        levelII("CR", "Service related to a catastrophe or disaster"),
        levelII(
            "PT", "Colorectal cancer screening that became a diagnostic or treatment procedure"),
        levelII("Q0", "Investigational item or service in an approved clinical study"),
        levelII("Q1", "Routine service in an approved clinical study"),
        levelII("ET", "Service furnished for an emergency"),
        levelII("SC", "Service or supply that is medically necessary"),
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
            "Excepted service in an off-campus hospital outpatient department (one billing before "
                + "November 2015)"),
        levelII(
            "PN",
            "Non-excepted service in an off-campus hospital outpatient department, paid the "
                + "site-neutral rate"),
        levelII("ER", "Service in an off-campus emergency department of a hospital"),

        // HCPCS Level II: who furnished the service.
        levelII("GC", "Furnished in part by a resident under a teaching physician's direction"),
        levelII(
            "GE",
            "Furnished by a resident without a teaching physician present, under the primary "
                + "care exception"),
        levelII("Q5", "Furnished by a substitute physician under a reciprocal arrangement"),
        levelII("Q6", "Furnished by a substitute physician paid for the time (locum tenens)"),
        levelII("GV", "Attending physician not employed or paid by the patient's hospice"),
        levelII("GW", "Service unrelated to the hospice patient's terminal condition"),
        levelII(
            "SA", "Nurse practitioner furnishing the service in collaboration with a physician"),
        levelII("SB", "Service furnished by a nurse midwife"),
        levelII(
            "AQ",
            "Physician service in a shortage area (HPSA) missing from CMS's ZIP code list, so "
                + "that the bonus is paid"),
        levelII(
            "AT",
            "Acute treatment: active or corrective chiropractic manipulation, not maintenance"),

        // HCPCS Level II: therapy plans of care.
        levelII("GP", "Service under an outpatient physical therapy plan of care"),
        levelII("GO", "Service under an outpatient occupational therapy plan of care"),
        levelII("GN", "Service under an outpatient speech-language pathology plan of care"),

        // HCPCS Level II: routine foot care, the class findings that make it covered (Medicare
        // Benefit Policy Manual, chapter 15, section 290).
        levelII(
            "Q7",
            "Routine foot care justified by a class A finding: a foot or part of it amputated,"
                + " not by injury"),
        levelII(
            "Q8",
            "Routine foot care justified by two class B findings, such as absent foot pulses"),
        levelII("Q9", "Routine foot care justified by one class B and two class C findings"),

        // HCPCS Level II: laboratory.
        levelII("QW", "Laboratory test waived under the CLIA rules"),

        // HCPCS Level II: anesthesia.
        levelII("AA", "Anesthesia given personally by an anesthesiologist"),
        levelII("AD", "Physician supervising more than four anesthesia cases at once"),
        levelII("QK", "Anesthesiologist directing two to four anesthesia cases at once"),
        levelII("QX", "Nurse anesthetist working under an anesthesiologist's direction"),
        levelII("QY", "Anesthesiologist directing one nurse anesthetist"),
        levelII("QZ", "Nurse anesthetist working without an anesthesiologist's direction"),
        levelII("QS", "Monitored anesthesia care"),
        levelII("G8", "Monitored anesthesia care for a deep, complex or invasive procedure"),
        levelII(
            "G9", "Monitored anesthesia care for a patient with a severe heart or lung condition"),

        // HCPCS Level II: durable medical equipment, prosthetics, orthotics and supplies (the
        // modifiers of the DMEPOS fee schedule's rows, and those its pricer reads).
        levelII("NU", "New equipment, bought"),
        levelII("UE", "Used equipment, bought"),
        levelII("RR", "Equipment rented, one unit a month"),
        levelII("KH", "First claim of an item: its purchase or first month's rental"),
        levelII("KI", "Second or third month's rental of an item"),
        levelII(
            "KJ",
            "Rental from the fourth month: a capped rental item to the thirteenth, a nutrition "
                + "pump to the fifteenth"),
        levelII(
            "KE",
            "Item priced from the first round of competitive bidding, used with base equipment "
                + "outside the program"),
        levelII("KU", "Accessory or cushion for a complex rehabilitative power wheelchair"),
        levelII("KC", "Replacement interface of a special power wheelchair"),
        levelII("KF", "Device the FDA places in class III"),
        levelII("KM", "Replacement prosthesis for the face, made from a new impression"),
        levelII("KN", "Replacement prosthesis for the face, made from an earlier master model"),
        levelII("AU", "Item furnished with a urological, ostomy or tracheostomy supply"),
        levelII("AV", "Item furnished with a prosthetic or orthotic device"),
        levelII("AW", "Item furnished with a surgical dressing"),
        levelII("KS", "Glucose monitor supply for a diabetic patient who does not use insulin"),
        levelII("RA", "Replacement of a whole equipment, prosthetic or orthotic item"),
        levelII("RB", "Part replaced in the repair of an equipment, prosthetic or orthotic item"),
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
        levelII("JW", "Amount of drug discarded from a single-use container"),
        levelII("JZ", "No drug discarded from a single-use container"),
        levelII("JG", "Drug acquired at the 340B drug discount program's price"),
        levelII("TB", "Drug acquired at the 340B program's price, reported for information"),
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
   * relative value file's Attachment A, and for FX, FY, CT, CQ, CO and PD the laws and change
   * requests named on their {@link PaymentEffect}s).
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
