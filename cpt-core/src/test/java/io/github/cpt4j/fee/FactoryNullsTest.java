package io.github.cpt4j.fee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.testing.NullPointerTester;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaConversionFactors;
import io.github.cpt4j.fee.medicare.dmepos.DmeposCategory;
import io.github.cpt4j.fee.medicare.dmepos.DmeposFeeSchedule;
import io.github.cpt4j.fee.medicare.partb.PartBFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.GlobalPeriod;
import io.github.cpt4j.fee.medicare.pfs.RowModifier;
import io.github.cpt4j.fee.medicare.pfs.claim.GlobalSurgeryEdit;
import java.math.BigDecimal;
import java.time.LocalDate;
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
