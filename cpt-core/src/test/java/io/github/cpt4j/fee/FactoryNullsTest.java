package io.github.cpt4j.fee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.testing.NullPointerTester;
import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.codeset.CodeEntry;
import io.github.cpt4j.codeset.CodeSet;
import io.github.cpt4j.edit.ClaimEdit;
import io.github.cpt4j.edit.ClaimScrubber;
import io.github.cpt4j.edit.ModifierRulesEdit;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaConversionFactors;
import io.github.cpt4j.fee.medicare.dmepos.DmeposCategory;
import io.github.cpt4j.fee.medicare.dmepos.DmeposFeeSchedule;
import io.github.cpt4j.fee.medicare.partb.PartBFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.GlobalPeriod;
import io.github.cpt4j.fee.medicare.pfs.RowModifier;
import io.github.cpt4j.fee.medicare.pfs.claim.GlobalSurgeryEdit;
import io.github.cpt4j.modifier.Modifier;
import io.github.cpt4j.modifier.ModifierRegistry;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Factories that take arrays or fallbacks name a null argument, as every other public method does:
 * they used to pass it to {@code List.of} or {@code ImmutableMap.copyOf}, whose exceptions say
 * nothing, or, for {@link FeeSchedule#orElse}, fail with no message at all.
 */
class FactoryNullsTest {

  private static final FeeSchedule FLAT =
      FlatFeeSchedule.builder()
          .name("flat")
          .put(ProcedureCode.parse("99213"), new BigDecimal("80.00"))
          .build();

  @Test
  void feeScheduleChainsNameTheirNulls() {
    NullPointerException e = assertThrows(NullPointerException.class, () -> FLAT.orElse(null));
    assertEquals("fallback", e.getMessage());
    NullPointerException array =
        assertThrows(
            NullPointerException.class, () -> FeeSchedule.firstThatPrices((FeeSchedule[]) null));
    assertEquals("schedules", array.getMessage());
    new NullPointerTester().testAllPublicStaticMethods(FeeSchedule.class);
    new NullPointerTester()
        .setDefault(ClaimLine.class, ClaimLine.parse("99213"))
        .setDefault(ProcedureCode.class, ProcedureCode.parse("99213"))
        .setDefault(
            PricingContext.class,
            PricingContext.of(
                LocalDate.of(2025, 3, 14), Locality.parse("13282-99"), Setting.FACILITY))
        .testAllPublicInstanceMethods(FLAT);
  }

  @Test
  void explanationsClaimsAndTablesNameTheirNulls() {
    // NullPointerTester accepts any NullPointerException; the names are checked here.
    assertEquals(
        "lines",
        assertThrows(NullPointerException.class, () -> Claim.ofLines((ClaimLine[]) null))
            .getMessage());
    assertEquals(
        "steps",
        assertThrows(NullPointerException.class, () -> Explanation.of((PricingStep[]) null))
            .getMessage());
    assertEquals(
        "factors",
        assertThrows(NullPointerException.class, () -> AnesthesiaConversionFactors.of("anes", null))
            .getMessage());
    new NullPointerTester()
        .setDefault(ClaimLine.class, ClaimLine.parse("99213"))
        .testAllPublicStaticMethods(Claim.class);
    new NullPointerTester().testAllPublicStaticMethods(Explanation.class);
    new NullPointerTester().testAllPublicStaticMethods(AnesthesiaConversionFactors.class);
  }

  /**
   * The parsers of coded values name their own argument: {@code DmeposCategory.of(null)} once said
   * "input", the argument of the message quoting it further in.
   */
  @Test
  void codedValueParsersNameTheirNullArgument() {
    assertEquals(
        "code",
        assertThrows(NullPointerException.class, () -> DmeposCategory.of(null)).getMessage());
    assertEquals(
        "code", assertThrows(NullPointerException.class, () -> GlobalPeriod.of(null)).getMessage());
    assertEquals(
        "text",
        assertThrows(NullPointerException.class, () -> PractitionerType.parse(null)).getMessage());
  }

  @Test
  void aRowNameAndTheVisitTestRefuseANullCode() {
    assertEquals(
        "code",
        assertThrows(NullPointerException.class, () -> RowModifier.PROFESSIONAL_COMPONENT.row(null))
            .getMessage());
    assertEquals(
        "code",
        assertThrows(NullPointerException.class, () -> GlobalSurgeryEdit.isVisit(null))
            .getMessage());
  }

  /** The message of the NullPointerException {@code call} throws. */
  private static String npe(org.junit.jupiter.api.function.Executable call) {
    return assertThrows(NullPointerException.class, call).getMessage();
  }

  /**
   * A null element of a list or array is named with its index, whichever factory is given it: the
   * copies said only "at index 1" (Guava's), and {@code ClaimScrubber.of(edit...)} "null" ({@code
   * List.of}'s), where {@code Claim.ofLines} said "line" without the index.
   */
  @Test
  void aNullElementIsNamedWithItsIndex() {
    BilledLine line = BilledLine.parse("99213");
    assertEquals("line at index 1", npe(() -> Claim.of(Arrays.asList(line, null))));
    assertEquals("line at index 1", npe(() -> Claim.of(line, null)));
    assertEquals("line at index 0", npe(() -> Claim.ofLines((ClaimLine) null)));
    ProcedureCode code = ProcedureCode.parse("27447");
    Modifier lt = Modifier.parse("LT");
    assertEquals("modifier at index 1", npe(() -> ClaimLine.of(code, Arrays.asList(lt, null), 1)));
    assertEquals("modifier at index 0", npe(() -> ClaimLine.of(code, (Modifier) null)));
    PricingStep step = PricingStep.note("rule", "words");
    assertEquals("step at index 1", npe(() -> Explanation.of(Arrays.asList(step, null))));
    assertEquals("step at index 0", npe(() -> Explanation.of((PricingStep) null)));
    PricingContext context =
        PricingContext.of(LocalDate.of(2025, 3, 14), Locality.parse("13282-99"), Setting.FACILITY);
    PricedLine priced =
        PricedLine.of(
            0,
            line,
            FeeResult.priced(new BigDecimal("80.00"), Explanation.empty()),
            Optional.empty(),
            List.of());
    assertEquals(
        "line at index 1", npe(() -> PricedClaim.of(context, Arrays.asList(priced, null))));
    assertEquals(
        "schedule at index 1", npe(() -> FeeSchedule.firstThatPrices(Arrays.asList(FLAT, null))));
    assertEquals("schedule at index 1", npe(() -> FeeSchedule.firstThatPrices(FLAT, null)));
    assertEquals("edit at index 0", npe(() -> ClaimScrubber.of((ClaimEdit) null)));
    assertEquals(
        "edit at index 1",
        npe(() -> ClaimScrubber.of(Arrays.asList(ModifierRulesEdit.standard(), null))));
    CodeEntry entry =
        CodeEntry.builder()
            .code(ProcedureCode.parse("G0438"))
            .shortDescription("a yearly visit")
            .effectiveFrom(LocalDate.of(2000, 1, 1))
            .build();
    assertEquals("entry at index 1", npe(() -> CodeSet.of(entry, null)));
    assertEquals(
        "info at index 1",
        npe(
            () ->
                ModifierRegistry.of(
                    Arrays.asList(ModifierRegistry.standard().all().get(0), null))));
    new NullPointerTester().testAllPublicStaticMethods(ClaimScrubber.class);
  }

  @Test
  void thePartBBuilderNamesANullArrayOfQuarters() {
    assertEquals(
        "quarters",
        assertThrows(
                NullPointerException.class,
                () -> PartBFeeSchedule.builder().dmepos((DmeposFeeSchedule[]) null))
            .getMessage());
    new NullPointerTester().testAllPublicInstanceMethods(PartBFeeSchedule.builder());
  }
}
