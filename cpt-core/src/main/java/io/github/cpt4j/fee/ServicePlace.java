package io.github.cpt4j.fee;

/**
 * Where a service was furnished, as a professional claim codes it: the two-digit place-of-service
 * code and the fee schedule {@link Setting} it is paid at. Medicare's {@code
 * io.github.cpt4j.fee.medicare.PlaceOfService} implements it; a {@link PricingContext} holds one
 * (through this interface, so that the context does not depend on Medicare's types).
 */
public interface ServicePlace {

  /** Returns the place-of-service code, 1 to 99. */
  int code();

  /** Returns the setting the place is paid at: facility or non-facility. */
  Setting setting();
}
