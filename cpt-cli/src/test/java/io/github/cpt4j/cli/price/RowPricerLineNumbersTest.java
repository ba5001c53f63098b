package io.github.cpt4j.cli.price;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.cli.price.PricingData.CmsFiles;
import io.github.cpt4j.fee.PractitionerType;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.Locality;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link RowPricer#price(List, int[], boolean)}: the numbers are always given, never null for "the
 * positions", which {@link RowPricer#price(List, boolean)} means.
 */
class RowPricerLineNumbersTest {

  private static final RowPricer MEDICARE = new MedicareData().pricer(CmsFiles.NONE, true);

  @Test
  void nullLineNumbersAreRefused() {
    List<LineRequest> claim = claim("99213-25", "20610-LT");
    NullPointerException e =
        assertThrows(NullPointerException.class, () -> MEDICARE.price(claim, null, true));
    assertEquals("lineNumbers", e.getMessage());
    RowPricer fake = (lines, participating) -> List.of();
    e = assertThrows(NullPointerException.class, () -> fake.price(claim, null, true));
    assertEquals("lineNumbers", e.getMessage());
  }

  @Test
  void thePositionsAsNumbersPriceAsTheOverloadWithoutNumbers() {
    List<LineRequest> claim = claim("99213-25", "20610-LT", "20610-RT");
    assertEquals(MEDICARE.price(claim, true), MEDICARE.price(claim, new int[] {1, 2, 3}, true));
  }

  @Test
  void numbersOfTheirOwnNameTheLines() {
    // Bilateral pair: each line's explanation names the other by its number.
    List<LineRequest> claim = claim("99213", "20610-LT", "20610-RT");
    String byPosition = MEDICARE.price(claim, true).get(2).explanation();
    String numbered = MEDICARE.price(claim, new int[] {2, 5, 7}, true).get(2).explanation();
    assertTrue(byPosition.contains("line 2"), byPosition);
    assertTrue(numbered.contains("line 5"), numbered);
  }

  private static List<LineRequest> claim(String... lines) {
    List<LineRequest> claim = new ArrayList<>();
    for (String line : lines) {
      claim.add(
          new LineRequest(
              ClaimLine.parse(line),
              Locality.parse("13282-99"),
              Setting.NON_FACILITY,
              LocalDate.of(2025, 6, 2),
              Optional.empty(),
              PractitionerType.PHYSICIAN,
              false,
              Optional.empty(),
              false,
              Optional.empty(),
              Optional.empty()));
    }
    return claim;
  }
}
