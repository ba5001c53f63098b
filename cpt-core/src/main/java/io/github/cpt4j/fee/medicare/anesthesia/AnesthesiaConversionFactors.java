package io.github.cpt4j.fee.medicare.anesthesia;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import io.github.cpt4j.fee.medicare.Locality;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * The anesthesia conversion factor of each payment locality, for one year: CMS's {@code
 * ANES<yyyy>.csv}, whose factors are the national anesthesia factor adjusted by the locality's
 * GPCIs, published with two decimals (Medicare Claims Processing Manual, chapter 12, section 50).
 * The file states that national factor in its header ({@code National Anes CF of 20.3178}): {@link
 * #nationalFactor()}, which tells the files of one year apart (from 2026 one for qualifying APM
 * participants and one for other providers) and is checked against the factor in force on the date
 * of service ({@link AnesthesiaFeeSchedule}).
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * AnesthesiaConversionFactors cf = AnesthesiaConversionFactors.of("ANES2025",
 *     Map.of(Locality.parse("13282-99"), new BigDecimal("19.79")));
 * cf.find(Locality.parse("13282-99"));   // Optional[19.79]
 * }</pre>
 */
public final class AnesthesiaConversionFactors {

  private final String name;
  private final ImmutableMap<Locality, BigDecimal> factors;
  private final Optional<BigDecimal> nationalFactor;

  private AnesthesiaConversionFactors(
      String name, ImmutableMap<Locality, BigDecimal> factors, Optional<BigDecimal> national) {
    this.name = name;
    this.factors = factors;
    this.nationalFactor = national;
  }

  /**
   * Returns the factors named {@code name} (such as {@code "ANES2025"}).
   *
   * @param name the name of the factors, as CMS's file names them, such as {@code ANES2025}
   * @param factors the factor of each locality, in dollars per anesthesia unit
   * @return the factors, stating no national factor
   * @throws IllegalArgumentException if a factor is not above 0 and at most 999.9999 with at most
   *     four decimals, the bound of the national factor it is computed from ({@link
   *     NationalAnesthesiaFactor}); CMS prints it with two
   */
  public static AnesthesiaConversionFactors of(String name, Map<Locality, BigDecimal> factors) {
    requireNonNull(name, "name");
    ImmutableMap<Locality, BigDecimal> copy =
        ImmutableMap.copyOf(requireNonNull(factors, "factors"));
    for (Map.Entry<Locality, BigDecimal> e : copy.entrySet()) {
      // A locality's factor is the national one times a blend of its GPCIs, near 1: a factor
      // past the national factor's bound, or with more decimals, is a mistake, not a locality.
      if (!NationalAnesthesiaFactor.isFactor(e.getValue())) {
        throw new IllegalArgumentException(
            "an anesthesia conversion factor is above 0 and at most 999.9999 with at most four"
                + " decimals, not "
                + e.getValue().toPlainString()
                + " in "
                + e.getKey()
                + " ("
                + name
                + ")");
      }
    }
    return new AnesthesiaConversionFactors(name, copy, Optional.empty());
  }

  /**
   * Returns these factors stating {@code factor} as the national anesthesia conversion factor they
   * were computed from, as the header of CMS's file does ({@code National Anes CF of 20.3178}).
   *
   * @param factor the national anesthesia conversion factor, in dollars per unit, such as 20.3178
   * @return the same factors, stating that national factor
   * @throws IllegalArgumentException if {@code factor} is not above 0 and at most 999.9999 with at
   *     most four decimals, as {@link NationalAnesthesiaFactor} requires of the factor it is
   *     checked against
   */
  public AnesthesiaConversionFactors withNationalFactor(BigDecimal factor) {
    requireNonNull(factor, "factor");
    if (!NationalAnesthesiaFactor.isFactor(factor)) {
      throw new IllegalArgumentException(
          "a national anesthesia conversion factor is above 0 and at most 999.9999 with at most"
              + " four decimals, not "
              + factor.toPlainString()
              + " ("
              + name
              + ")");
    }
    return new AnesthesiaConversionFactors(name, factors, Optional.of(factor));
  }

  /**
   * {@return the national anesthesia conversion factor the file states it was computed from, if it
   * states one: {@code 20.3178} for CMS's {@code ANES2025.csv}}
   */
  public Optional<BigDecimal> nationalFactor() {
    return nationalFactor;
  }

  /**
   * {@return the factor of {@code locality}, if any}
   *
   * @param locality the locality priced in
   */
  public Optional<BigDecimal> find(Locality locality) {
    return Optional.ofNullable(factors.get(requireNonNull(locality, "locality")));
  }

  /** {@return every locality's factor} */
  public ImmutableMap<Locality, BigDecimal> asMap() {
    return factors;
  }

  /** {@return the name, such as {@code "ANES2025"}} */
  public String name() {
    return name;
  }

  /** {@return the number of localities} */
  public int size() {
    return factors.size();
  }

  /** Returns {@code ANES2025 (109 localities, national 20.3178)}; the national factor if stated. */
  @Override
  public String toString() {
    return name
        + " ("
        + factors.size()
        + " localities"
        + nationalFactor.map(f -> ", national " + f.toPlainString()).orElse("")
        + ")";
  }
}
