package io.github.cpt4j.edit.ncci;

import static io.github.cpt4j.edit.ncci.NcciFixtures.code;
import static io.github.cpt4j.edit.ncci.NcciFixtures.date;
import static io.github.cpt4j.edit.ncci.NcciFixtures.ptp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.testing.EqualsTester;
import com.google.common.testing.NullPointerTester;
import io.github.cpt4j.code.ProcedureCode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PtpTableTest {

  @Test
  void aPairDeletedAndAddedAgainHasTheRowOfTheDate() {
    PtpEdit old = ptp("64483", "64484", "2010-01-01", "2015-12-31", '1');
    PtpEdit renewed = ptp("64483", "64484", "2016-01-01", null, '0');
    PtpTable table =
        PtpTable.builder()
            .add(renewed)
            .add(ptp("64483", "64400", "2010-01-01", null, '1'))
            .add(old)
            .build();
    assertEquals(3, table.size());
    assertEquals(1, table.column1Codes());
    assertEquals(List.of(old, renewed), table.edits(code("64483"), code("64484")));
    assertEquals(Optional.of(old), table.find(code("64483"), code("64484"), date("2015-12-31")));
    assertEquals(
        Optional.of(renewed), table.find(code("64483"), code("64484"), date("2016-01-01")));
    assertEquals(Optional.empty(), table.find(code("64483"), code("64484"), date("2009-12-31")));
    assertEquals(Optional.empty(), table.find(code("64484"), code("64483"), date("2020-01-01")));
    assertEquals(List.of(), table.edits(code("99213"), code("64483")));
  }

  @Test
  void everyPairOfALongRunIsFoundAndNoOther() {
    PtpTable.Builder builder = PtpTable.builder();
    for (int second = 10000; second < 12000; second += 3) {
      builder.add(ptp("99213", Integer.toString(second), "2020-01-01", null, '1'));
    }
    PtpTable table = builder.build();
    LocalDate date = date("2021-01-01");
    for (int second = 9990; second < 12010; second++) {
      boolean expected = second >= 10000 && second < 12000 && (second - 10000) % 3 == 0;
      assertEquals(
          expected,
          table.find(code("99213"), code(String.format("%05d", second)), date).isPresent(),
          Integer.toString(second));
      assertFalse(table.find(code(String.format("%05d", second)), code("99213"), date).isPresent());
    }
  }

  @Test
  void rowsOfAPairInForceOnACommonDayAreRefusedNamingThePairAndBothRows() {
    // Another indicator from a later date while the first row is in force: find could answer with
    // only one of them.
    PtpEdit allowed = ptp("11042", "97597", "2020-01-01", null, '1');
    PtpEdit notAllowed = ptp("11042", "97597", "2021-01-01", null, '0');
    PtpTable.Builder conflicting =
        PtpTable.builder().add(allowed).add(ptp("27447", "20610", "2002-01-01", null, '1'));
    conflicting.add(notAllowed);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, conflicting::build);
    assertEquals(
        "the pair 11042, 97597 has two rows in force on a common day, rows 1 and 3 of those added:"
            + " 11042/97597 20200101-* 1 and 11042/97597 20210101-* 0; expected each pair once on"
            + " any date (an edit deleted and added again has later dates)",
        e.getMessage());
    // The same row twice, out of pair order.
    PtpEdit row = ptp("27447", "20610", "2002-01-01", "2023-12-31", '1');
    PtpTable.Builder twice =
        PtpTable.builder().add(row).add(ptp("11042", "97597", "2020-01-01", null, '1')).add(row);
    assertTrue(
        assertThrows(IllegalArgumentException.class, twice::build)
            .getMessage()
            .startsWith(
                "the pair 27447, 20610 has two rows in force on a common day, rows 1 and 3"));
    // Deleted the day before it is added again: both kept, each found on its dates.
    PtpEdit again = ptp("27447", "20610", "2024-01-01", null, '0');
    PtpTable table = PtpTable.builder().add(again).add(row).build();
    assertEquals(List.of(row, again), table.edits(code("27447"), code("20610")));
    assertEquals(Optional.of(row), table.find(code("27447"), code("20610"), date("2023-12-31")));
    assertEquals(Optional.of(again), table.find(code("27447"), code("20610"), date("2024-01-01")));
    // A builder whose overlap was looked at, then given another row, looks again.
    PtpTable.Builder checked = PtpTable.builder().add(row);
    assertEquals(Optional.empty(), checked.overlap());
    checked.add(row);
    assertThrows(IllegalArgumentException.class, checked::build);
  }

  @Test
  void aWithdrawnRowOverlapsNothingAndADuplicateInForceIsAnOverlap() {
    PtpTable.Builder withdrawnTwice =
        PtpTable.builder()
            .add(ptp("0001A", "90473", "2022-01-01", "2022-01-01", '9'))
            .add(ptp("0001A", "90473", "2022-01-01", "2022-01-01", '9'));
    assertEquals(Optional.empty(), withdrawnTwice.overlap());
    PtpTable.Builder besideOneInForce =
        PtpTable.builder()
            .add(ptp("27447", "20610", "2020-01-01", "2020-01-01", '9'))
            .add(ptp("27447", "20610", "2020-01-01", "2020-12-31", '1'));
    assertEquals(Optional.empty(), besideOneInForce.overlap());
    PtpTable.Builder duplicate =
        PtpTable.builder()
            .add(ptp("27447", "20610", "2020-01-01", "2020-12-31", '1'))
            .add(ptp("27447", "20610", "2020-01-01", "2020-12-31", '1'));
    assertEquals(
        Optional.of(new PtpTable.Builder.Overlap(code("27447"), code("20610"), 0, 1)),
        duplicate.overlap());
  }

  /**
   * Pair order is the codes' order for Level II column 1 codes too: their packed values (J1100 and
   * others from about G2144 on) need the key's top bit, where a signed sort put them first.
   */
  @Test
  void overlapsAreReportedInPairOrderForLevelTwoCodesToo() {
    PtpEdit visit = ptp("99213", "36415", "2020-01-01", null, '1');
    PtpEdit drug = ptp("J1100", "96372", "2020-01-01", null, '1');
    PtpTable.Builder both = PtpTable.builder().add(drug).add(visit).add(visit).add(drug);
    assertEquals(
        Optional.of(new PtpTable.Builder.Overlap(code("99213"), code("36415"), 1, 2)),
        both.overlap());
    PtpTable.Builder reversed = PtpTable.builder().add(visit).add(drug).add(drug).add(visit);
    assertEquals(
        Optional.of(new PtpTable.Builder.Overlap(code("99213"), code("36415"), 0, 3)),
        reversed.overlap());
    // Built out of order, every pair is found.
    PtpTable table =
        PtpTable.builder()
            .add(drug)
            .add(visit)
            .add(ptp("G2211", "99213", "2024-01-01", null, '0'))
            .build();
    assertEquals(Optional.of(drug), table.find(code("J1100"), code("96372"), date("2025-06-02")));
    assertEquals(Optional.of(visit), table.find(code("99213"), code("36415"), date("2025-06-02")));
    assertEquals(3, table.column1Codes());
  }

  /** The last deletion date a table holds, and dates of service past every one it can hold. */
  @Test
  void theLastDeletionDateEndsItsEditAsAnyOther() {
    PtpEdit last = ptp("27447", "20610", "2000-01-01", "2149-06-05", '0');
    PtpEdit open = ptp("27447", "29880", "2000-01-01", null, '0');
    PtpTable table = PtpTable.builder().add(last).add(open).build();
    for (String date : List.of("2149-06-04", "2149-06-05")) {
      assertEquals(Optional.of(last), table.find(code("27447"), code("20610"), date(date)));
      assertTrue(last.isActiveOn(date(date)));
    }
    for (String date : List.of("2149-06-06", "2149-06-10", "2200-01-01", "+99999-01-01")) {
      assertEquals(Optional.empty(), table.find(code("27447"), code("20610"), date(date)), date);
      assertFalse(last.isActiveOn(date(date)));
      assertEquals(Optional.of(open), table.find(code("27447"), code("29880"), date(date)), date);
    }
  }

  @Test
  void rowsComeBackAsAdded() {
    PtpEdit edit =
        new PtpEdit(
            code("G0105"),
            code("45378"),
            true,
            date("1996-01-01"),
            Optional.of(date("2149-06-04")),
            PtpModifierIndicator.NOT_ALLOWED,
            "");
    PtpTable table = PtpTable.builder(1).add(edit).build();
    assertEquals(List.of(edit), table.edits(code("G0105"), code("45378")));
    assertEquals("G0105/45378 19960101-21490604 0", edit.toString());
    assertEquals(
        "27447/20610 20020101-* 1", ptp("27447", "20610", "2002-01-01", null, '1').toString());
  }

  @Test
  void withdrawnAndActiveFollowTheDates() {
    PtpEdit deleted = ptp("99213", "36415", "2015-04-01", "2023-12-31", '1');
    assertFalse(deleted.withdrawn());
    assertTrue(deleted.isActiveOn(date("2015-04-01")));
    assertTrue(deleted.isActiveOn(date("2023-12-31")));
    assertFalse(deleted.isActiveOn(date("2015-03-31")));
    assertFalse(deleted.isActiveOn(date("2024-01-01")));
    PtpEdit withdrawn = ptp("99213", "36415", "2015-04-01", "2015-04-01", '1');
    assertTrue(withdrawn.withdrawn());
    assertFalse(withdrawn.isActiveOn(date("2015-04-01")));
    PtpEdit nine = ptp("99213", "36415", "2015-04-01", "2015-04-01", '9');
    assertTrue(nine.withdrawn());
    assertFalse(nine.isActiveOn(date("2015-04-01")));
  }

  /**
   * Indicator 9 on an edit not deleted on its effective date is refused: CMS gives 9 only to an
   * edit deleted retroactively, on the date it took effect. Such a row was taken as withdrawn, so
   * an edit still in force ({@code 27447/20610 20020101-* 9}) never applied.
   */
  @Test
  void indicatorNineOnAnEditNotDeletedOnItsEffectiveDateIsRefused() {
    IllegalArgumentException open =
        assertThrows(
            IllegalArgumentException.class, () -> ptp("27447", "20610", "2002-01-01", null, '9'));
    assertEquals(
        "the PTP edit 27447/20610 has modifier indicator 9, which CMS gives only to an edit"
            + " deleted on its effective date (2002-01-01), but it has no deletion date: expected"
            + " 0 or 1",
        open.getMessage());
    IllegalArgumentException later =
        assertThrows(
            IllegalArgumentException.class,
            () -> ptp("27447", "20610", "2002-01-01", "2023-12-31", '9'));
    assertTrue(
        later.getMessage().endsWith("but it is deleted on 2023-12-31: expected 0 or 1"),
        later.getMessage());
    // The loaders' path, without a PtpEdit: the same refusal, nothing added.
    int a = code("27447").packed();
    int b = code("20610").packed();
    long day = date("2002-01-01").toEpochDay();
    PtpTable.Builder builder = PtpTable.builder();
    IllegalArgumentException packed =
        assertThrows(
            IllegalArgumentException.class,
            () -> builder.addPacked(a, b, false, day, -1, PtpModifierIndicator.NOT_APPLICABLE, ""));
    assertEquals(open.getMessage(), packed.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            builder.addPacked(a, b, false, day, day + 1, PtpModifierIndicator.NOT_APPLICABLE, ""));
    assertEquals(0, builder.size());
    // As CMS gives it: deleted on its effective date.
    builder.addPacked(a, b, false, day, day, PtpModifierIndicator.NOT_APPLICABLE, "");
    assertEquals(1, builder.build().edits(code("27447"), code("20610")).size());
  }

  /** A code paired with itself is refused: it is never denied as column 2 of itself. */
  @Test
  void aPairOfOneCodeIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> ptp("27447", "27447", "2002-01-01", null, '1'));
    assertEquals(
        "the PTP edit 27447/27447 pairs a code with itself: expected two different codes (a code"
            + " paired with itself is no edit)",
        e.getMessage());
    int a = code("27447").packed();
    PtpTable.Builder builder = PtpTable.builder();
    IllegalArgumentException packed =
        assertThrows(
            IllegalArgumentException.class,
            () -> builder.addPacked(a, a, false, 10, -1, PtpModifierIndicator.ALLOWED, ""));
    assertEquals(e.getMessage(), packed.getMessage());
    assertEquals(0, builder.size());
  }

  @Test
  void badRowsAreRejected() {
    assertThrows(
        IllegalArgumentException.class,
        () -> ptp("99213", "36415", "2015-04-01", "2015-03-31", '1'));
    assertThrows(IllegalArgumentException.class, () -> PtpModifierIndicator.of('2'));
    PtpTable.Builder builder = PtpTable.builder();
    assertThrows(
        IllegalArgumentException.class,
        () ->
            builder.addPacked(
                -1, 1, false, 10, -1, PtpModifierIndicator.ALLOWED, NcciFixtures.DISTINCT));
    int a = code("99213").packed();
    int b = code("36415").packed();
    assertThrows(
        IllegalArgumentException.class,
        () -> builder.addPacked(a, b, false, 10, 9, PtpModifierIndicator.ALLOWED, ""));
    assertThrows(
        IllegalArgumentException.class,
        () -> builder.addPacked(a, b, false, -5, -1, PtpModifierIndicator.ALLOWED, ""));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            builder.addPacked(
                a,
                b,
                false,
                LocalDate.of(2150, 1, 1).toEpochDay(),
                -1,
                PtpModifierIndicator.ALLOWED,
                ""));
    assertEquals(0, builder.size());
  }

  @Test
  void aRowRefusedForItsDatesOrCodesIsNamedByItsPairAndPlace() {
    // A table built from a database's rows: "a PTP effective date must be from 1970-01-01 ..."
    // alone did not say which of two million rows to look at.
    PtpTable.Builder builder =
        PtpTable.builder().add(ptp("27447", "20610", "2002-01-01", null, '1'));
    IllegalArgumentException early =
        assertThrows(
            IllegalArgumentException.class,
            () -> builder.add(ptp("27447", "20611", "1969-12-31", null, '1')));
    assertEquals(
        "the PTP edit 27447/20611, row 2 of those added: a PTP effective date must be from"
            + " 1970-01-01 through 2149-06-05, not 1969-12-31",
        early.getMessage());
    int a = code("99213").packed();
    int b = code("36415").packed();
    IllegalArgumentException deleted =
        assertThrows(
            IllegalArgumentException.class,
            () -> builder.addPacked(a, b, false, 20, 10, PtpModifierIndicator.ALLOWED, ""));
    assertEquals(
        "the PTP edit 99213/36415, row 2 of those added: the deletion date 1970-01-11 is before"
            + " the effective date 1970-01-21",
        deleted.getMessage());
    IllegalArgumentException notACode =
        assertThrows(
            IllegalArgumentException.class,
            () -> builder.addPacked(a, -5, false, 20, -1, PtpModifierIndicator.ALLOWED, ""));
    assertEquals(
        "row 2 of those added, column 2: not a packed code of either level: -5",
        notACode.getMessage());
    assertEquals(1, builder.size());
  }

  @Test
  void daysBeyondAnyLocalDateAreRefusedWithTheDocumentedException() {
    // The message once printed the day as a LocalDate, which threw DateTimeException instead.
    int a = code("99213").packed();
    int b = code("36415").packed();
    PtpTable.Builder builder = PtpTable.builder();
    IllegalArgumentException late =
        assertThrows(
            IllegalArgumentException.class,
            () -> builder.addPacked(a, b, false, 1L << 40, -1, PtpModifierIndicator.ALLOWED, ""));
    assertEquals(
        "the PTP edit 99213/36415, row 1 of those added: a PTP effective date must be from"
            + " 1970-01-01 through 2149-06-05, not epoch day 1099511627776",
        late.getMessage());
    IllegalArgumentException early =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                builder.addPacked(
                    a, b, false, 10, Long.MIN_VALUE, PtpModifierIndicator.ALLOWED, ""));
    assertTrue(early.getMessage().endsWith("not epoch day " + Long.MIN_VALUE), early.getMessage());
    IllegalArgumentException near =
        assertThrows(
            IllegalArgumentException.class,
            () -> builder.addPacked(a, b, false, -1, -1, PtpModifierIndicator.ALLOWED, ""));
    assertTrue(near.getMessage().endsWith("not 1969-12-31"), near.getMessage());
    assertEquals(0, builder.size());
  }

  /**
   * The 8,193rd distinct rationale is refused with the limit in words and the text, and a loader
   * can ask first ({@link PtpTable.Builder#hasRoomFor}) to name the field it came from.
   */
  @Test
  void aRationaleBeyondTheLimitIsRefusedSayingTheLimit() {
    int a = code("99213").packed();
    int b = code("36415").packed();
    PtpTable.Builder builder = PtpTable.builder();
    for (int i = 0; i < PtpTable.MAX_RATIONALES; i++) {
      // Withdrawn rows on days of their own: one pair, no overlap.
      builder.addPacked(a, b, false, i, i, PtpModifierIndicator.NOT_APPLICABLE, "text " + i);
    }
    assertTrue(builder.hasRoomFor("text 0"));
    assertFalse(builder.hasRoomFor("one more"));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                builder.addPacked(
                    a, b, false, 9_000, -1, PtpModifierIndicator.ALLOWED, "one more"));
    assertEquals(
        "a PTP table holds at most 8,192 distinct rationale texts, and the rows added have as"
            + " many already: the rationale \"one more\" would be one more",
        e.getMessage());
    assertEquals(PtpTable.MAX_RATIONALES, builder.size());
    builder.addPacked(a, b, false, 9_000, -1, PtpModifierIndicator.ALLOWED, "text 1");
    assertEquals(PtpTable.MAX_RATIONALES + 1, builder.size());
  }

  @Test
  void aCapacityHintIsOnlyAHint() {
    // The arrays were sized as asked: a hint of Integer.MAX_VALUE threw an OutOfMemoryError.
    PtpTable table =
        PtpTable.builder(Integer.MAX_VALUE)
            .add(ptp("27447", "20610", "2002-01-01", null, '1'))
            .build();
    assertEquals(1, table.size());
  }

  @Test
  void valueSemantics() {
    new EqualsTester()
        .addEqualityGroup(
            ptp("27447", "20610", "2002-01-01", null, '1'),
            ptp("27447", "20610", "2002-01-01", null, '1'))
        .addEqualityGroup(ptp("27447", "20610", "2002-01-01", null, '0'))
        .addEqualityGroup(ptp("27447", "20611", "2002-01-01", null, '1'))
        .addEqualityGroup(ptp("27447", "20610", "2002-01-01", "2003-01-01", '1'))
        .addEqualityGroup(NcciFixtures.mue("20610", 2, '3'), NcciFixtures.mue("20610", 2, '3'))
        .addEqualityGroup(NcciFixtures.mue("20610", 2, '2'))
        .testEquals();
  }

  @Test
  void nullsAreRejected() {
    NullPointerTester tester =
        new NullPointerTester()
            .setDefault(ProcedureCode.class, code("99213"))
            .setDefault(LocalDate.class, date("2025-01-01"))
            .setDefault(PtpTable.class, PtpTable.builder().build())
            .setDefault(MueTable.class, MueTable.builder().build())
            .setDefault(io.github.cpt4j.fee.PricingContext.class, NcciFixtures.on("2025-01-01"))
            .setDefault(io.github.cpt4j.claim.Claim.class, NcciFixtures.claim("99213"));
    tester.testAllPublicConstructors(PtpEdit.class);
    tester.testAllPublicConstructors(MueEdit.class);
    tester.testAllPublicStaticMethods(NcciEdits.class);
    tester.testAllPublicStaticMethods(NcciModifiers.class);
    tester.testAllPublicInstanceMethods(PtpTable.builder());
    tester.testAllPublicInstanceMethods(PtpTable.builder().build());
    tester.testAllPublicInstanceMethods(MueTable.builder());
    tester.testAllPublicInstanceMethods(
        NcciEdits.of(PtpTable.builder().build(), MueTable.builder().build()));
  }
}
