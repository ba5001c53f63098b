package io.github.cpt4j.fee.medicare.pfs.claim;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.github.cpt4j.code.CptCode;
import io.github.cpt4j.code.ProcedureCode;
import java.util.List;

/**
 * The technical-only codes (PC/TC 3) that make up each global-only cardiovascular test (PC/TC 4,
 * MULT PROC 6): the relative value file says a global-only code's RVUs are the sum of its
 * professional-only and technical-only codes' (Attachment A, PC/TC 4) but not which codes those
 * are; the code set's structure does. The multiple-procedure reduction of diagnostic cardiovascular
 * services takes 25% of a later service's technical component, so it needs that part: 93000 beside
 * 93306 loses a quarter of 93005's fee.
 *
 * <p>Code numbers only. A code the schedule of a date lacks leaves its test unreduced, with the
 * warning that the technical part is not identified, as before.
 */
final class GlobalOnlyTests {

  private static final ImmutableMap<ProcedureCode, ImmutableList<ProcedureCode>> TECHNICAL =
      ImmutableMap.<ProcedureCode, ImmutableList<ProcedureCode>>builder()
          .put(code(93000), codes(93005)) // electrocardiogram: the tracing
          .put(code(93015), codes(93017)) // cardiovascular stress test: the tracing
          .put(code(93040), codes(93041)) // rhythm strip: the tracing
          .put(code(93224), codes(93225, 93226)) // external monitoring to 48 hours
          .put(code(93241), codes(93242, 93243)) // external monitoring, 48 hours to 7 days
          .put(code(93245), codes(93246, 93247)) // external monitoring, 7 to 15 days
          .put(code(93268), codes(93270, 93271)) // external event recording
          .put(code(93784), codes(93786, 93788)) // ambulatory blood pressure monitoring
          .build();

  private GlobalOnlyTests() {}

  /** Returns the technical-only codes of the global-only test {@code code}; empty if unknown. */
  static List<ProcedureCode> technicalCodes(ProcedureCode code) {
    ImmutableList<ProcedureCode> codes = TECHNICAL.get(code);
    return codes == null ? List.of() : codes;
  }

  private static ProcedureCode code(int number) {
    return CptCode.of(number);
  }

  private static ImmutableList<ProcedureCode> codes(int... numbers) {
    ImmutableList.Builder<ProcedureCode> codes = ImmutableList.builder();
    for (int number : numbers) {
      codes.add(code(number));
    }
    return codes.build();
  }
}
