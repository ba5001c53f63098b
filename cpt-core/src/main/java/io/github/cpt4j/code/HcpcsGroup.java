package io.github.cpt4j.code;

/**
 * What a HCPCS Level II code is about, told by its letter: the groups CMS arranges the Level II
 * code set in, in plain words.
 *
 * <pre>{@code
 * HcpcsCode.parse("J1100").group();   // DRUGS
 * HcpcsCode.parse("A0425").group();   // TRANSPORT_SUPPLIES_AND_MISCELLANEOUS
 * HcpcsCode.parse("N0001").group();   // UNASSIGNED: N is well-formed but CMS does not use it
 * }</pre>
 */
public enum HcpcsGroup {
  /** A: ambulance and other transport, supplies used by clinicians, miscellaneous items. */
  TRANSPORT_SUPPLIES_AND_MISCELLANEOUS(
      'A', "Transport, clinical supplies, miscellaneous and investigational items"),
  /** B: tube feeding and intravenous nutrition. */
  ENTERAL_AND_PARENTERAL_THERAPY('B', "Enteral and parenteral (tube and intravenous) nutrition"),
  /** C: temporary codes used only by the hospital outpatient payment system. */
  HOSPITAL_OUTPATIENT('C', "Temporary codes for the hospital outpatient payment system"),
  /** D: dental procedures; these are the ADA's codes (CDT), not CMS's. */
  DENTAL('D', "Dental procedures (the ADA's codes)"),
  /** E: durable medical equipment such as wheelchairs and hospital beds. */
  DURABLE_MEDICAL_EQUIPMENT('E', "Durable medical equipment"),
  /** G: temporary codes for procedures and professional services. */
  TEMPORARY_PROCEDURES('G', "Temporary codes for procedures and professional services"),
  /** H: behavioral health and substance-use treatment, mostly for state Medicaid programs. */
  BEHAVIORAL_HEALTH('H', "Behavioral health and substance-use treatment services"),
  /** J: drugs usually given other than by mouth, including cancer medicines. */
  DRUGS('J', "Drugs usually given other than by mouth, and chemotherapy"),
  /** K: temporary codes for durable medical equipment. */
  TEMPORARY_DURABLE_MEDICAL_EQUIPMENT('K', "Temporary codes for durable medical equipment"),
  /** L: orthotic and prosthetic devices and procedures. */
  ORTHOTICS_AND_PROSTHETICS('L', "Orthotic and prosthetic devices and procedures"),
  /** M: other medical services and quality-reporting codes. */
  OTHER_MEDICAL_SERVICES('M', "Other medical services and quality reporting"),
  /** P: pathology and laboratory services. */
  PATHOLOGY_AND_LABORATORY('P', "Pathology and laboratory services"),
  /** Q: temporary codes for services, drugs and supplies without a permanent code. */
  TEMPORARY_MISCELLANEOUS('Q', "Temporary codes for miscellaneous services, drugs and supplies"),
  /** R: diagnostic radiology services, such as transporting portable X-ray equipment. */
  DIAGNOSTIC_RADIOLOGY('R', "Diagnostic radiology services"),
  /** S: temporary national codes for private payers; Medicare does not pay them. */
  PRIVATE_PAYER_TEMPORARY('S', "Temporary national codes for private payers (not Medicare)"),
  /** T: national codes for state Medicaid agencies; Medicare does not pay them. */
  STATE_MEDICAID('T', "National codes for state Medicaid agencies (not Medicare)"),
  /** U: laboratory tests for the coronavirus, created during the COVID-19 emergency. */
  CORONAVIRUS_LABORATORY_TESTS('U', "Coronavirus laboratory tests"),
  /** V: vision, hearing and speech-language services. */
  VISION_HEARING_AND_SPEECH('V', "Vision, hearing and speech-language services"),
  /** F and N: well-formed Level II letters that CMS does not use; never guessed. */
  UNASSIGNED('\0', "Unassigned");

  // Indexed by letter - 'A'; holds the group of every letter the parsers accept.
  private static final HcpcsGroup[] BY_LETTER = new HcpcsGroup[26];

  static {
    for (HcpcsGroup group : values()) {
      if (group.letter != '\0') {
        BY_LETTER[group.letter - 'A'] = group;
      }
    }
    for (char c = 'A'; c <= 'Z'; c++) {
      if (CodeScanner.isLevelTwoLetter(c) && BY_LETTER[c - 'A'] == null) {
        BY_LETTER[c - 'A'] = UNASSIGNED;
      }
    }
  }

  private final char letter;
  private final String displayName;

  HcpcsGroup(char letter, String displayName) {
    this.letter = letter;
    this.displayName = displayName;
  }

  /**
   * Returns the group of codes starting with {@code letter}, {@link #UNASSIGNED} for the
   * well-formed letters CMS does not use (F, N).
   *
   * @param letter the first character of a Level II code, such as {@code J}
   * @return the group of the codes starting with {@code letter}
   * @throws IllegalArgumentException if {@code letter} is not an upper-case Level II letter (A-V
   *     other than I and O)
   */
  public static HcpcsGroup ofLetter(char letter) {
    if (!CodeScanner.isLevelTwoLetter(letter)) {
      throw new IllegalArgumentException(CodeScanner.letterProblem(letter));
    }
    return BY_LETTER[letter - 'A'];
  }

  /** {@return the letter of this group's codes, or {@code '\0'} for {@link #UNASSIGNED}} */
  public char letter() {
    return letter;
  }

  /** {@return the group's name in plain words} */
  public String displayName() {
    return displayName;
  }
}
