package io.github.cpt4j.fee.medicare.pfs;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaFeeSchedule;
import io.github.cpt4j.fee.medicare.anesthesia.NationalAnesthesiaFactor;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * The history of conversion factors, looked up by date of service and QP status. Immutable.
 *
 * <pre>{@code
 * ConversionFactors history = BundledData.conversionFactors();
 * history.find(LocalDate.of(2024, 3, 9), false);   // Optional[33.2875 (2024-03-09..2024-12-31)]
 * history.find(LocalDate.of(2026, 5, 1), true);
 * // Optional[33.5675 (2026-01-01..2026-12-31, qualifying apm participants)]
 * }</pre>
 */
public final class ConversionFactors {

  private final ImmutableList<ConversionFactor> factors;

  /**
   * The answer {@link #find} gave last, reused while it applies: the claims of a batch mostly fall
   * in one factor's period, and the scan checked every earlier factor first (2025's is the eighth),
   * about 4% of a batch's pricing threads. Sound because factors that could apply to one provider
   * never overlap ({@link #of}): a factor that applies is the only one. A benign race: an {@code
   * Optional} is immutable, so a thread sees an old or a new answer, and checks it before use. Null
   * until the first answer, never set by the constructor: a thread given the table through a data
   * race may see this field at null whatever the constructor wrote (it once wrote {@code
   * Optional.empty()}, and such a thread threw a {@code NullPointerException} from {@code find}).
   */
  private Optional<ConversionFactor> lastFound;

  private ConversionFactors(ImmutableList<ConversionFactor> factors) {
    this.factors = factors;
  }

  /**
   * Returns the history of {@code factors}.
   *
   * @param factors the factors, in any order
   * @return the history
   * @throws IllegalArgumentException if two factors could apply to the same provider on the same
   *     date (the message names both)
   */
  public static ConversionFactors of(Collection<ConversionFactor> factors) {
    ImmutableList<ConversionFactor> sorted =
        ImmutableList.sortedCopyOf(
            Comparator.comparing(ConversionFactor::effectiveFrom)
                .thenComparing(ConversionFactor::appliesTo),
            requireNonNull(factors, "factors"));
    for (int i = 0; i < sorted.size(); i++) {
      for (int j = i + 1; j < sorted.size(); j++) {
        ConversionFactor a = sorted.get(i);
        ConversionFactor b = sorted.get(j);
        boolean datesOverlap = !b.effectiveFrom().isAfter(a.effectiveTo());
        boolean providersOverlap = a.appliesTo().overlaps(b.appliesTo());
        if (datesOverlap && providersOverlap) {
          throw new IllegalArgumentException("conversion factors " + a + " and " + b + " overlap");
        }
      }
    }
    return new ConversionFactors(sorted);
  }

  /**
   * {@return the factor in force on {@code dateOfService} for a provider of that QP status}
   *
   * @param dateOfService the date the service was furnished
   * @param qualifyingApmParticipant true if the provider is a qualifying APM participant
   */
  public Optional<ConversionFactor> find(
      LocalDate dateOfService, boolean qualifyingApmParticipant) {
    requireNonNull(dateOfService, "dateOfService");
    Optional<ConversionFactor> last = lastFound;
    if (last != null && last.get().appliesOn(dateOfService, qualifyingApmParticipant)) {
      return last;
    }
    Optional<ConversionFactor> found = scan(dateOfService, qualifyingApmParticipant);
    if (found.isPresent()) {
      lastFound = found;
    }
    return found;
  }

  /** The general path of {@link #find}: every factor in date order. */
  Optional<ConversionFactor> scan(LocalDate dateOfService, boolean qualifyingApmParticipant) {
    for (int i = 0; i < factors.size(); i++) {
      ConversionFactor factor = factors.get(i);
      if (factor.appliesOn(dateOfService, qualifyingApmParticipant)) {
        return Optional.of(factor);
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the national anesthesia factors of these periods, where known ({@link
   * ConversionFactor#anesthesiaAmount()}), by start date: the dated table an {@link
   * AnesthesiaFeeSchedule} checks its ANES tables against ({@link
   * AnesthesiaFeeSchedule.Builder#nationalFactors}). A period whose anesthesia factor is not known
   * (9 March to 31 December 2024) has none.
   *
   * @return the known national anesthesia factors, by start date; empty when none is known
   */
  public ImmutableList<NationalAnesthesiaFactor> anesthesiaFactors() {
    ImmutableList.Builder<NationalAnesthesiaFactor> anesthesia = ImmutableList.builder();
    for (ConversionFactor f : factors) {
      if (f.anesthesiaAmount().isPresent()) {
        anesthesia.add(
            NationalAnesthesiaFactor.of(
                f.effectiveFrom(), f.effectiveTo(), f.appliesTo(), f.anesthesiaAmount().get()));
      }
    }
    return anesthesia.build();
  }

  /** {@return every factor, by start date} */
  public ImmutableList<ConversionFactor> all() {
    return factors;
  }

  @Override
  public String toString() {
    return "ConversionFactors" + factors;
  }
}
