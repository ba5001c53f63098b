package io.github.cpt4j.fee.medicare.pfs;

import static io.github.cpt4j.fee.medicare.pfs.Fixtures.DATE_2025;
import static io.github.cpt4j.fee.medicare.pfs.Fixtures.REST_OF_NEW_YORK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import java.time.Year;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link MedicareFeeSchedule#withGpcis} and {@link MedicareFeeSchedule#withOppsCaps}. */
class ScheduleTableReplacementTest {

  private static final PricingContext ROCHESTER =
      PricingContext.of(DATE_2025, REST_OF_NEW_YORK, Setting.NON_FACILITY);

  @Test
  void withGpcisReplacesTheIndicesAndKeepsEverythingElse() {
    MedicareFeeSchedule schedule = Fixtures.schedule();
    GpciTable higher =
        GpciTable.of(
            List.of(Fixtures.gpci(REST_OF_NEW_YORK, "NY", "REST OF NEW YORK", "1", "2", "1")));
    MedicareFeeSchedule replaced = schedule.withGpcis(higher);
    assertSame(higher, replaced.gpcis());
    assertSame(schedule.rvus(), replaced.rvus());
    assertSame(schedule.oppsCaps(), replaced.oppsCaps());
    assertEquals(schedule.name(), replaced.name());
    assertEquals(schedule.effectiveFrom(), replaced.effectiveFrom());
    assertEquals(schedule.effectiveTo(), replaced.effectiveTo());
    ClaimLine visit = ClaimLine.parse("99213");
    assertNotEquals(amount(schedule, visit), amount(replaced, visit));
    // The original is untouched.
    assertEquals(Fixtures.gpcis().all(), schedule.gpcis().all());
  }

  @Test
  void withOppsCapsReplacesTheCapsAndKeepsEverythingElse() {
    MedicareFeeSchedule schedule = Fixtures.schedule();
    MedicareFeeSchedule uncapped = schedule.withOppsCaps(OppsCapTable.empty());
    assertSame(OppsCapTable.empty(), uncapped.oppsCaps());
    assertSame(schedule.gpcis(), uncapped.gpcis());
    assertSame(schedule.rvus(), uncapped.rvus());
    assertEquals(schedule.effectiveFrom(), uncapped.effectiveFrom());
  }

  @Test
  void anotherYearsGpcisAreRefused() {
    MedicareFeeSchedule schedule =
        MedicareFeeSchedule.builder()
            .rvus(RvuTable.of(Fixtures.rvuEntries()).withYear(Year.of(2025)))
            .gpcis(Fixtures.gpcis())
            .conversionFactors(Fixtures.conversionFactors())
            .build();
    GpciTable of2024 = Fixtures.gpcis().withYear(Year.of(2024));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> schedule.withGpcis(of2024));
    assertEquals("the relative value file is for 2025, but the GPCIs are for 2024", e.getMessage());
  }

  private static String amount(MedicareFeeSchedule schedule, ClaimLine line) {
    return ((FeeResult.Priced) schedule.price(line, ROCHESTER)).roundedAmount().toPlainString();
  }
}
