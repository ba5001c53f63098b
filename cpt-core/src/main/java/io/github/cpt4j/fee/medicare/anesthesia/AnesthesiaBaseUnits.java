package io.github.cpt4j.fee.medicare.anesthesia;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.code.ProcedureCode;
import java.util.Arrays;
import java.util.Map;
import java.util.OptionalInt;

/**
 * CMS's anesthesia base units: for each anesthesia code (00100-01999) the units that stand for
 * everything but the time (Medicare Claims Processing Manual, chapter 12, section 50). CMS
 * publishes them as a separate file, by edition (calendar year).
 *
 * <p>Lookups index an array by the code's number: no hashing, no allocation. Immutable and
 * thread-safe.
 *
 * <pre>{@code
 * AnesthesiaBaseUnits units = AnesthesiaBaseUnits.of("CY 2022", Map.of(CptCode.of(790), 7));
 * units.find(CptCode.of(790));   // OptionalInt[7]
 * }</pre>
 */
public final class AnesthesiaBaseUnits {

  /** The first anesthesia code number, 00100. */
  public static final int FIRST_CODE = 100;

  /** The last anesthesia code number, 01999. */
  public static final int LAST_CODE = 1999;

  private static final int NONE = -1;

  private final String edition;
  private final int[] units;
  private final int size;

  private AnesthesiaBaseUnits(String edition, int[] units, int size) {
    this.edition = edition;
    this.units = units;
    this.size = size;
  }

  /**
   * Returns the base units of one edition, such as {@code "CY 2022"}.
   *
   * @param edition the edition's name, such as {@code CY 2022}
   * @param baseUnits the base units of each anesthesia code, 0 to 99
   * @return the base units
   * @throws IllegalArgumentException if a code is not an anesthesia code 00100-01999, or its units
   *     are negative or above 99
   */
  public static AnesthesiaBaseUnits of(String edition, Map<ProcedureCode, Integer> baseUnits) {
    requireNonNull(edition, "edition");
    requireNonNull(baseUnits, "baseUnits");
    int[] units = new int[LAST_CODE - FIRST_CODE + 1];
    Arrays.fill(units, NONE);
    for (Map.Entry<ProcedureCode, Integer> e : baseUnits.entrySet()) {
      ProcedureCode code = requireNonNull(e.getKey(), "code");
      int value = requireNonNull(e.getValue(), "units");
      if (!isAnesthesiaCode(code)) {
        throw new IllegalArgumentException(
            code + " is not an anesthesia code (00100-01999): it has no base units");
      }
      if (value < 0 || value > 99) {
        throw new IllegalArgumentException(
            "base units are 0 to 99, not " + value + " (code " + code + ")");
      }
      units[code.packed() - FIRST_CODE] = value;
    }
    return new AnesthesiaBaseUnits(edition, units, baseUnits.size());
  }

  /**
   * Tells whether {@code code} is in the anesthesia range 00100-01999; never allocates.
   *
   * @param code the code billed
   * @return true if {@code code} is 00100 to 01999
   */
  public static boolean isAnesthesiaCode(ProcedureCode code) {
    requireNonNull(code, "code");
    int packed = code.packed();
    return packed >= FIRST_CODE && packed <= LAST_CODE;
  }

  /**
   * {@return the base units of {@code code}, if this edition has them}
   *
   * @param code the anesthesia code billed
   */
  public OptionalInt find(ProcedureCode code) {
    int value = unitsOrMinusOne(requireNonNull(code, "code"));
    return value < 0 ? OptionalInt.empty() : OptionalInt.of(value);
  }

  /**
   * {@return the base units of {@code code}, or -1 when this edition has none; never allocates}
   *
   * @param code the anesthesia code billed
   */
  public int unitsOrMinusOne(ProcedureCode code) {
    requireNonNull(code, "code");
    return isAnesthesiaCode(code) ? units[code.packed() - FIRST_CODE] : NONE;
  }

  /** {@return the edition, such as {@code "CY 2022"}} */
  public String edition() {
    return edition;
  }

  /** {@return the number of codes with base units} */
  public int size() {
    return size;
  }

  @Override
  public String toString() {
    return "anesthesia base units, " + edition + " (" + size + " codes)";
  }
}
