package io.github.cpt4j.fee;

import static com.google.common.base.Preconditions.checkState;
import static java.util.Objects.requireNonNull;

import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.text.Blanks;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who furnished and bills a service: a physician, or one of the non-physician practitioners whom
 * Medicare pays a share of the physician fee schedule amount. The share is the law's (Social
 * Security Act §1833(a)(1)), as CMS's regulations (42 CFR part 414) and Medicare Claims Processing
 * Manual (Pub. 100-04) state it for each practitioner; {@link #medicareSource()} names one of them.
 * The project's {@code docs/manual-citations.md} records which citations were checked, and how.
 *
 * <p>Two shares changed by law: pricing asks for the share on the date of service ({@link
 * #medicareShare(LocalDate)}). A certified nurse-midwife was paid 65% before 2011, and a therapy
 * assistant's services were not reduced before 2022. Medicare pays marriage and family therapists
 * and mental health counselors for services from 2024 only ({@link #coveredFrom()}): pricing
 * refuses their earlier lines.
 *
 * <p>Services a non-physician furnishes "incident to" a physician's service and bills under the
 * physician are paid as the physician's: price them as {@link #PHYSICIAN}. An assistant at surgery
 * who is not a physician bills modifier AS, whose 13.6% already includes the 85% share; Medicare
 * schedules do not apply the share again to such a line.
 *
 * <pre>{@code
 * PricingContext np = office.withPractitioner(PractitionerType.NURSE_PRACTITIONER);
 * PractitionerType.parse("np").medicareShare();   // 0.85
 * PractitionerType.CERTIFIED_NURSE_MIDWIFE.medicareShare(LocalDate.of(2010, 6, 1));   // 0.65
 * PractitionerType.fromTaxonomy("363LF0000X");    // Optional[NURSE_PRACTITIONER]
 * }</pre>
 */
public enum PractitionerType {

  /** A doctor of medicine or osteopathy (and the other physicians of the law): 100%. */
  PHYSICIAN("physician", "physician", "100", "the physician fee schedule amount itself", false),

  /**
   * Nurse practitioner: 85% (42 CFR 414.56(c); Claims Processing Manual, chapter 12, section 120.1,
   * a section number not re-checked against the manual's text).
   */
  NURSE_PRACTITIONER(
      "np", "nurse practitioner", "0.85", "Claims Processing Manual ch. 12 §120.1", true),

  /**
   * Clinical nurse specialist: 85% (42 CFR 414.56(c); Claims Processing Manual, chapter 12, section
   * 120.1, a section number not re-checked against the manual's text).
   */
  CLINICAL_NURSE_SPECIALIST(
      "cns", "clinical nurse specialist", "0.85", "Claims Processing Manual ch. 12 §120.1", true),

  /**
   * Physician assistant: 85% (Claims Processing Manual, chapter 12, section 110, a section number
   * not re-checked against the manual's text).
   */
  PHYSICIAN_ASSISTANT(
      "pa", "physician assistant", "0.85", "Claims Processing Manual ch. 12 §110", true),

  /**
   * Certified nurse-midwife: 100% since 2011 (Affordable Care Act §3114; 42 CFR 414.54(b); Claims
   * Processing Manual, chapter 12, section 130.1, revised for it by Change Request 7005); 65% for a
   * service before 1 January 2011, as that section said before the change request.
   */
  CERTIFIED_NURSE_MIDWIFE(
      "cnm", "certified nurse-midwife", "100", "Claims Processing Manual ch. 12 §130.1", true),

  /**
   * Certified registered nurse anesthetist or anesthesiologist assistant: 100% of the anesthesia
   * fee; a medically directed one is paid 50% through modifier QX, which the anesthesia schedule
   * applies (Claims Processing Manual, chapter 12, section 140.3).
   */
  NURSE_ANESTHETIST(
      "crna",
      "nurse anesthetist or anesthesiologist assistant",
      "100",
      "Claims Processing Manual ch. 12 §140.3",
      true),

  /**
   * Clinical social worker: 75% of a clinical psychologist's amount (42 CFR 414.53; Claims
   * Processing Manual, chapter 12, section 150).
   */
  CLINICAL_SOCIAL_WORKER(
      "csw", "clinical social worker", "0.75", "Claims Processing Manual ch. 12 §150", true),

  /**
   * Clinical psychologist: 100% (42 CFR 414.62; Claims Processing Manual, chapter 12, section 170,
   * a section number not re-checked against the manual's text).
   */
  CLINICAL_PSYCHOLOGIST(
      "cp", "clinical psychologist", "100", "Claims Processing Manual ch. 12 §170", true),

  /**
   * Marriage and family therapist, from 2024: 75% of a clinical psychologist's amount (42 CFR
   * 414.53; the benefit was added by the Consolidated Appropriations Act, 2023, division FF,
   * §4121).
   */
  MARRIAGE_AND_FAMILY_THERAPIST(
      "mft", "marriage and family therapist", "0.75", "42 CFR 414.53", true),

  /**
   * Mental health counselor, from 2024: 75% of a clinical psychologist's amount (42 CFR 414.53).
   */
  MENTAL_HEALTH_COUNSELOR("mhc", "mental health counselor", "0.75", "42 CFR 414.53", true),

  /**
   * Registered dietitian or nutrition professional, for medical nutrition therapy: 85% (42 CFR
   * 414.64).
   */
  REGISTERED_DIETITIAN(
      "rd", "registered dietitian or nutrition professional", "0.85", "42 CFR 414.64", true),

  /**
   * Physical or occupational therapist or speech-language pathologist in private practice: 100%
   * (Claims Processing Manual, chapter 5, section 10).
   */
  THERAPIST(
      "therapist",
      "therapist in private practice",
      "100",
      "Claims Processing Manual ch. 5 §10",
      false),

  /**
   * Physical or occupational therapy assistant (modifiers CQ, CO), from 2022: 85% (Social Security
   * Act §1834(v)); 100% for a service before 1 January 2022, when the share began. The share is of
   * outpatient physical and occupational therapy: the Medicare pricers take nothing off a line
   * whose relative value row is no therapy service (MULT PROC other than 5), as with CQ or CO on
   * it, and say so.
   */
  THERAPY_ASSISTANT(
      "therapy-assistant", "therapy assistant", "0.85", "Social Security Act §1834(v)", false),

  /**
   * Qualified audiologist, for the hearing and balance tests Medicare covers as other diagnostic
   * tests: the fee schedule amount itself, 100% (Benefit Policy Manual, chapter 15, section 80.3.C:
   * "payable under the MPFS").
   */
  AUDIOLOGIST("audiologist", "audiologist", "100", "Benefit Policy Manual ch. 15 §80.3", false);

  private final String id;
  private final String words;
  private final BigDecimal share;
  private final String source;
  private final boolean mustAcceptAssignment;

  PractitionerType(
      String id, String words, String share, String source, boolean mustAcceptAssignment) {
    this.id = id;
    this.words = words;
    // 100% is the scale-0 ONE, which pricing multiplies by without any arithmetic.
    this.share = share.equals("100") ? BigDecimal.ONE : new BigDecimal(share);
    this.source = source;
    this.mustAcceptAssignment = mustAcceptAssignment;
  }

  /**
   * Returns the type whose {@link #id()} or constant name is {@code text}, ignoring the case of its
   * ASCII letters and the blanks around it (spaces, tabs, no-break and other Unicode spaces, as the
   * other parsers of this library): {@code "np"}, {@code "NURSE_PRACTITIONER"}, {@code " csw "}. A
   * line break or another control character around the name, or a non-ASCII letter (such as the
   * Kelvin sign, whose lower case is {@code k}), makes it no name.
   *
   * @param text an id or constant name, such as {@code np}
   * @return the type of that name
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

  /**
   * Each classification's type, by a taxonomy code's first characters (see {@link #fromTaxonomy}).
   * The allopathic and osteopathic physicians' codes all begin with 20.
   */
  private static final List<Map.Entry<String, PractitionerType>> TAXONOMY =
      List.of(
          Map.entry("20", PHYSICIAN), // 202C-2098: allopathic and osteopathic physicians
          Map.entry("1223", PHYSICIAN), // dentist
          Map.entry("213E", PHYSICIAN), // podiatrist
          Map.entry("152W", PHYSICIAN), // optometrist
          Map.entry("111N", PHYSICIAN), // chiropractor
          Map.entry("363L", NURSE_PRACTITIONER),
          Map.entry("364S", CLINICAL_NURSE_SPECIALIST),
          Map.entry("363A", PHYSICIAN_ASSISTANT),
          Map.entry("367A", CERTIFIED_NURSE_MIDWIFE), // advanced practice midwife
          Map.entry("3675", NURSE_ANESTHETIST), // certified registered nurse anesthetist
          Map.entry("367H", NURSE_ANESTHETIST), // anesthesiologist assistant
          Map.entry("1041", CLINICAL_SOCIAL_WORKER), // social worker
          Map.entry("103T", CLINICAL_PSYCHOLOGIST), // psychologist
          Map.entry("103G", CLINICAL_PSYCHOLOGIST), // clinical neuropsychologist
          Map.entry("106H", MARRIAGE_AND_FAMILY_THERAPIST),
          Map.entry("101Y", MENTAL_HEALTH_COUNSELOR), // counselor
          Map.entry("133V", REGISTERED_DIETITIAN),
          Map.entry("133N", REGISTERED_DIETITIAN), // nutritionist
          Map.entry("2251", THERAPIST), // physical therapist
          Map.entry("225X", THERAPIST), // occupational therapist
          Map.entry("235Z", THERAPIST), // speech-language pathologist
          Map.entry("2252", THERAPY_ASSISTANT), // physical therapy assistant
          Map.entry("224Z", THERAPY_ASSISTANT), // occupational therapy assistant
          Map.entry("231H", AUDIOLOGIST));

  /**
   * Returns the type of practitioner a Health Care Provider Taxonomy code names, the NUCC code set
   * with which claims (an 837P's PRV segment, a FHIR claim's {@code careTeam.qualification}) say
   * what a provider is: {@code 363LF0000X}, a family nurse practitioner, is a {@link
   * #NURSE_PRACTITIONER}. The physicians of the law (Social Security Act §1861(r): doctors of
   * medicine and osteopathy, dentists, podiatrists, optometrists, chiropractors) are {@link
   * #PHYSICIAN}. Each area of specialization is its classification's type; a code of a provider
   * Medicare does not pay a share of the physician fee schedule to, such as a registered nurse or a
   * hospital, gives none. A social worker is taken for a clinical social worker, a psychologist or
   * a clinical neuropsychologist for a clinical psychologist, a counselor for a mental health
   * counselor and a nutritionist for a nutrition professional, since only those of them bill
   * Medicare: the share they would be paid, never the physician's full one.
   *
   * <p>The code is checked for its shape only (ten characters, nine digits or capital letters and
   * an {@code X}), not against a release of the code set, whose new codes fall into the
   * classifications above.
   *
   * <pre>{@code
   * PractitionerType.fromTaxonomy("363A00000X");   // Optional[PHYSICIAN_ASSISTANT]
   * PractitionerType.fromTaxonomy("163W00000X");   // Optional.empty(): a registered nurse
   * }</pre>
   *
   * @param code a Health Care Provider Taxonomy code, such as {@code 363LF0000X}
   * @return the type of practitioner, or empty for a provider Medicare pays no share of the
   *     physician fee schedule to
   * @throws IllegalArgumentException if {@code code} is not shaped as a taxonomy code
   */
  public static Optional<PractitionerType> fromTaxonomy(CharSequence code) {
    requireNonNull(code, "code");
    if (!isTaxonomyCode(code)) {
      throw new IllegalArgumentException(
          "not a provider taxonomy code: "
              + CodeFormatException.quote(code)
              + "; expected ten characters, nine digits or capital letters and an X, as"
              + " 363LF0000X");
    }
    String text = code.toString();
    for (Map.Entry<String, PractitionerType> entry : TAXONOMY) {
      if (text.startsWith(entry.getKey())) {
        return Optional.of(entry.getValue());
      }
    }
    return Optional.empty();
  }

  /** Tells whether {@code code} has the shape of a taxonomy code: [0-9A-Z]{9}X. */
  private static boolean isTaxonomyCode(CharSequence code) {
    if (code.length() != 10 || code.charAt(9) != 'X') {
      return false;
    }
    for (int i = 0; i < 9; i++) {
      char c = code.charAt(i);
      if (!(c >= '0' && c <= '9') && !(c >= 'A' && c <= 'Z')) {
        return false;
      }
    }
    return true;
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

  /** The first day of service of the nurse-midwife's 100% (Change Request 7005). */
  private static final LocalDate MIDWIFE_FULL_SHARE_FROM = LocalDate.of(2011, 1, 1);

  /** The nurse-midwife's share before it: 65%, until Affordable Care Act §3114 raised it. */
  private static final BigDecimal MIDWIFE_EARLIER_SHARE = new BigDecimal("0.65");

  /** The first day of service of the therapy assistant's 85% (Social Security Act §1834(v)). */
  private static final LocalDate ASSISTANT_SHARE_FROM = LocalDate.of(2022, 1, 1);

  /**
   * The first day of service of the marriage and family therapists' and mental health counselors'
   * benefit (Consolidated Appropriations Act, 2023, division FF, §4121).
   */
  private static final LocalDate COUNSELORS_COVERED_FROM = LocalDate.of(2024, 1, 1);

  private static char asciiLower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }

  /** {@return the short identifier, as the command line and batch files write it: {@code np}} */
  public String id() {
    return id;
  }

  /** {@return the type in words, for explanations: "nurse practitioner"} */
  public String words() {
    return words;
  }

  /**
   * Returns the current share of the Medicare physician fee schedule amount this practitioner is
   * paid, the share of a service on or after {@link #medicareShareFrom()}: 0.85 for a nurse
   * practitioner; exactly {@link BigDecimal#ONE} for a full share. Pricing uses {@link
   * #medicareShare(LocalDate)}, which differs from this for a certified nurse-midwife's service
   * before 2011 and a therapy assistant's before 2022.
   *
   * @return the current share, such as 0.85; {@link BigDecimal#ONE} for a full share
   */
  public BigDecimal medicareShare() {
    return share;
  }

  /**
   * {@return the share of the Medicare physician fee schedule amount this practitioner is paid for
   * a service on {@code dateOfService}: {@link #medicareShare()}, but for a certified
   * nurse-midwife's service before 2011, 0.65 (Claims Processing Manual, chapter 12, section 130.1,
   * before Change Request 7005 raised it to 100%), and a therapy assistant's before 2022, exactly
   * {@link BigDecimal#ONE} (the 85% of Social Security Act §1834(v) began on 1 January 2022)}
   *
   * @param dateOfService the date the service was furnished
   */
  public BigDecimal medicareShare(LocalDate dateOfService) {
    requireNonNull(dateOfService, "dateOfService");
    LocalDate from = shareFromOrNull();
    if (from == null || !dateOfService.isBefore(from)) {
      return share;
    }
    return this == CERTIFIED_NURSE_MIDWIFE ? MIDWIFE_EARLIER_SHARE : BigDecimal.ONE;
  }

  /**
   * {@return the first day of service of the {@linkplain #medicareShare() current share}, for a
   * practitioner whose share changed: 2011-01-01 for a certified nurse-midwife, 2022-01-01 for a
   * therapy assistant; empty for the others}
   */
  public Optional<LocalDate> medicareShareFrom() {
    return Optional.ofNullable(shareFromOrNull());
  }

  private LocalDate shareFromOrNull() {
    return switch (this) {
      case CERTIFIED_NURSE_MIDWIFE -> MIDWIFE_FULL_SHARE_FROM;
      case THERAPY_ASSISTANT -> ASSISTANT_SHARE_FROM;
      default -> null;
    };
  }

  /**
   * {@return the first day of service Medicare pays this practitioner for: 2024-01-01 for a
   * marriage and family therapist or a mental health counselor, whose benefit the Consolidated
   * Appropriations Act, 2023 (division FF, §4121) added; empty for the others, covered before any
   * fee schedule this library reads}
   */
  public Optional<LocalDate> coveredFrom() {
    return Optional.ofNullable(coveredFromOrNull());
  }

  /**
   * {@link #coveredFrom()}, or null: no Optional, as pricing asks {@link #isCoveredOn} per line.
   */
  private LocalDate coveredFromOrNull() {
    return this == MARRIAGE_AND_FAMILY_THERAPIST || this == MENTAL_HEALTH_COUNSELOR
        ? COUNSELORS_COVERED_FROM
        : null;
  }

  /**
   * Tells whether Medicare pays this practitioner for a service on {@code dateOfService}: not a
   * marriage and family therapist's or mental health counselor's before 2024 ({@link
   * #coveredFrom()}).
   *
   * @param dateOfService the date the service was furnished
   * @return true if Medicare's benefit for this practitioner had begun by {@code dateOfService}
   */
  public boolean isCoveredOn(LocalDate dateOfService) {
    requireNonNull(dateOfService, "dateOfService");
    LocalDate from = coveredFromOrNull();
    return from == null || !dateOfService.isBefore(from);
  }

  /**
   * Returns why Medicare does not pay this practitioner for {@code service} (its text, such as a
   * row, {@code 99213-26}, or a code) on {@code dateOfService}, a date {@link #isCoveredOn}
   * refuses: "99213 on 2023-06-01 is not paid to a mental health counselor: Medicare's benefit for
   * them began on 2024-01-01 (...)". The words of every schedule that refuses such a line.
   *
   * @param service the service in the user's words, such as a row, {@code 99213-26}, or a code
   * @param dateOfService the date the service was furnished, one {@link #isCoveredOn} refuses
   * @return the reason, in words, naming the date Medicare's benefit began
   * @throws IllegalStateException if this practitioner is covered on that date
   */
  public String notCoveredDetail(String service, LocalDate dateOfService) {
    requireNonNull(service, "service");
    checkState(!isCoveredOn(dateOfService), "%s is covered on %s", this, dateOfService);
    return service
        + " on "
        + dateOfService
        + " is not paid to a "
        + words()
        + ": Medicare's benefit for them began on "
        + coveredFromOrNull()
        + " (Consolidated Appropriations Act, 2023, division FF, §4121)";
  }

  /** {@return where the current share is stated: "Claims Processing Manual ch. 12 §120.1"} */
  public String medicareSource() {
    return source;
  }

  /**
   * Returns the share on {@code dateOfService} in words, as explanations give it: "85% for a nurse
   * practitioner (Claims Processing Manual ch. 12 §120.1)"; on a date before the current share,
   * with the date it began: "65% for a certified nurse-midwife before 2011-01-01, when the share
   * became 100% (...)".
   *
   * @param dateOfService the date the service was furnished
   * @return the share and its source, in words
   */
  public String describeShare(LocalDate dateOfService) {
    BigDecimal onDate = medicareShare(dateOfService);
    String percent = percent(onDate) + " for a " + words;
    LocalDate from = shareFromOrNull();
    if (from == null || !dateOfService.isBefore(from)) {
      return percent + " (" + source + ")";
    }
    return this == CERTIFIED_NURSE_MIDWIFE
        ? percent
            + " before "
            + from
            + ", when the share became "
            + percent(share)
            + " ("
            + source
            + ", before Change Request 7005)"
        : percent
            + " before "
            + from
            + ", when the "
            + percent(share)
            + " share began ("
            + source
            + ")";
  }

  private static String percent(BigDecimal factor) {
    return factor.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
  }

  /**
   * Tells whether Medicare pays this practitioner only on assignment: the practitioners Social
   * Security Act §1842(b)(18)(C) lists (physician assistants, nurse practitioners, clinical nurse
   * specialists, nurse anesthetists, nurse-midwives, clinical social workers, clinical
   * psychologists, registered dietitians and nutrition professionals, and, added by the
   * Consolidated Appropriations Act, 2023, marriage and family therapists and mental health
   * counselors). Such a practitioner may collect no more than Medicare's approved amount, so no
   * limiting charge applies. Anesthesiologist assistants, grouped with nurse anesthetists here, are
   * paid on assignment only too (42 CFR 414.60). Physicians, therapists in private practice (and
   * their assistants, who bill under them) and audiologists may decline assignment; a 2025 bill to
   * add audiologists to the list (S. 1996) had not become law.
   *
   * @return true if this practitioner must accept assignment, so that no limiting charge applies
   */
  public boolean mustAcceptAssignment() {
    return mustAcceptAssignment;
  }

  /**
   * Tells whether Medicare pays this practitioner less than the full fee schedule amount: the
   * {@linkplain #medicareShare() current share}.
   *
   * @return true if the current share is less than 1
   */
  public boolean isReduced() {
    return share.compareTo(BigDecimal.ONE) != 0;
  }

  /**
   * Tells whether Medicare pays this practitioner less than the full fee schedule amount for a
   * service on {@code dateOfService} ({@link #medicareShare(LocalDate)}).
   *
   * @param dateOfService the date the service was furnished
   * @return true if the share on {@code dateOfService} is less than 1
   */
  public boolean isReduced(LocalDate dateOfService) {
    return medicareShare(dateOfService).compareTo(BigDecimal.ONE) != 0;
  }
}
