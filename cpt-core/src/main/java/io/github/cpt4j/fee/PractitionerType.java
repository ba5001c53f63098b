package io.github.cpt4j.fee;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.text.Blanks;
import java.math.BigDecimal;

/**
 * Who furnished and bills a service: a physician, or one of the non-physician practitioners whom
 * Medicare pays a share of the physician fee schedule amount. The share is the law's (Social
 * Security Act §1833(a)(1)), as CMS's regulations (42 CFR part 414) and Medicare Claims Processing
 * Manual (Pub. 100-04) state it for each practitioner; {@link #medicareSource()} names one of them.
 * The project's {@code docs/manual-citations.md} records which citations were checked, and how.
 *
 * <p>Services a non-physician furnishes "incident to" a physician's service and bills under the
 * physician are paid as the physician's: price them as {@link #PHYSICIAN}. An assistant at surgery
 * who is not a physician bills modifier AS, whose 13.6% already includes the 85% share; Medicare
 * schedules do not apply the share again to such a line.
 *
 * <pre>{@code
 * PricingContext np = office.withPractitioner(PractitionerType.NURSE_PRACTITIONER);
 * PractitionerType.parse("np").medicareShare();   // 0.85
 * }</pre>
 */
public enum PractitionerType {

  /** A doctor of medicine or osteopathy (and the other physicians of the law): 100%. */
  PHYSICIAN("physician", "physician", "100", "the physician fee schedule amount itself"),

  /**
   * Nurse practitioner: 85% (42 CFR 414.56(c); Claims Processing Manual, chapter 12, section 120.1,
   * a section number not re-checked against the manual's text).
   */
  NURSE_PRACTITIONER("np", "nurse practitioner", "0.85", "Claims Processing Manual ch. 12 §120.1"),

  /**
   * Clinical nurse specialist: 85% (42 CFR 414.56(c); Claims Processing Manual, chapter 12, section
   * 120.1, a section number not re-checked against the manual's text).
   */
  CLINICAL_NURSE_SPECIALIST(
      "cns", "clinical nurse specialist", "0.85", "Claims Processing Manual ch. 12 §120.1"),

  /**
   * Physician assistant: 85% (Claims Processing Manual, chapter 12, section 110, a section number
   * not re-checked against the manual's text).
   */
  PHYSICIAN_ASSISTANT("pa", "physician assistant", "0.85", "Claims Processing Manual ch. 12 §110"),

  /**
   * Certified nurse-midwife: 100% since 2011 (Affordable Care Act §3114; 42 CFR 414.54(b); Claims
   * Processing Manual, chapter 12, section 130.1, revised for it by Change Request 7005).
   */
  CERTIFIED_NURSE_MIDWIFE(
      "cnm", "certified nurse-midwife", "100", "Claims Processing Manual ch. 12 §130.1"),

  /**
   * Certified registered nurse anesthetist or anesthesiologist assistant: 100% of the anesthesia
   * fee; a medically directed one is paid 50% through modifier QX, which the anesthesia schedule
   * applies (Claims Processing Manual, chapter 12, section 140.3).
   */
  NURSE_ANESTHETIST(
      "crna",
      "nurse anesthetist or anesthesiologist assistant",
      "100",
      "Claims Processing Manual ch. 12 §140.3"),

  /**
   * Clinical social worker: 75% of a clinical psychologist's amount (42 CFR 414.53; Claims
   * Processing Manual, chapter 12, section 150).
   */
  CLINICAL_SOCIAL_WORKER(
      "csw", "clinical social worker", "0.75", "Claims Processing Manual ch. 12 §150"),

  /**
   * Clinical psychologist: 100% (42 CFR 414.62; Claims Processing Manual, chapter 12, section 170,
   * a section number not re-checked against the manual's text).
   */
  CLINICAL_PSYCHOLOGIST(
      "cp", "clinical psychologist", "100", "Claims Processing Manual ch. 12 §170"),

  /**
   * Marriage and family therapist, from 2024: 75% of a clinical psychologist's amount (42 CFR
   * 414.53; the benefit was added by the Consolidated Appropriations Act, 2023, division FF,
   * §4121).
   */
  MARRIAGE_AND_FAMILY_THERAPIST("mft", "marriage and family therapist", "0.75", "42 CFR 414.53"),

