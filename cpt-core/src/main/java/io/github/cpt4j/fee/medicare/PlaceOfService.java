package io.github.cpt4j.fee.medicare;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.ServicePlace;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.text.Blanks;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A place-of-service code, {@code 01} to {@code 99}, as billed on a professional claim, and the fee
 * schedule {@link Setting} Medicare pays it at.
 *
 * <p>Medicare pays the facility rate for hospitals (inpatient {@code 21}, on- and off-campus
 * outpatient {@code 22} and {@code 19}, emergency room {@code 23}), ambulatory surgical centers
 * ({@code 24}), military treatment facilities ({@code 26}), skilled nursing facilities ({@code
 * 31}), hospices ({@code 34}), ambulances ({@code 41}, {@code 42}), psychiatric facilities ({@code
 * 51}, {@code 52}, {@code 56}), community mental health centers ({@code 53}), comprehensive
 * inpatient rehabilitation ({@code 61}) and telehealth outside the patient's home ({@code 02}).
 * Every other place — the office {@code 11}, the home {@code 12}, telehealth in the home {@code
 * 10}, a nursing facility {@code 32} — is paid the non-facility rate (Medicare Claims Processing
 * Manual, chapter 12, section 20.4.2, "Site of Service Payment Differential", lists the places of
 * each rate). A code the code set leaves unassigned ({@link #isAssigned()}: 30, 75...) has neither
 * rate: its {@link #setting()} is non-facility, but Medicare's physician fee schedule prices no
 * line there.
 *
 * <p>{@link #setting()} is the setting of today's rules. One place changed: telehealth in the
 * patient's home ({@code 10}) is paid the non-facility rate from 1 January 2024, and was paid the
 * facility rate before, as {@code 02} was; {@link #settingOn(LocalDate)} gives the setting on a
 * date of service, and a {@link PricingContext} with the place is in that setting.
 *
 * <p>Of these, the {@linkplain #isHospital() hospital places} are the hospital's own patients,
 * whose incident-to services and tests' technical components the hospital is paid for: {@code 19},
 * {@code 21}, {@code 22}, {@code 23}, and the two inpatient places that are hospitals too, an
 * inpatient psychiatric facility {@code 51} (a psychiatric hospital or a hospital's psychiatric
 * unit) and a comprehensive inpatient rehabilitation facility {@code 61} (a rehabilitation hospital
 * or unit); Social Security Act §1861(e) and (f). {@code 21}, {@code 51} and {@code 61} are
 * {@linkplain #isHospitalInpatient() hospital inpatient} places. Partial hospitalization ({@code
 * 52}) and a community mental health center ({@code 53}) are not.
 *
 * <p>All 99 values are interned: compare with {@code ==} or {@code equals}.
 *
 * <pre>{@code
 * PlaceOfService.parse("22").setting();   // FACILITY
 * PlaceOfService.OFFICE.setting();        // NON_FACILITY
 * }</pre>
 */
public final class PlaceOfService implements ServicePlace, Comparable<PlaceOfService> {

  private static final String FACILITY_CODES = "02 19 21 22 23 24 26 31 34 41 42 51 52 53 56 61";
  private static final PlaceOfService[] ALL = new PlaceOfService[100];

  static {
    for (int code = 1; code < ALL.length; code++) {
      String text = (code < 10 ? "0" : "") + code;
      ALL[code] =
          new PlaceOfService(
              code, FACILITY_CODES.contains(text) ? Setting.FACILITY : Setting.NON_FACILITY);
    }
  }

  /**
   * The hospital places — inpatient {@code 21}, {@code 51} (psychiatric) and {@code 61}
   * (rehabilitation), on- and off-campus outpatient {@code 22} and {@code 19}, emergency room
   * {@code 23} — where incident-to services (PC/TC indicator 5) and an independent therapist's
   * services (indicator 7) are not paid (RVU file documentation, PC/TC indicators 5 and 7: hospital
   * inpatients and hospital outpatient departments).
   */
  private static final String HOSPITAL_CODES = "19 21 22 23 51 61";

  /** The hospital inpatient places: inpatient hospital, psychiatric facility, rehabilitation. */
  private static final String INPATIENT_CODES = "21 51 61";

  /**
   * The codes CMS's place-of-service code set leaves unassigned, "N/A" for payment (Claims
   * Processing Manual ch. 26 §10.5), as of its assignment of 66 (a PACE center) in August 2024.
   */
  private static final String UNASSIGNED_CODES =
      "28 29 30 35 36 37 38 39 40 43 44 45 46 47 48 59 63 64 67 68 69 70 73 74 75 76 77 78 79 80"
          + " 82 83 84 85 86 87 88 89 90 91 92 93 94 95 96 97 98";

  /** 02: telehealth provided other than in the patient's home (facility rate). */
  public static final PlaceOfService TELEHEALTH_OTHER_THAN_HOME = of(2);

  /**
   * 10: telehealth provided in the patient's home (non-facility rate from 2024, facility rate
   * before: {@link #settingOn(LocalDate)}).
   */
  public static final PlaceOfService TELEHEALTH_IN_HOME = of(10);

  /** 11: office. */
  public static final PlaceOfService OFFICE = of(11);

  /** The first date of service on which place 10 is paid the non-facility rate. */
  private static final LocalDate TELEHEALTH_IN_HOME_NON_FACILITY_FROM = LocalDate.of(2024, 1, 1);

  /** 12: home. */
  public static final PlaceOfService HOME = of(12);

  /** 19: off-campus outpatient hospital. */
  public static final PlaceOfService OFF_CAMPUS_OUTPATIENT_HOSPITAL = of(19);

  /** 21: inpatient hospital. */
  public static final PlaceOfService INPATIENT_HOSPITAL = of(21);

  /** 22: on-campus outpatient hospital. */
  public static final PlaceOfService ON_CAMPUS_OUTPATIENT_HOSPITAL = of(22);

  /** 23: emergency room, hospital. */
  public static final PlaceOfService EMERGENCY_ROOM = of(23);

  /** 24: ambulatory surgical center. */
  public static final PlaceOfService AMBULATORY_SURGICAL_CENTER = of(24);

  /** 31: skilled nursing facility. */
  public static final PlaceOfService SKILLED_NURSING_FACILITY = of(31);

  /** 32: nursing facility (non-facility rate). */
  public static final PlaceOfService NURSING_FACILITY = of(32);

  private final int code;
  private final Setting setting;

  // Decided once per place: the pricer asks them of every line priced with a place of service.
  private final boolean hospital;
  private final boolean hospitalInpatient;
  private final boolean assigned;

  private PlaceOfService(int code, Setting setting) {
    this.code = code;
    this.setting = setting;
    String text = (code < 10 ? "0" : "") + code;
    this.hospital = HOSPITAL_CODES.contains(text);
    this.hospitalInpatient = INPATIENT_CODES.contains(text);
    this.assigned = !UNASSIGNED_CODES.contains(text);
  }

  /**
   * Returns the place of service numbered {@code code}.
   *
   * @param code the place's number, 1 to 99 ({@code 11} is an office)
   * @return the place of service
   * @throws IllegalArgumentException if {@code code} is not 1 to 99
   */
  public static PlaceOfService of(int code) {
    if (code < 1 || code > 99) {
      throw new IllegalArgumentException("a place of service is 01 to 99, not " + code);
    }
    return ALL[code];
  }

  /**
   * Parses a two-digit code such as {@code "11"} (a single digit is accepted as well), with blanks
   * around it: spaces, tabs, no-break and other Unicode spaces.
   *
   * @param text one or two digits, such as {@code 11}
   * @return the place of service
   * @throws IllegalArgumentException if the text is not 01 to 99; any other control character
   *     anywhere (NUL, escape, a line break) makes it none
   */
  public static PlaceOfService parse(CharSequence text) {
    requireNonNull(text, "text");
    String s = Blanks.strip(text);
    if (s.length() == 1 || s.length() == 2) {
      int value = 0;
      boolean digits = true;
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        digits &= c >= '0' && c <= '9';
        value = value * 10 + (c - '0');
      }
      if (digits && value >= 1) {
        return ALL[value];
      }
    }
    throw new IllegalArgumentException(
        "a place of service is 01 to 99, not " + CodeFormatException.quote(text));
  }

  /** Returns the number, 1 to 99. */
  @Override
  public int code() {
    return code;
  }

  /**
   * Returns the setting Medicare pays this place at under today's rules; {@link
   * #settingOn(LocalDate)} gives it on a date of service.
   */
  @Override
  public Setting setting() {
    return setting;
  }

  /**
   * Returns the setting Medicare pays this place at on {@code dateOfService}: {@link #setting()},
   * except that telehealth in the patient's home ({@code 10}) is paid the facility rate before
   * 2024. Allocates nothing: pricers ask it of every line.
   *
   * <pre>{@code
   * PlaceOfService.TELEHEALTH_IN_HOME.settingOn(LocalDate.of(2023, 6, 1));   // FACILITY
   * PlaceOfService.TELEHEALTH_IN_HOME.settingOn(LocalDate.of(2024, 6, 1));   // NON_FACILITY
   * }</pre>
   */
  @Override
  public Setting settingOn(LocalDate dateOfService) {
    requireNonNull(dateOfService, "dateOfService");
    // CY 2024 PFS final rule; Claims Processing Manual transmittal 12671 (CR 13582): from 2024,
    // POS 02 is paid the facility rate and POS 10 the non-facility rate. Before 2024 (POS 10 was
    // created for 2022) telehealth billed with POS 02 or 10 was paid the facility rate.
    return code == 10 && dateOfService.isBefore(TELEHEALTH_IN_HOME_NON_FACILITY_FROM)
        ? Setting.FACILITY
        : setting;
  }

  /**
   * Tells why {@link #settingOn(LocalDate)} differs from {@link #setting()} on {@code
   * dateOfService}, for an explanation; empty when it does not.
   *
   * @param dateOfService the date the service was furnished
   * @return why the place is paid at another setting on that date, in words; empty when it is not
   */
  public Optional<String> settingChangeOn(LocalDate dateOfService) {
    if (settingOn(dateOfService) == setting) {
      return Optional.empty();
    }
    return Optional.of(
        "place of service 10 (telehealth in the patient's home) is paid the facility rate on"
            + " dates of service before "
            + TELEHEALTH_IN_HOME_NON_FACILITY_FROM
            + ", the non-facility rate from then (CY 2024 physician fee schedule final rule;"
            + " Medicare Claims Processing Manual transmittal 12671, CR 13582)");
  }

  /**
   * Tells whether this is a hospital place — 19, 21, 22, 23, 51 or 61 — where Medicare pays no
   * incident-to service (PC/TC indicator 5), no independent therapist's service (indicator 7), and
   * no technical component of a test under the physician fee schedule: the hospital is paid for
   * them. An inpatient psychiatric facility (51) and a comprehensive inpatient rehabilitation
   * facility (61) are hospitals (Social Security Act §1861(e) and (f)), and their inpatients' tests
   * are the facility's (42 CFR 411.15(m), 415.120(b); Claims Processing Manual ch. 13 §20.2).
   * Partial hospitalization (52) and a community mental health center (53) are not.
   *
   * @return true for 19, 21, 22, 23, 51 and 61
   */
  public boolean isHospital() {
    return hospital;
  }

  /**
   * Tells whether this is a hospital inpatient place — the inpatient hospital 21, an inpatient
   * psychiatric facility 51 or a comprehensive inpatient rehabilitation facility 61 — where a
   * physician's reading of an abnormal smear (PC/TC indicator 8) is paid.
   *
   * @return true for 21, 51 and 61
   */
  public boolean isHospitalInpatient() {
    return hospitalInpatient;
  }

  /**
   * Tells whether CMS's place-of-service code set assigns this code to a place (Claims Processing
   * Manual ch. 26 §10.5). It leaves 28-30, 35-40, 43-48, 59, 63, 64, 67-70, 73-80 and 82-98
   * unassigned: such a code names no place, has neither a facility nor a non-facility rate (ch. 12
   * §20.4.2; ch. 26 §10.6 pays each place at the rate designated for it), and a claim reporting it
   * is returned as unprocessable, so Medicare's physician fee schedule prices no line there ({@link
   * io.github.cpt4j.fee.UnpricedReason#NOT_PAYABLE_IN_PLACE}). The set is today's: a code assigned
   * since (10 in 2022, 27 in 2023, 66 in 2024) is assigned on every date.
   *
   * @return false for the unassigned codes listed above, true for every other
   */
  public boolean isAssigned() {
    return assigned;
  }

  /**
   * {@return the place of service of {@code context}, when it has one}
   *
   * @param context the context of the line priced
   */
  public static Optional<PlaceOfService> in(PricingContext context) {
    requireNonNull(context, "context");
    return context.placeOfService().map(p -> p instanceof PlaceOfService pos ? pos : of(p.code()));
  }

  @Override
  public int compareTo(PlaceOfService other) {
    return Integer.compare(code, other.code);
  }

  @Override
  public boolean equals(Object other) {
    return this == other;
  }

  @Override
  public int hashCode() {
    return code;
  }

  /** Returns the two-digit code, such as {@code 02} or {@code 11}. */
  @Override
  public String toString() {
    return (code < 10 ? "0" : "") + code;
  }
}
