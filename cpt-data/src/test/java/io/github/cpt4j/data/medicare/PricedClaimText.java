package io.github.cpt4j.data.medicare;

import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricedLine;
import java.math.BigDecimal;

/** Everything a user reads of a priced claim, as one text the claim pricing laws compare. */
final class PricedClaimText {

  private PricedClaimText() {}

  /** The claim and everything a user reads of each line, explanations and warnings in full. */
  static String of(PricedClaim claim) {
    StringBuilder text = new StringBuilder(claim.toString());
    for (PricedLine line : claim.lines()) {
      text.append('\n').append(of(line));
    }
    return text.toString();
  }

  /** Everything a user reads of a line, with its explanation and warnings in full. */
  static String of(PricedLine line) {
    return line.billed()
        + " -> "
        + line.amount().map(BigDecimal::toPlainString).orElse("none")
        + " "
        + line.reason()
        + " "
        + line.refusedBy()
        + " "
        + line.detail()
        + " | "
        + line.explanation()
        + " | "
        + line.warnings();
  }
}
