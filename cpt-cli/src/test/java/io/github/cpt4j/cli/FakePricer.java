package io.github.cpt4j.cli;

import io.github.cpt4j.cli.price.ClaimPricer;
import io.github.cpt4j.cli.price.LineRequest;
import io.github.cpt4j.cli.price.Outcome;
import io.github.cpt4j.cli.price.PricerSource;
import io.github.cpt4j.code.CptCategory;
import io.github.cpt4j.code.CptCode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A test double for the fee API: 10.00 per unit, halved for every line of a claim after the
 * first, 95% for non-participating providers; Category II codes are not payable. The
 * explanation records what the pricer was given, so that tests can see claims and contexts.
 */
final class FakePricer implements ClaimPricer {

  static final PricerSource SOURCE = (rvu, gpci) -> new FakePricer();

  /** A source that remembers the files it was given, in the explanation. */
  static final PricerSource WITH_FILES = (rvu, gpci) -> {
    FakePricer pricer = new FakePricer();
    pricer.files = " rvu=" + rvu.map(Object::toString).orElse("bundled")
        + " gpci=" + gpci.map(Object::toString).orElse("bundled");
    return pricer;
  };

  private String files = "";

  @Override
  public List<Outcome> price(List<LineRequest> lines, boolean participating) {
    List<Outcome> outcomes = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      LineRequest r = lines.get(i);
      String explanation = "fake " + r.line() + " of " + lines.size() + " at " + r.location()
          + " " + r.setting() + " " + r.date() + (participating ? "" : " non-par") + files;
      if (r.line().code() instanceof CptCode
          && ((CptCode) r.line().code()).category() == CptCategory.CATEGORY_II) {
        outcomes.add(Outcome.notPriced("status_not_payable", explanation));
        continue;
      }
      BigDecimal amount = new BigDecimal("10.00").multiply(BigDecimal.valueOf(r.line().units()));
      if (i > 0) {
        amount = amount.divide(BigDecimal.valueOf(2));
      }
      if (!participating) {
        amount = amount.multiply(new BigDecimal("0.95")).setScale(2, java.math.RoundingMode.HALF_UP);
      }
      outcomes.add(Outcome.priced(amount, explanation));
    }
    return outcomes;
  }

  static Optional<PricerSource> source() {
    return Optional.of(SOURCE);
  }
}
