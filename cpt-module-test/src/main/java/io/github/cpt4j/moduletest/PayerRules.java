package io.github.cpt4j.moduletest;

import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.data.BundledData;
import io.github.cpt4j.edit.ClaimEdit;
import io.github.cpt4j.edit.EditFinding;
import io.github.cpt4j.fee.ClaimPricer;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.medicare.pfs.claim.ClaimState;
import io.github.cpt4j.fee.medicare.pfs.claim.ClaimStep;
import io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A payer's own rules, written outside the library as an application would: one claim edit and one
 * claim step, each a class, registered with the claim pricer's builder.
 */
public final class PayerRules {

  private PayerRules() {}

  /** The payer's edit: a code it never pays (by its own policy) is denied. */
  public static final class NotCovered implements ClaimEdit {
    private final String code;

    /** Denies every line of {@code code}. */
    public NotCovered(String code) {
      this.code = code;
    }

    @Override
    public String name() {
      return "payer-not-covered";
    }

    @Override
    public List<EditFinding> check(Claim claim, PricingContext context) {
      List<EditFinding> found = new ArrayList<>();
      for (int i = 0; i < claim.size(); i++) {
        if (claim.line(i).line().code().toString().equals(code)) {
          found.add(
              EditFinding.denyLine(
                  name(), i, claim.line(i).line().units(), code + " is not covered by the plan"));
        }
      }
      return found;
    }
  }

  /** The payer's step: no line is paid more than a cap, after every Medicare rule. */
  public static final class LineCap implements ClaimStep {
    private final BigDecimal cap;

    /** Caps every line at {@code cap} dollars. */
    public LineCap(BigDecimal cap) {
      this.cap = cap;
    }

    @Override
    public String name() {
      return "payer-line-cap";
    }

    @Override
    public void apply(ClaimState claim) {
      for (int i = 0; i < claim.size(); i++) {
        if (claim.isPriced(i) && claim.exactAmount(i).compareTo(cap) > 0) {
          claim.setAmount(i, cap, name(), () -> "the plan pays at most " + cap + " a line");
        }
      }
    }
  }

  /** Returns the bundled Medicare claim pricer with the payer's edit and step added. */
  public static ClaimPricer pricer(String notCovered, BigDecimal cap) {
    return MedicareClaimPricer.builder(BundledData.medicareFeeSchedule())
        .addEdit(new NotCovered(notCovered))
        .addStep(new LineCap(cap))
        .build();
  }

  /** Returns the bundled Medicare claim pricer as it comes. */
  public static ClaimPricer standard() {
    return MedicareClaimPricer.of(BundledData.medicareFeeSchedule());
  }
}
