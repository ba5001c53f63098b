package io.github.cpt4j.fee.medicare.dmepos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.collect.ImmutableList;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.modifier.Modifier;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A DMEPOS row is a value, as the laboratory's and the drugs' rows ({@code ClfsRate}) are. */
class DmeposFeeTest {

  private static final ImmutableList<String> STATES = ImmutableList.of("NY", "PR");

  // Made-up amounts: the row's fields, not CMS's numbers.
  private static DmeposFee row(String mod, String nyNonRural, String ceiling) {
    return DmeposFee.builder(ProcedureCode.parse("E0114"))
        .modifiers(Optional.ofNullable(mod).map(Modifier::parse), Optional.empty())
        .jurisdiction(DmeposJurisdiction.DME_MAC)
        .category(DmeposCategory.INEXPENSIVE_OR_ROUTINELY_PURCHASED)
        .ceilingAndFloor(new BigDecimal(ceiling), new BigDecimal("50.00"))
        .fees(
            STATES,
            List.of(new BigDecimal(nyNonRural), new BigDecimal("70.00")),
            List.of(BigDecimal.ZERO, BigDecimal.ZERO))
        .build();
  }

  /**
   * Two rows of the same fields are equal and hash alike, whatever the scale the amounts were given
   * with (a file writes 61.45, a caller may write 61.450): the amounts are dollars and cents. Each
   * field tells rows apart. Before, a row was equal only to itself: the same row read twice from
   * one file was two different rows.
   */
  @Test
  void rowsOfTheSameFieldsAreEqual() {
    DmeposFee a = row("NU", "61.45", "65.94");
    DmeposFee b = row("NU", "61.450", "65.94");
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertEquals(a.toString(), b.toString());
    assertNotEquals(a, row("RR", "61.45", "65.94"));
    assertNotEquals(a, row(null, "61.45", "65.94"));
    assertNotEquals(a, row("NU", "61.46", "65.94"));
    assertNotEquals(a, row("NU", "61.45", "65.95"));
    DmeposFee rural =
        DmeposFee.builder(ProcedureCode.parse("E0114"))
            .modifiers(Optional.of(Modifier.parse("NU")), Optional.empty())
            .jurisdiction(DmeposJurisdiction.DME_MAC)
            .category(DmeposCategory.INEXPENSIVE_OR_ROUTINELY_PURCHASED)
            .ceilingAndFloor(new BigDecimal("65.94"), new BigDecimal("50.00"))
            .fees(
                STATES,
                List.of(new BigDecimal("61.45"), new BigDecimal("70.00")),
                List.of(new BigDecimal("62.00"), BigDecimal.ZERO))
            .build();
    assertNotEquals(a, rural);
    assertNotEquals(a, null);
  }

  /**
   * A row's states are the states a {@link DmeposArea} names, two upper-case letters: a row of
   * {@code ny} or {@code N.} could never be the row of any beneficiary's area, and every line of
   * that state would go unpriced with no word of the row's mistake.
   */
  @Test
  void aRowsStatesAreStates() {
    for (String bad : List.of("ny", "N", "NYC", "N1", "", " N")) {
      DmeposFee.Builder builder =
          DmeposFee.builder(ProcedureCode.parse("E0114"))
              .jurisdiction(DmeposJurisdiction.DME_MAC)
              .category(DmeposCategory.INEXPENSIVE_OR_ROUTINELY_PURCHASED);
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  builder.fees(
                      ImmutableList.of("PR", bad),
                      List.of(BigDecimal.ONE, BigDecimal.ONE),
                      List.of(BigDecimal.ZERO, BigDecimal.ZERO)),
              bad);
      assertEquals(
          "E0114: a state is two upper-case letters, not '" + bad + "' (index 1 of the states)",
          e.getMessage());
    }
  }
}
