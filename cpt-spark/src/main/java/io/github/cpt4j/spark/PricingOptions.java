package io.github.cpt4j.spark;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.Locality;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The options of {@code cpt price --input} that apply to every line: the defaults for blank cells
 * (locality, setting, date of service), whether the provider participates in Medicare, and whether
 * priced lines get their explanation too. Immutable and serializable, so that it travels with the
 * tasks.
 *
 * <pre>{@code
 * PricingOptions options = PricingOptions.of(LocalDate.of(2025, 6, 2))
 *     .withLocality(Locality.parse("13282-99"))
 *     .withSetting(Setting.FACILITY);
 * }</pre>
 */
public final class PricingOptions implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The packed locality, or -1 for none: {@link Locality} itself is not serializable. */
  private final int locality;

  private final Setting setting;
  private final LocalDate date;
  private final boolean participating;
  private final boolean explainPriced;

  private PricingOptions(
      int locality, Setting setting, LocalDate date, boolean participating, boolean explainPriced) {
    this.locality = locality;
    this.setting = requireNonNull(setting, "setting");
    this.date = requireNonNull(date, "date");
    this.participating = participating;
    this.explainPriced = explainPriced;
  }

  /**
   * Returns the options of a batch run with the default date of service {@code date}, no default
   * locality, the non-facility setting, a participating provider and explanations only for lines
   * without an amount: the defaults of {@code cpt price --input --date DATE}.
   */
  public static PricingOptions of(LocalDate date) {
    return new PricingOptions(-1, Setting.NON_FACILITY, date, true, false);
  }

  /** Returns a copy whose rows without a locality or ZIP code are priced in {@code locality}. */
  public PricingOptions withLocality(Locality locality) {
    return new PricingOptions(
        requireNonNull(locality, "locality").packed(), setting, date, participating, explainPriced);
  }

  /**
   * Returns a copy whose rows without a locality or ZIP code are priced in the payment locality of
   * {@code zip} (five digits or ZIP+4), from the bundled ZIP-code table, as {@code --zip} does.
   *
   * @throws IllegalArgumentException if the text is not a ZIP code, or the ZIP code is in no
   *     locality
   */
  public PricingOptions withZip(String zip) {
    requireNonNull(zip, "zip");
    return withLocality(
        BatchRules.localityOfZip(zip)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "ZIP code " + zip.strip() + " is in no Medicare payment locality")));
  }

  /** Returns a copy whose rows without a setting or place of service are in {@code setting}. */
  public PricingOptions withSetting(Setting setting) {
    return new PricingOptions(locality, setting, date, participating, explainPriced);
  }

  /** Returns a copy whose rows without a date are priced on {@code date}. */
  public PricingOptions withDate(LocalDate date) {
    return new PricingOptions(locality, setting, date, participating, explainPriced);
  }

  /** Returns a copy for a participating provider or not (a non-participating one is paid 95%). */
  public PricingOptions withParticipating(boolean participating) {
    return new PricingOptions(locality, setting, date, participating, explainPriced);
  }

  /**
   * Returns a copy in which priced lines get their explanation too, as with {@code --explain}.
   * Writing how each amount was found costs more than finding it.
   */
  public PricingOptions withExplainPriced(boolean explainPriced) {
    return new PricingOptions(locality, setting, date, participating, explainPriced);
  }

  /** Returns the locality of rows that give none, if any. */
  public Optional<Locality> locality() {
    return locality < 0 ? Optional.empty() : Optional.of(Locality.ofPacked(locality));
  }

  /** Returns the setting of rows that give none. */
  public Setting setting() {
    return setting;
  }

  /** Returns the date of service of rows that give none. */
  public LocalDate date() {
    return date;
  }

  /** Tells whether the provider participates in Medicare. */
  public boolean participating() {
    return participating;
  }

  /** Tells whether priced lines get their explanation too. */
  public boolean explainPriced() {
    return explainPriced;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PricingOptions o
        && locality == o.locality
        && setting == o.setting
        && date.equals(o.date)
        && participating == o.participating
        && explainPriced == o.explainPriced;
  }

  @Override
  public int hashCode() {
    return Objects.hash(locality, setting, date, participating, explainPriced);
  }

  @Override
  public String toString() {
    return "PricingOptions{locality="
        + locality().map(Locality::toString).orElse("none")
        + ", setting="
        + setting.words()
        + ", date="
        + date
        + ", participating="
        + participating
        + ", explainPriced="
        + explainPriced
        + "}";
  }
}
