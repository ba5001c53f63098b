package io.github.cpt4j.fee;

import java.time.LocalDate;

/**
 * Where a service was furnished, as a professional claim codes it: the two-digit place-of-service
 * code and the fee schedule {@link Setting} it is paid at. Medicare's {@code
 * io.github.cpt4j.fee.medicare.PlaceOfService} implements it; a {@link PricingContext} holds one
 * (through this interface, so that the context does not depend on Medicare's types).
 *
 * <p>Get a place from {@code PlaceOfService.of(11)}, {@code PlaceOfService.parse("22")} or its
 * constants ({@code PlaceOfService.OFFICE}), whose Javadoc lists the places paid at the facility
 * rate; there is no need to implement this interface. An implementation's code is 1 to 99 ({@link
 * PricingContext#withPlaceOfService} refuses any other) and its setting is the one {@code
 * PlaceOfService.of(code())} has: Medicare's schedules read the place back by its code, and price
 * at the context's setting, so a place of code 11 paid at the facility rate would make a context
 * whose setting (facility) disagrees with its place (the office, non-facility).
 */
public interface ServicePlace {

  /** {@return the place-of-service code, 1 to 99} */
  int code();

  /** {@return the setting the place is paid at: facility or non-facility} */
  Setting setting();

  /**
   * Returns the setting the place is paid at on {@code dateOfService}: {@link #setting()}, unless
   * the place's setting changed with the date. A {@link PricingContext} with this place is in this
   * setting, and a schedule prices its lines at it. Medicare's {@code PlaceOfService} overrides it
   * for telehealth in the patient's home ({@code 10}), paid the facility rate before 2024; a place
   * of the caller's own is paid at its {@code setting()} on every date unless it overrides this
   * too.
   *
   * @param dateOfService the date the service was furnished
   * @return the setting the place is paid at on that date
   */
  default Setting settingOn(LocalDate dateOfService) {
    return setting();
  }
}
