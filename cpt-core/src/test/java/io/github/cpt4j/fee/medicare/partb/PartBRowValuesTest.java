package io.github.cpt4j.fee.medicare.partb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.google.common.collect.ImmutableList;
import com.google.common.testing.EqualsTester;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.fee.medicare.asp.AspLimit;
import io.github.cpt4j.fee.medicare.clfs.ClfsIndicator;
import io.github.cpt4j.fee.medicare.clfs.ClfsRate;
import io.github.cpt4j.fee.medicare.dmepos.DmeposArea;
import io.github.cpt4j.fee.medicare.dmepos.DmeposCategory;
import io.github.cpt4j.fee.medicare.dmepos.DmeposFee;
import io.github.cpt4j.fee.medicare.dmepos.DmeposJurisdiction;
import io.github.cpt4j.modifier.Modifier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The value laws of the Part B rows, the laboratory's ({@link ClfsRate}), the drugs' ({@link
 * AspLimit}) and the equipment's ({@link DmeposFee}, {@link DmeposArea}): each field tells two rows
 * apart, equal rows hash alike, and a row keeps nothing its caller can change. The amounts are made
 * up: the tests are about the fields, not CMS's numbers.
 */
class PartBRowValuesTest {

  private static final ProcedureCode LAB = ProcedureCode.parse("80053");
  private static final LocalDate JAN = LocalDate.of(2025, 1, 1);
  private static final Optional<Modifier> QW = Optional.of(Modifier.parse("QW"));

  private static ClfsRate lab(
      ProcedureCode code,
      Optional<Modifier> modifier,
      LocalDate from,
      ClfsIndicator indicator,
      String rate) {
    return new ClfsRate(code, modifier, from, indicator, new BigDecimal(rate));
  }

  @Test
  void eachFieldOfALaboratoryRateTellsRatesApart() {
    new EqualsTester()
        .addEqualityGroup(
            lab(LAB, Optional.empty(), JAN, ClfsIndicator.NATIONAL_LIMIT, "10.56"),
            lab(LAB, Optional.empty(), JAN, ClfsIndicator.NATIONAL_LIMIT, "10.56"))
        .addEqualityGroup(
            lab(
                ProcedureCode.parse("80048"),
                Optional.empty(),
                JAN,
                ClfsIndicator.NATIONAL_LIMIT,
                "10.56"))
        .addEqualityGroup(lab(LAB, QW, JAN, ClfsIndicator.NATIONAL_LIMIT, "10.56"))
        .addEqualityGroup(
            lab(LAB, Optional.empty(), JAN.plusMonths(3), ClfsIndicator.NATIONAL_LIMIT, "10.56"))
        .addEqualityGroup(lab(LAB, Optional.empty(), JAN, ClfsIndicator.LOCAL, "10.56"))
        .addEqualityGroup(lab(LAB, Optional.empty(), JAN, ClfsIndicator.NATIONAL_LIMIT, "10.57"))
        .testEquals();
  }

  private static AspLimit drug(String code, String dosage, String limit, String coinsurance) {
    return new AspLimit(
        ProcedureCode.parse(code),
        dosage,
        Optional.ofNullable(limit).map(BigDecimal::new),
        Optional.ofNullable(coinsurance).map(BigDecimal::new));
  }

  @Test
  void eachFieldOfADrugLimitTellsLimitsApart() {
    new EqualsTester()
        .addEqualityGroup(
            drug("J0129", "10 MG", "1.234", "20"),
            drug("J0129", "10 MG", "1.234", "20"),
            new AspLimit(
                ProcedureCode.parse("J0129"),
                "10 MG",
                Optional.of(new BigDecimal("1.234")),
                new BigDecimal("20")))
        .addEqualityGroup(drug("J0130", "10 MG", "1.234", "20"))
        .addEqualityGroup(drug("J0129", "1 MG", "1.234", "20"))
        .addEqualityGroup(drug("J0129", "10 MG", "1.235", "20"))
        .addEqualityGroup(drug("J0129", "10 MG", null, "20"))
        .addEqualityGroup(drug("J0129", "10 MG", "1.234", "19"))
        .addEqualityGroup(drug("J0129", "10 MG", "1.234", null))
        .testEquals();
  }

  @Test
  void eachFieldOfAnAreaTellsAreasApart() {
    new EqualsTester()
        .addEqualityGroup(new DmeposArea("NY", false), new DmeposArea("NY", false))
        .addEqualityGroup(new DmeposArea("NY", true))
        .addEqualityGroup(new DmeposArea("PR", false))
        .testEquals();
    assertEquals("NY rural", new DmeposArea("NY", true).toString());
    assertEquals("NY non-rural", new DmeposArea("NY", false).toString());
  }

