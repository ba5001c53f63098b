package io.github.cpt4j.fee.medicare.pfs.claim;

import static io.github.cpt4j.fee.medicare.pfs.claim.LineWork.ASSISTANT;
import static io.github.cpt4j.fee.medicare.pfs.claim.LineWork.M54;
import static io.github.cpt4j.fee.medicare.pfs.claim.LineWork.M55;
import static io.github.cpt4j.fee.medicare.pfs.claim.LineWork.M56;
import static io.github.cpt4j.fee.medicare.pfs.claim.LineWork.M78;
import static io.github.cpt4j.fee.medicare.pfs.claim.LineWork.SPLIT_CARE;

import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.pfs.GlobalPeriod;
import io.github.cpt4j.fee.medicare.pfs.PaymentIndicators;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Modifiers 54, 55 and 56 (split global care), Medicare Claims Processing Manual, chapter 12,
 * section 40 (global surgery) and 40.2 (billing split care); the shares are the RVU file's PRE OP,
 * INTRA OP and POST OP columns (RVU25D record layout). Rule id {@code split-care}.
 *
 * <ul>
 *   <li>Modifier 56 (preoperative management only) pays the PRE OP share.
 *   <li>Modifier 54 (surgical care only) pays the PRE OP plus INTRA OP shares: the surgeon who
 *       operates also does the preoperative evaluation the global package includes.
 *   <li>Modifier 55 (postoperative management only, without 54 or 56) pays the POST OP share
 *       prorated by the days managed (section 40.2 apportions the postoperative share by the days
 *       of care), over the code's global days (010 or 090), as one procedure. That the line's units
 *       carry those days is contractors' billing instruction for modifier 55 (e.g. Palmetto GBA's),
 *       not a text of section 40.2. A 55 line on a code with another global period, or with more
 *       days than the period, is refused.
 *   <li>Several of them on one line pay the sum of their shares, 55 then unprorated.
 * </ul>
 *
 * <p>Refused when the code has no shares. 27447-54 (pre 10%, intra 69%) pays 79% of the global fee;
 * 27447-55 with 45 units pays 21% x 45/90.
 *
 * <p>Modifier 78 (an unplanned return to the operating room for a related procedure in the
 * postoperative period) pays the INTRA OP share: the return trip is the operation alone, inside a
 * global period already paid (chapter 12, section 40.4, "pay the value of the intra-operative
 * services"); 27447-78 pays 69%. A code without shares (global 000, or none) is paid in full, as
 * the file gives no part to take. With 54, 55 or 56 on the same line it is refused: those split a
 * global package that a return trip does not start.
 *
 * <p>With an assistant-at-surgery modifier (80, 81, 82, AS) on the same line, 54, 55 and 56 are
 * refused: they split the surgeon's global package between the physicians who agree on a transfer
 * of care (section 40.2.A; the RVU file's shares are portions "of global package"), and an
 * assistant is paid a flat share of the fee schedule amount for help at the operation (chapter 12,
 * section 20.4.3), with no pre- or post-operative care to bill. No CMS sentence names the pair; the
 * refusal is the project's reading. 27447-55-80 with 90 units was paid 16% of the post-operative
 * share. With a co-surgeon (62) or team surgeon (66) they are priced: the billing instructions for
 * co-surgeons and team surgeons (section 40.8) say nothing against split care, and each such
 * surgeon bills the procedure, and so its global package, as his own; 27447-56-62 is paid 62.5% of
 * the pre-operative share.
 */
final class SplitCareStep extends LineStep {

  SplitCareStep() {
    super(ClaimRule.SPLIT_CARE.id());
  }

  @Override
  void apply(LineWork w) {
    PaymentIndicators ind = w.indicators;
    if (w.has(M78)) {
      returnToOperatingRoom(w, ind);
      return;
    }
    if (!w.has(SPLIT_CARE)) {
      return;
    }
    if (w.has(ASSISTANT)) {
      // Chapter 12, section 40.2.A splits the surgeon's package; section 20.4.3 pays an
      // assistant a flat share of the operation, which has no such parts.
      w.refuse(
          UnpricedReason.MODIFIER_NOT_ALLOWED,
          ClaimRule.SPLIT_CARE,
          "modifiers 54, 55 and 56 split the surgeon's global package (pre-operative, surgical and"
              + " post-operative care) between the physicians who share it; an assistant at"
              + " surgery (80, 81, 82, AS) is paid a share for help at the operation alone, with"
              + " no part of that package to bill ("
              + w.line
              + ")");
      return;
    }
    BigDecimal share = BigDecimal.ZERO;
    StringBuilder words = new StringBuilder(64);
    if (w.has(M56)) {
      share = share.add(ind.preOperativeShare());
      words.append("modifier 56: pre-operative share ").append(ind.preOperativeShare());
    }
    if (w.has(M54)) {
      // Chapter 12, section 40.2: the surgeon billing 54 is paid the pre- and intra-operative
      // shares; 56 is for another physician's preoperative care, so it adds nothing more here.
      BigDecimal surgical =
          w.has(M56)
              ? ind.intraOperativeShare()
              : ind.preOperativeShare().add(ind.intraOperativeShare());
      share = share.add(surgical);
      words
          .append(words.length() > 0 ? ", " : "")
          .append(
              w.has(M56)
                  ? "modifier 54: intra-operative share " + ind.intraOperativeShare()
                  : "modifier 54: pre-operative share "
                      + ind.preOperativeShare()
                      + " + intra-operative share "
                      + ind.intraOperativeShare());
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
    if (w.isPostoperativeDays()) {
      postoperativeDays(w, ind);
      return;
    }
    BigDecimal total = share;
    String text = words + " of the global package: " + Amounts.percent(total);
    w.scale(total, ClaimRule.SPLIT_CARE, () -> text);
  }

  /** Modifier 78: the intra-operative share, when the code has one. */
  private static void returnToOperatingRoom(LineWork w, PaymentIndicators ind) {
    if (w.has(SPLIT_CARE)) {
      w.refuse(
          UnpricedReason.MODIFIER_NOT_ALLOWED,
          ClaimRule.SPLIT_CARE,
          "modifier 78 (a return to the operating room, paid its intra-operative share) does not"
              + " go with 54, 55 or 56, which split a global package the return trip does not"
              + " start");
      return;
    }
    BigDecimal intra = ind.intraOperativeShare();
    if (intra.signum() == 0) {
      w.note(
          ClaimRule.SPLIT_CARE,
          () ->
              "modifier 78: global "
                  + ind.globalPeriod().code()
                  + ", no intra-operative share in the relative value file: paid in full");
      return;
    }
    w.scale(
        intra,
        ClaimRule.SPLIT_CARE,
        () ->
            "modifier 78 (return to the operating room): intra-operative share "
                + intra
                + " of the global package: "
                + Amounts.percent(intra));
  }

  /**
   * The decimals of a modifier 55 line's factor, POST OP share x days / global days, when the
   * quotient does not end (0.21 x 1/90): the factor is rounded up at this scale, never down. The
   * line's exact amount is a fraction whose denominator divides 90 x 10^n, n the decimals of the
   * fee, the share and the later percentages (95%, 85%...), under 20 together; so it lies on a half
   * cent or at least 10^-23 from one, and a factor above the true one by under 10^-30 on a fee
   * under 10^6 rounds the line to the cent the true amount rounds to. Rounded half-up at 12
   * decimals, as before, 1185.00 x 0.21 x 1/90 = 2.765 came out 2.764999999605 and was paid 2.76.
   */
  static final int FACTOR_DECIMALS = 30;

  /**
   * Modifier 55 alone: POST OP share x days managed / global days, of the one-unit fee. The line's
   * units are the days (contractors' billing instructions for modifier 55), so the grouping counts
   * the line as one procedure and the ranking skips it.
   */
  private static void postoperativeDays(LineWork w, PaymentIndicators ind) {
    GlobalPeriod period = ind.globalPeriod();
    int globalDays =
        period == GlobalPeriod.DAYS_10 || period == GlobalPeriod.DAYS_90
            ? period.postoperativeDays().getAsInt()
            : 0;
    int days = w.line.units();
    if (globalDays == 0) {
      w.refuse(
          UnpricedReason.MODIFIER_NOT_ALLOWED,
          ClaimRule.SPLIT_CARE,
          "global "
              + period.code()
              + ": modifier 55 prorates the post-operative share over a 010 or 090-day global"
              + " period, and "
              + w.line.code()
              + " has none");
      return;
    }
    if (days > globalDays) {
      w.refuse(
          UnpricedReason.MODIFIER_NOT_ALLOWED,
          ClaimRule.SPLIT_CARE,
          "modifier 55 with "
              + days
              + " units: the units are the post-operative days managed, more than the "
              + globalDays
              + " days of global "
              + period.code());
      return;
    }
    BigDecimal post = ind.postOperativeShare();
    BigDecimal factor =
        post.multiply(BigDecimal.valueOf(days))
            .divide(BigDecimal.valueOf(globalDays), FACTOR_DECIMALS, RoundingMode.CEILING)
            .stripTrailingZeros();
    String text =
        "modifier 55: post-operative share "
            + post
            + " x "
            + days
            + "/"
            + globalDays
            + " post-operative days managed (units are days, one procedure) = "
            + Amounts.percent(factor.setScale(12, RoundingMode.HALF_UP).stripTrailingZeros())
            + " of the global package";
    w.scale(factor, ClaimRule.SPLIT_CARE, () -> text);
  }
}
