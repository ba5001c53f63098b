package io.github.cpt4j.fee.medicare.dmepos;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DmeposZipTableTest {

  /** ZIP5 states of a few ZIP codes: 71601 in AR, 72643 in MO, as CMS's ZIP5 file has them. */
  private static final DmeposZipTable ZIP5 =
      DmeposZipTable.builder().state(71_600, 71_699, "AR").state(72_600, 72_699, "MO").build();

  /** A 2025 Q1 list as CMS's: 72643 listed under AR, which ZIP5 places in MO. */
  private static DmeposZipTable q1(DmeposZipTable states) {
    return DmeposZipTable.builder(states).rural(71_601, "AR").rural(72_643, "AR").build();
  }

  /** A later list without 72643. */
  private static DmeposZipTable q2(DmeposZipTable states) {
    return DmeposZipTable.builder(states).rural(71_601, "AR").build();
  }

  /**
   * A newer list laid over a table holding an older one gives a ZIP code the newer list no longer
   * names its ZIP5 state, as laid over the ZIP5 states alone: 72643 used to stay in AR, the older
   * list's state, and be priced with Arkansas's amounts.
   */
  @Test
  void aNewerListOverAnOlderOneGivesBackTheZip5State() {
    DmeposZipTable q1 = q1(ZIP5);
    assertEquals(Optional.of(new DmeposArea("AR", true)), q1.find("72643"));
    DmeposZipTable overQ1 = q2(q1);
    assertEquals(Optional.of(new DmeposArea("MO", false)), overQ1.find("72643"));
    assertEquals(q2(ZIP5).find("72643"), overQ1.find("72643"));
    assertEquals(Optional.of(new DmeposArea("AR", true)), overQ1.find("71601"));
    assertEquals(Optional.of(new DmeposArea("MO", false)), overQ1.find("72644"));
    // The states alone, with no list, and again after a second list over them.
    assertEquals(
        Optional.of(new DmeposArea("MO", false)), DmeposZipTable.builder(q1).build().find("72643"));
    assertEquals(Optional.of(new DmeposArea("MO", false)), q2(q2(q1)).find("72643"));
    assertEquals(Optional.of(new DmeposArea("AR", true)), q1(q2(q1)).find("72643"));
  }

  /** A rural ZIP code that ZIP5 does not place has no state once a list no longer names it. */
  @Test
  void aRuralZipCodeWithoutAZip5StateIsUnknownOnceNoLongerListed() {
    DmeposZipTable q1 = DmeposZipTable.builder(ZIP5).rural(99_950, "AK").build();
    assertEquals(Optional.of(new DmeposArea("AK", true)), q1.find("99950"));
    assertEquals(Optional.empty(), q2(q1).find("99950"));
    assertEquals(-1, q2(q1).stateIndex(99_950));
  }

  /** A state set after a rural one is the ZIP code's ZIP5 state, which a newer list keeps. */
  @Test
  void aStateSetAfterTheRuralOneIsTheZip5State() {
    DmeposZipTable table =
        DmeposZipTable.builder().rural(72_643, "AR").state(72_600, 72_699, "MO").build();
    assertEquals(Optional.of(new DmeposArea("MO", true)), table.find("72643"));
    assertEquals(
        Optional.of(new DmeposArea("MO", false)),
        DmeposZipTable.builder(table).build().find("72643"));
  }
}