  /**
   * Mental health counselor, from 2024: 75% of a clinical psychologist's amount (42 CFR 414.53).
   */
  MENTAL_HEALTH_COUNSELOR("mhc", "mental health counselor", "0.75", "42 CFR 414.53"),

  /**
   * Registered dietitian or nutrition professional, for medical nutrition therapy: 85% (42 CFR
   * 414.64).
   */
  REGISTERED_DIETITIAN(
      "rd", "registered dietitian or nutrition professional", "0.85", "42 CFR 414.64"),

  /**
   * Physical or occupational therapist or speech-language pathologist in private practice: 100%
   * (Claims Processing Manual, chapter 5, section 10).
   */
  THERAPIST(
      "therapist", "therapist in private practice", "100", "Claims Processing Manual ch. 5 §10"),

  /**
   * Physical or occupational therapy assistant (modifiers CQ, CO), from 2022: 85% (Social Security
   * Act §1834(v)).
   */
  THERAPY_ASSISTANT(
      "therapy-assistant", "therapy assistant", "0.85", "Social Security Act §1834(v)");

  private final String id;
  private final String words;
  private final BigDecimal share;
  private final String source;

  PractitionerType(String id, String words, String share, String source) {
    this.id = id;
    this.words = words;
    // 100% is the scale-0 ONE, which pricing multiplies by without any arithmetic.
    this.share = share.equals("100") ? BigDecimal.ONE : new BigDecimal(share);
    this.source = source;
  }

  /**
   * Returns the type whose {@link #id()} or constant name is {@code text}, ignoring the case of its
   * ASCII letters and the blanks around it (spaces, tabs, no-break and other Unicode spaces, as the
   * other parsers of this library): {@code "np"}, {@code "NURSE_PRACTITIONER"}, {@code " csw "}. A
   * line break or another control character around the name, or a non-ASCII letter (such as the
   * Kelvin sign, whose lower case is {@code k}), makes it no name.
   *
   * @throws IllegalArgumentException if no type has that name; the message lists the ids
   */
  public static PractitionerType parse(CharSequence text) {
    requireNonNull(text, "text");
    // Blanks only, not String.strip(): that also drops line breaks and the separators
    // U+001C-U+001F. ASCII case only, not toLowerCase: that maps the Kelvin sign to 'k'.
    String key = Blanks.strip(text);
    for (PractitionerType type : values()) {
      if (asciiEqualsIgnoreCase(key, type.id) || asciiEqualsIgnoreCase(key, type.name())) {
        return type;
      }
    }
    StringBuilder ids = new StringBuilder();
    for (PractitionerType type : values()) {
      ids.append(ids.length() == 0 ? "" : ", ").append(type.id);
    }
    throw new IllegalArgumentException(
        "not a practitioner type: " + CodeFormatException.quote(key) + "; expected one of " + ids);
  }

  /** Tells whether {@code text} is {@code name} but for the case of ASCII letters. */
  private static boolean asciiEqualsIgnoreCase(String text, String name) {
    if (text.length() != name.length()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (asciiLower(text.charAt(i)) != asciiLower(name.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static char asciiLower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }

  /** Returns the short identifier, as the command line and batch files write it: {@code np}. */
  public String id() {
    return id;
  }

  /** Returns the type in words, for explanations: "nurse practitioner". */
  public String words() {
    return words;
  }

  /**
   * Returns the share of the Medicare physician fee schedule amount this practitioner is paid: 0.85
   * for a nurse practitioner; exactly {@link BigDecimal#ONE} for a full share.
   */
  public BigDecimal medicareShare() {
    return share;
  }

  /** Returns where the share is stated: "Claims Processing Manual ch. 12 §120.1". */
  public String medicareSource() {
    return source;
  }

  /** Tells whether Medicare pays this practitioner less than the full fee schedule amount. */
  public boolean isReduced() {
    return share.compareTo(BigDecimal.ONE) != 0;
  }
}
