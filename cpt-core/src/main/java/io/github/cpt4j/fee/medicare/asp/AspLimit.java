package io.github.cpt4j.fee.medicare.asp;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.text.OneLine;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * One row of CMS's Part B drug pricing file: a drug's HCPCS code, its dosage unit (the amount one
 * billed unit stands for, such as {@code 10 MG}), the payment limit per dosage unit and the
 * coinsurance percentage. The file's short description column is never part of it.
 *
 * <p>The payment limit already includes the statutory add-on (106% of the average sales price for
 * most drugs, 8% of the reference product's ASP for biosimilars, Social Security Act §1847A):
 * nothing is added to it. The vaccines and blood products the file gives an AWP percentage (95: the
 * influenza, pneumococcal, hepatitis B and COVID-19 vaccines, the COVID-19 antibodies, albumin) are
 * limited to that percentage of the average wholesale price instead.
 *
 * @param code the drug's HCPCS code (J, Q, A, P) or CPT code (vaccines, immune globulins)
 * @param dosage the dosage unit as CMS writes it ({@code HCPCS Code Dosage}), such as {@code 1 MG}:
 *     one line, not blank, without control characters ({@link OneLine}), as it prints into every
 *     explanation of a line priced with the row
 * @param paymentLimit the payment limit per dosage unit in dollars, exactly as published; empty
 *     when CMS publishes none ({@code N/A}): the contractor prices the drug
 * @param coinsurancePercent the beneficiary's coinsurance in percent (20 for most drugs, 0 for
 *     vaccines, less for drugs with an inflation-adjusted coinsurance); empty when the file gives
 *     none: CMS's files before April 2023, when the Inflation Reduction Act's coinsurance
 *     adjustment began, have no such column
 */
public record AspLimit(
    ProcedureCode code,
    String dosage,
    Optional<BigDecimal> paymentLimit,
    Optional<BigDecimal> coinsurancePercent) {

  /**
   * Checks the fields.
   *
   * @param code the drug's HCPCS or CPT code
   * @param dosage the dosage unit as CMS writes it, such as {@code 1 MG}
   * @param paymentLimit the payment limit per dosage unit in dollars; empty when CMS publishes none
   * @param coinsurancePercent the beneficiary's coinsurance in percent, 0 to 100; empty when the
   *     file gives none
   * @throws IllegalArgumentException if the dosage is blank or not one line, an amount is negative
   *     or the coinsurance above 100
   */
  public AspLimit {
    requireNonNull(code, "code");
    requireNonNull(dosage, "dosage");
    requireNonNull(paymentLimit, "paymentLimit");
    requireNonNull(coinsurancePercent, "coinsurancePercent");
    // The dosage prints into every explanation of a line priced with the row ("payment limit
    // 0.898 per 10 MG"): blank, it reads "per  (CMS's payment limit)"; a control character or a
    // line break would tear the explanation, as a code's description or a schedule's name would.
    String problem = OneLine.problemOf(dosage);
    if (problem != null) {
      throw new IllegalArgumentException("the dosage of " + code + " " + problem);
    }
    if (paymentLimit.isPresent() && paymentLimit.get().signum() < 0) {
      throw new IllegalArgumentException(
          "a payment limit is never negative: " + code + " " + paymentLimit.get());
    }
    if (coinsurancePercent.isPresent()
        && (coinsurancePercent.get().signum() < 0
            || coinsurancePercent.get().compareTo(BigDecimal.valueOf(100)) > 0)) {
      throw new IllegalArgumentException(
          "a coinsurance percentage is 0 to 100: " + code + " " + coinsurancePercent.get());
    }
  }

  /**
   * Returns a row with its coinsurance percentage, as CMS's files give it since April 2023.
   *
   * @param code the drug's HCPCS or CPT code
   * @param dosage the dosage unit as CMS writes it, such as {@code 1 MG}
   * @param paymentLimit the payment limit per dosage unit in dollars; empty when CMS publishes none
   * @param coinsurancePercent the beneficiary's coinsurance in percent, 0 to 100
   * @throws IllegalArgumentException if the dosage is blank or not one line, an amount is negative
   *     or the coinsurance above 100
   */
  public AspLimit(
      ProcedureCode code,
      String dosage,
      Optional<BigDecimal> paymentLimit,
      BigDecimal coinsurancePercent) {
    this(
        code,
        dosage,
        paymentLimit,
        Optional.of(requireNonNull(coinsurancePercent, "coinsurancePercent")));
  }
}