  private static final ImmutableList<String> STATES = ImmutableList.of("NY", "PR");

  /** A DMEPOS row of made-up amounts, each argument one of its fields. */
  private static DmeposFee equipment(
      String code,
      String first,
      String second,
      DmeposJurisdiction jurisdiction,
      DmeposCategory category,
      String ceiling,
      String floor,
      ImmutableList<String> states,
      String nyNonRural,
      String nyRural) {
    return DmeposFee.builder(ProcedureCode.parse(code))
        .modifiers(
            Optional.ofNullable(first).map(Modifier::parse),
            Optional.ofNullable(second).map(Modifier::parse))
        .jurisdiction(jurisdiction)
        .category(category)
        .ceilingAndFloor(new BigDecimal(ceiling), new BigDecimal(floor))
        .fees(
            states,
            List.of(new BigDecimal(nyNonRural), new BigDecimal("70.00")),
            List.of(new BigDecimal(nyRural), BigDecimal.ZERO))
        .build();
  }

  private static final DmeposJurisdiction D = DmeposJurisdiction.DME_MAC;
  private static final DmeposCategory IN = DmeposCategory.INEXPENSIVE_OR_ROUTINELY_PURCHASED;

  /** Extends {@code DmeposFeeTest}'s few inequalities to every field the row compares. */
  @Test
  void eachFieldOfAnEquipmentRowTellsRowsApart() {
    new EqualsTester()
        .addEqualityGroup(
            equipment("E0950", "RR", "KU", D, IN, "65.94", "50.00", STATES, "61.45", "0"),
            equipment("E0950", "RR", "KU", D, IN, "65.940", "50.0", STATES, "61.450", "0.00"))
        .addEqualityGroup(
            equipment("E0951", "RR", "KU", D, IN, "65.94", "50.00", STATES, "61.45", "0"))
        .addEqualityGroup(
            equipment("E0950", "NU", "KU", D, IN, "65.94", "50.00", STATES, "61.45", "0"))
        .addEqualityGroup(
            equipment("E0950", "RR", null, D, IN, "65.94", "50.00", STATES, "61.45", "0"))
        .addEqualityGroup(
            equipment("E0950", null, null, D, IN, "65.94", "50.00", STATES, "61.45", "0"))
        .addEqualityGroup(
            equipment(
                "E0950",
                "RR",
                "KU",
                DmeposJurisdiction.JOINT,
                IN,
                "65.94",
                "50.00",
                STATES,
                "61.45",
                "0"))
        .addEqualityGroup(
            equipment(
                "E0950",
                "RR",
                "KU",
                D,
                DmeposCategory.CAPPED_RENTAL,
                "65.94",
                "50.00",
                STATES,
                "61.45",
                "0"))
        .addEqualityGroup(
            equipment("E0950", "RR", "KU", D, IN, "65.95", "50.00", STATES, "61.45", "0"))
        .addEqualityGroup(
            equipment("E0950", "RR", "KU", D, IN, "65.94", "50.01", STATES, "61.45", "0"))
        .addEqualityGroup(
            equipment(
                "E0950",
                "RR",
                "KU",
                D,
                IN,
                "65.94",
                "50.00",
                ImmutableList.of("NY", "VI"),
                "61.45",
                "0"))
        .addEqualityGroup(
            equipment("E0950", "RR", "KU", D, IN, "65.94", "50.00", STATES, "61.46", "0"))
        .addEqualityGroup(
            equipment("E0950", "RR", "KU", D, IN, "65.94", "50.00", STATES, "61.45", "62.00"))
        .testEquals();
  }

  /** The fee lists given to the builder are copied: changing them later changes no row. */
  @Test
  void anEquipmentRowKeepsNoListOfItsCaller() {
    List<BigDecimal> nonRural = new ArrayList<>(List.of(new BigDecimal("61.45"), BigDecimal.ONE));
    List<BigDecimal> rural = new ArrayList<>(List.of(BigDecimal.ZERO, BigDecimal.ZERO));
    DmeposFee.Builder builder =
        DmeposFee.builder(ProcedureCode.parse("E0114"))
            .jurisdiction(D)
            .category(IN)
            .fees(STATES, nonRural, rural);
    DmeposFee row = builder.build();
    nonRural.set(0, new BigDecimal("99.99"));
    rural.set(0, new BigDecimal("99.99"));
    assertEquals(Optional.of(new BigDecimal("61.45")), row.nonRuralFee("NY"));
    assertEquals(Optional.of(new BigDecimal("0.00")), row.ruralFee("NY"));
    assertEquals(row, builder.build());
    assertNotEquals(row, null);
  }
}
