package io.github.cpt4j.fee.medicare.pfs.claim;

import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.fee.medicare.pfs.LineEvaluator;
import io.github.cpt4j.fee.medicare.pfs.PcTcIndicator;
import io.github.cpt4j.fee.medicare.pfs.RowModifier;
import java.math.BigDecimal;
import java.util.List;

/**
 * The technical and professional parts of a line's fee, for the rules that reduce one of them: the
 * multiple-procedure reductions of {@link ComponentReductionStep} and the equipment reductions of
 * {@link ImagingEquipmentStep}.
 *
 * <p>A TC row is all technical, a 26 row all professional; a global row of a split test (PC/TC 1)
 * is split by the amounts of the code's own TC and 26 rows, and so are technical-only (3) and
 * professional-only (2) codes by definition. A global-only test (PC/TC 4, such as 93000) has as
 * technical part the fees of its technical-only codes (93005; see {@code GlobalOnlyTests}). Other
 * codes do not say which part is technical.
 */
final class Components {

  private Components() {}

  /**
   * Returns the technical and professional amounts of one unit of {@code w}'s row, each as the fee
   * schedule posts it (under the OPPS cap, for a capped technical component), or null when the
   * relative value file does not identify them.
   */
  static BigDecimal[] split(LineWork w, LineEvaluator inputs) {
    RowModifier row = w.rowModifier();
    if (row == RowModifier.PROFESSIONAL_COMPONENT) {
      return new BigDecimal[] {Amounts.ZERO, w.unitFee};
    }
    PcTcIndicator pcTc = w.indicators.pcTc();
    if (row == RowModifier.TECHNICAL_COMPONENT || pcTc == PcTcIndicator.TECHNICAL_COMPONENT_ONLY) {
      return new BigDecimal[] {w.unitFee, Amounts.ZERO};
    } else if (pcTc == PcTcIndicator.PROFESSIONAL_COMPONENT_ONLY) {
      return new BigDecimal[] {Amounts.ZERO, w.unitFee};
    } else if (pcTc == PcTcIndicator.DIAGNOSTIC_TEST && row == RowModifier.GLOBAL) {
      BigDecimal tc = inputs.unitFee(w.line.code(), RowModifier.TECHNICAL_COMPONENT);
      BigDecimal pc = inputs.unitFee(w.line.code(), RowModifier.PROFESSIONAL_COMPONENT);
      return tc == null || pc == null ? null : new BigDecimal[] {tc, pc};
    } else if (pcTc == PcTcIndicator.GLOBAL_TEST_ONLY && row == RowModifier.GLOBAL) {
      // The technical part is the fees of the test's technical-only codes; the rest is the
      // professional part.
      List<ProcedureCode> codes = GlobalOnlyTests.technicalCodes(w.line.code());
      BigDecimal tc = codes.isEmpty() ? null : Amounts.ZERO;
      for (int i = 0; i < codes.size() && tc != null; i++) {
        BigDecimal fee = inputs.unitFee(codes.get(i), RowModifier.GLOBAL);
        tc = fee == null ? null : tc.add(fee);
      }
      return tc == null || tc.compareTo(w.unitFee) > 0
          ? null
          : new BigDecimal[] {tc, w.unitFee.subtract(tc)};
    }
    return null;
  }
}
