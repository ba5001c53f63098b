package io.github.cpt4j.fee.medicare.pfs.claim;

import static io.github.cpt4j.fee.medicare.pfs.claim.ClaimTables.CONTEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.edit.EditFinding;
import io.github.cpt4j.fee.PricedLine;
import java.math.BigDecimal;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link MedicareClaimPricer#priceLines}: some lines of a claim, each keeping its number. */
class PriceLinesTest {

  static final MedicareClaimPricer PRICER = MedicareClaimPricer.of(ClaimTables.schedule());

  static final Claim CLAIM =
      Claim.builder().add("99213").add("27447-LT").add("99213").add("27447-RT").build();

  @Test
  void theSelectedLinesArePricedAsAClaimOfTheirOwnUnderTheirNumbers() {
    BitSet pair = new BitSet();
    pair.set(1);
    pair.set(3);
    List<EditFinding> findings = PRICER.scrub(CLAIM, CONTEXT);
    ImmutableList<PricedLine> lines = PRICER.priceLines(CLAIM, pair, CONTEXT, findings);
    assertEquals(2, lines.size());
    assertEquals(1, lines.get(0).index());
    assertEquals(3, lines.get(1).index());
    assertEquals(CLAIM.line(3), lines.get(1).billed());
    // BILAT SURG 1: 1000 x 150%, half on each line, as for the pair alone.
    assertEquals(new BigDecimal("750.00"), lines.get(0).amountOrThrow());
    String explained = lines.get(1).explanation().toString();
    assertTrue(explained.contains("LT and RT on line 2 and line 4"), explained);
  }

  @Test
  void aLineTheClaimDoesNotHaveIsRefused() {
    BitSet beyond = new BitSet();
    beyond.set(4);
    assertThrows(
        IllegalArgumentException.class, () -> PRICER.priceLines(CLAIM, beyond, CONTEXT, List.of()));
  }
}
