package io.github.cpt4j.fee;

/**
 * The geographic area a fee schedule prices for, as that schedule identifies it: a Medicare payment
 * locality ({@code io.github.cpt4j.fee.medicare.Locality}), a state for schedules priced by state,
 * a payer's own region. A {@link PricingContext} carries one; each schedule reads the kind of area
 * it knows and refuses any other.
 *
 * <p>Why an interface here rather than the Medicare locality itself: {@link PricingContext} is the
 * generic input of every fee schedule, and naming a Medicare type in this package would make the
 * generic package depend on the Medicare one, a package cycle.
 *
 * <p>Implementations are immutable value types with {@code equals}, {@code hashCode} and a {@code
 * toString} that is their {@link #id()}.
 */
public interface PaymentArea {

  /** {@return the area's identifier as its schedule writes it, such as {@code "13282-99"}} */
  String id();
}
