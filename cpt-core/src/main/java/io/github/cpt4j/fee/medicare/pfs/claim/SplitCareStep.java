package io.github.cpt4j.fee.medicare.pfs.claim;

import static io.github.cpt4j.fee.medicare.pfs.claim.LineWork.M54;
import static io.github.cpt4j.fee.medicare.pfs.claim.LineWork.M55;
import static io.github.cpt4j.fee.medicare.pfs.claim.LineWork.M56;
import static io.github.cpt4j.fee.medicare.pfs.claim.LineWork.SPLIT_CARE;

import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.pfs.PaymentIndicators;
import java.math.BigDecimal;

/**
 * Modifiers 54, 55 and 56 (split global care): the line is paid the sum of the pre-, intra- and
 * post-operative shares it reports (Medicare Claims Processing Manual, chapter 12, section 40.2);
 * refused when the code has no shares. Rule id {@code split-care}.
 */
final class SplitCareStep implements ClaimStep {

  @Override
  public String name() {
    return ClaimRule.SPLIT_CARE.id();
  }

  @Override
  public void apply(ClaimState claim) {
    for (LineWork w : claim.lines) {
      if (w.isPriced()) {
        applySplitCare(w, w.indicators);
      }
    }
  }

  private static void applySplitCare(LineWork w, PaymentIndicators ind) {
    if (!w.has(SPLIT_CARE)) {
      return;
    }
    BigDecimal share = BigDecimal.ZERO;
    StringBuilder words = new StringBuilder(64);
    if (w.has(M56)) {
      share = share.add(ind.preOperativeShare());
      words.append("modifier 56: pre-operative share ").append(ind.preOperativeShare());
    }
    if (w.has(M54)) {
      share = share.add(ind.intraOperativeShare());
      words
          .append(words.length() > 0 ? ", " : "")
          .append("modifier 54: intra-operative share ")
          .append(ind.intraOperativeShare());
    }
    if (w.has(M55)) {
      share = share.add(ind.postOperativeShare());
      words
          .append(words.length() > 0 ? ", " : "")
          .append("modifier 55: post-operative share ")
          .append(ind.postOperativeShare());
    }
    if (share.signum() == 0) {
      w.refuse(
          UnpricedReason.MODIFIER_NOT_ALLOWED,
          ClaimRule.SPLIT_CARE,
          "global "
              + ind.globalPeriod().code()
              + ": "
              + w.line.code()
              + " has no pre-, intra- and"
              + " post-operative shares, so modifiers 54, 55 and 56 do not apply");
      return;
    }
    BigDecimal total = share;
    String text = words + " of the global package: " + Amounts.percent(total);
    w.scale(total, ClaimRule.SPLIT_CARE, () -> text);
  }
}
