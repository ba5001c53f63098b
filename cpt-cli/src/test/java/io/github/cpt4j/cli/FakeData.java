package io.github.cpt4j.cli;

import io.github.cpt4j.cli.price.LineRequest;
import io.github.cpt4j.cli.price.Outcome;
import io.github.cpt4j.cli.price.PricingData;
import io.github.cpt4j.cli.price.RowPricer;
import io.github.cpt4j.cli.price.ZipCode;
import io.github.cpt4j.code.CptCategory;
import io.github.cpt4j.code.CptCode;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.pfs.Gpci;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A test double for the fee API: 10.00 per unit, halved for every line of a claim after the first,
 * 95% for non-participating providers; Category II codes are not payable. ZIP code {@code ddddd} is
 * in locality {@code ddddd-01}, except {@code 00000}, which is in none. The explanation records
 * what the pricer was given, so that tests can see claims and contexts. A priced line with minutes
 * gets a warning that they are not used, at the start of its explanation, as the real pricer's
 * warnings are.
 */
class FakeData implements PricingData {

  /** The files the last pricer was opened with. */
  CmsFiles files;

  /** Whether the last pricer was asked to explain priced lines. */
  boolean explainPriced;

  @Override
  public RowPricer pricer(CmsFiles given, boolean explain) {
    this.files = given;
    this.explainPriced = explain;
    return new RowPricer() {
      @Override
      public List<Outcome> price(List<LineRequest> lines, boolean participating) {
        return FakeData.price(lines, participating);
      }

      @Override
      public boolean knowsLocality(Locality locality) {
        return localities(Optional.empty()).stream().anyMatch(g -> g.locality().equals(locality));
      }
    };
  }

  @Override
  public Optional<Locality> localityOf(ZipCode zip) {
    return zip.digits().equals("00000")
        ? Optional.empty()
        : Optional.of(Locality.of(zip.digits(), "01"));
  }

  @Override
  public List<Gpci> localities(Optional<Path> gpciFile) {
    return List.of(
        gpci("10112-00", "AL", "STATEWIDE", "1", "0.869", "0.575"),
        gpci("13202-01", "NY", "MANHATTAN", "1.094", "1.342", "1.6"),
        gpci("13282-99", "NY", "REST OF STATE", "1", "0.949", "0.732"));
  }

  private static Gpci gpci(String id, String state, String name, String w, String pe, String mp) {
    return Gpci.builder()
        .locality(Locality.parse(id))
        .state(state)
        .name(name)
        .work(new BigDecimal(w))
        .practiceExpense(new BigDecimal(pe))
        .malpractice(new BigDecimal(mp))
        .build();
  }

  private static List<Outcome> price(List<LineRequest> lines, boolean participating) {
    List<Outcome> outcomes = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      LineRequest r = lines.get(i);
      String explanation =
          "fake "
              + r.line()
              + " of "
              + lines.size()
              + " at "
              + r.locality()
              + " "
              + r.setting().words()
              + " "
              + r.date()
              + (participating ? "" : " non-par");
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
        amount = amount.multiply(new BigDecimal("0.95")).setScale(2, RoundingMode.HALF_UP);
      }
      if (r.line().hasMinutes()) {
        List<String> warnings = List.of("fake minutes of " + r.line().code() + " not used");
        outcomes.add(
            Outcome.priced(amount, Outcome.warningText(warnings) + "; " + explanation, warnings));
        continue;
      }
      outcomes.add(Outcome.priced(amount, explanation));
    }
    return outcomes;
  }
}
