package io.github.cpt4j.edit.ncci;

import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import java.time.LocalDate;
import java.util.Optional;

/** Hand-written rows for the NCCI tests; the rationales are this project's own words. */
final class NcciFixtures {

  static final String DISTINCT = "test: usually part of the other service";
  static final String EXCLUSIVE = "test: cannot both be done";
  static final String ANATOMY = "test: one per site";

  private NcciFixtures() {}

  static ProcedureCode code(String text) {
    return ProcedureCode.parse(text);
  }

  static LocalDate date(String text) {
    return LocalDate.parse(text);
  }

  static PtpEdit ptp(
      String column1, String column2, String effective, String deletion, char indicator) {
    return new PtpEdit(
        code(column1),
        code(column2),
        false,
        date(effective),
        deletion == null ? Optional.empty() : Optional.of(date(deletion)),
        PtpModifierIndicator.of(indicator),
        indicator == '0' ? EXCLUSIVE : DISTINCT);
  }

  static MueEdit mue(String code, int value, char mai) {
    return new MueEdit(code(code), value, MueAdjudicationIndicator.of(mai), ANATOMY);
  }

  static PricingContext on(String date) {
    return PricingContext.withoutArea(date(date), Setting.NON_FACILITY);
  }

  static Claim claim(String... lines) {
    Claim.Builder claim = Claim.builder();
    for (String line : lines) {
      claim.add(line);
    }
    return claim.build();
  }
}
