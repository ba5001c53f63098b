package io.github.cpt4j.edit.ncci;

import static io.github.cpt4j.edit.ncci.NcciFixtures.claim;
import static io.github.cpt4j.edit.ncci.NcciFixtures.mue;
import static io.github.cpt4j.edit.ncci.NcciFixtures.on;
import static io.github.cpt4j.edit.ncci.NcciFixtures.ptp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.github.cpt4j.edit.ClaimEdit;
import io.github.cpt4j.edit.EditFinding;
import java.util.List;
import org.junit.jupiter.api.Test;

class NcciEditsTest {

  private static final PtpTable PTP =
      PtpTable.builder().add(ptp("27447", "20610", "2002-01-01", null, '1')).build();
  private static final MueTable MUE =
      MueTable.builder().add(mue("20610", 1, '3')).add(mue("27447", 1, '1')).build();

  @Test
  void bothEditsInLineOrderPtpFirst() {
    NcciEdits ncci = NcciEdits.of(PTP, MUE);
    List<EditFinding> found = ncci.check(claim("20610 x2", "27447 x2"), on("2025-06-02"));
    assertEquals(
        List.of("0 ncci-ptp", "0 ncci-mue", "1 ncci-mue"),
        found.stream().map(f -> f.line() + " " + f.edit()).toList());
    assertEquals("ncci", ncci.name());
    assertEquals(
        List.of("ncci-ptp", "ncci-mue"), ncci.edits().stream().map(ClaimEdit::name).toList());
  }

  @Test
  void eitherAlone() {
    assertEquals(
        1, NcciEdits.ofPtp(PTP).check(claim("20610 x2", "27447"), on("2025-06-02")).size());
    assertEquals(
        1, NcciEdits.ofMue(MUE).check(claim("20610 x2", "27447"), on("2025-06-02")).size());
    assertSame(List.of(), NcciEdits.of(PTP, MUE).check(claim("27447", "99213"), on("2025-06-02")));
    assertEquals(1, NcciEdits.ofMue(MUE).edits().size());
  }
}
