package io.github.cpt4j.fee.medicare;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.fee.PaymentArea;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.text.Blanks;
import java.util.Optional;

/**
 * A Medicare payment locality: the geographic area a fee is priced for, identified as Medicare
 * identifies it, by the number of the Medicare Administrative Contractor (MAC, five digits) and the
 * locality number within that contractor (two digits). {@code 13282-99} is the rest of New York
 * state, {@code 01182-18} Los Angeles.
 *
 * <p>Only the identity lives here; the locality's name, state and cost indices come with the tables
 * that describe it (the Medicare GPCI table). Immutable; equal when both numbers are equal; ordered
 * by contractor, then locality number.
 *
 * <pre>{@code
 * Locality manhattan = Locality.parse("13202-01");
 * manhattan.mac();     // "13202"
 * manhattan.number();  // "01"
 * }</pre>
 */
public final class Locality implements PaymentArea, Comparable<Locality> {

  private final int packed;

  private Locality(int packed) {
    this.packed = packed;
  }

  /**
   * Returns the locality of contractor {@code mac} (five digits) numbered {@code number} (two
   * digits).
   *
   * @param mac the Medicare administrative contractor's number, five digits, such as {@code 13282}
   * @param number the locality's number within the contractor, two digits, such as {@code 99}
   * @return the locality
   * @throws IllegalArgumentException if either is not all digits of the right length
   */
  public static Locality of(String mac, String number) {
    requireNonNull(mac, "mac");
    requireNonNull(number, "number");
    int m = digits(mac, 0, mac.length(), 5);
    int n = digits(number, 0, number.length(), 2);
    if (m < 0 || n < 0) {
      throw new IllegalArgumentException(
          "a locality is a 5-digit MAC and a 2-digit locality"
              + " number, not "
              + CodeFormatException.quote(mac)
              + " and "
              + CodeFormatException.quote(number));
    }
    return new Locality(m * 100 + n);
  }

  /**
   * Same as {@link #parse(CharSequence)}, under the name frameworks such as Spring look for when
   * they convert a string to a value.
   *
   * @param text a locality in a form {@link #parse(CharSequence)} takes, such as {@code 13282-99}
   * @return the locality, as {@link #parse(CharSequence)} returns it
   * @throws IllegalArgumentException if the text is not a locality
   */
  public static Locality valueOf(String text) {
    return parse(text);
  }

  /**
   * Parses {@code 13282-99}, {@code 13282 99} or {@code 1328299}, with blanks around it: spaces,
   * tabs, no-break and other Unicode spaces.
   *
   * @param text the locality, such as {@code 13282-99}
   * @return the locality
   * @throws IllegalArgumentException if the text is none of these forms; any other control
   *     character anywhere (NUL, escape, a line break) is none of them
   */
  public static Locality parse(CharSequence text) {
    requireNonNull(text, "text");
    String s = Blanks.strip(text);
    int m = -1;
    int n = -1;
    if (s.length() == 7) {
      m = digits(s, 0, 5, 5);
      n = digits(s, 5, 7, 2);
    } else if (s.length() == 8 && (s.charAt(5) == '-' || s.charAt(5) == ' ')) {
      m = digits(s, 0, 5, 5);
      n = digits(s, 6, 8, 2);
    }
    if (m < 0 || n < 0) {
      throw new IllegalArgumentException(
          "expected a locality such as 13282-99 (MAC, hyphen, locality number), not "
              + CodeFormatException.quote(text));
    }
    return new Locality(m * 100 + n);
  }

  /**
   * Returns the locality whose {@link #packed()} form is {@code packed}.
   *
   * @param packed the packed form: the contractor's number times 100 plus the locality's number
   * @return the locality
   * @throws IllegalArgumentException if {@code packed} is not 0 to 9,999,999
   */
  public static Locality ofPacked(int packed) {
    if (packed < 0 || packed > 9_999_999) {
      throw new IllegalArgumentException("packed locality out of range: " + packed);
    }
    return new Locality(packed);
  }

  /**
   * {@return the context's area when it is a Medicare locality: how Medicare schedules read the
   * place a service is priced in; empty when the context has no area or another kind of area}
   *
   * @param context the context of the line priced
   */
  public static Optional<Locality> in(PricingContext context) {
    requireNonNull(context, "context");
    return context.area().orElse(null) instanceof Locality locality
        ? Optional.of(locality)
        : Optional.empty();
  }

  private static int digits(CharSequence s, int start, int end, int length) {
    if (end - start != length) {
      return -1;
    }
    int value = 0;
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /** {@return the contractor number, five digits such as {@code "13282"}} */
  public String mac() {
    return pad(packed / 100, 5);
  }

  /** {@return the locality number within the contractor, two digits such as {@code "99"}} */
  public String number() {
    return pad(packed % 100, 2);
  }

  /**
   * {@return the dense integer {@code mac * 100 + number}, below 10,000,000, for indexes; the order
   * of packed values is the order of localities}
   */
  public int packed() {
    return packed;
  }

  private static String pad(int value, int width) {
    String s = Integer.toString(value);
    return "0".repeat(width - s.length()) + s;
  }

  @Override
  public int compareTo(Locality other) {
    return Integer.compare(packed, other.packed);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Locality that && that.packed == packed;
  }

  @Override
  public int hashCode() {
    return packed;
  }

  /** Returns the canonical form {@code MAC-NN}, such as {@code 13282-99}. */
  @Override
  public String id() {
    return toString();
  }

  /** Returns the canonical form {@code MAC-NN}, such as {@code 13282-99}. */
  @Override
  public String toString() {
    return mac() + '-' + number();
  }
}
