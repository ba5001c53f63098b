package io.github.cpt4j.data.medicare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.data.SameTables;
import io.github.cpt4j.data.load.DataLoadException;
import io.github.cpt4j.fee.medicare.ZipLocalityTable;
import io.github.cpt4j.fee.medicare.dmepos.DmeposZipTable;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fast path of the ZIP5 loader ({@link Zip5Scan}) against the general reader: whatever the
 * bytes, it either declines (and the general reader decides) or gives exactly the general reader's
 * tables, of localities and of states; it never accepts what the general reader refuses. And it
 * does read files as CMS writes them, so that the speed is not lost to a silent fallback.
 */
class Zip5ScanTest {

  /** States in CMS's order, with the two halves of Missouri and Kansas. */
  private static final String[] STATES = {"AK", "AL", "EK", "EM", "NY", "WK", "WM", "WY"};

  /**
   * {@code count} records from ZIP code {@code first} on, states and localities changing every few
   * records, both plus-four flags CMS's layout defines (0 and 1), ending with {@code lineEnd}; each
   * record of 80 characters ending with {@code yearQuarter}, or of 21 when that is null.
   */
  private static String records(int first, int count, String yearQuarter, String lineEnd) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < count; i++) {
      String state = STATES[i / 7 % STATES.length];
      String mac = String.format("%05d", (1_000 + i / 50 * 1_111) % 100_000);
      String locality = String.format("%02d", i / 3 % 100);
      char plusFour = "00110".charAt(i % 5);
      text.append(state)
          .append(String.format("%05d", first + i))
          .append(mac)
          .append(locality)
          .append(" Z9   ")
          .append(plusFour);
      if (yearQuarter != null) {
        text.append(" A").append(" ".repeat(52)).append(yearQuarter);
      }
      text.append(lineEnd);
    }
    return text.toString();
  }

  private static final List<String> GOOD =
      List.of(
          LoaderFixtures.SUBSET + records(10_001, 300, "20254", "\r\n"),
          LoaderFixtures.SUBSET + records(501, 300, "20251", "\n"),
          // Records of 21 characters, which say no quarter.
          LoaderFixtures.SUBSET + records(60_000, 200, null, "\r\n"),
          // Columns 76-80 left blank on every record.
          LoaderFixtures.SUBSET + records(0, 200, "     ", "\r\n"),
          // Short and long records mixed: only the long ones say the quarter.
          LoaderFixtures.SUBSET
              + records(20_000, 100, null, "\n")
              + records(20_100, 100, "20253", "\n"));

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** Same ranges, localities, plus-four flags and quarter. */
  private static void assertSameDated(Zip5File.Dated expected, Zip5File.Dated actual) {
    assertSameTable(expected.table(), actual.table());
    assertEquals(expected.quarter(), actual.quarter());
  }

  private static void assertSameTable(ZipLocalityTable expected, ZipLocalityTable actual) {
    SameTables.assertSameZips(expected, actual);
  }

  private static void assertSameStates(DmeposZipTable expected, DmeposZipTable actual) {
    SameTables.assertSameStates(expected, actual, 100_000);
  }

  /**
   * Checks the law for {@code bytes}, for the states alone too (their general reader checks every
   * record as the localities' does, and refuses more, such as too many states); returns whether the
   * fast path read the localities.
   */
  private static boolean fastIsGeneralOrDeclines(byte[] bytes) throws IOException {
    DmeposZipTable generalStates;
    try {
      generalStates = Zip5File.readStatesGeneral(bytes, "z.txt");
    } catch (DataLoadException refused) {
      generalStates = null;
    }
    DmeposZipTable fastStates = Zip5Scan.states(bytes, Zip5File.MIN_ROWS);
    // One pass for both reads both or neither, as each would.
    Zip5File.WithStates both = Zip5Scan.both(bytes, Zip5File.MIN_ROWS);
    Zip5File.Dated fastLocalities = Zip5Scan.localities(bytes, Zip5File.MIN_ROWS);
    assertEquals(fastLocalities != null && fastStates != null, both != null);
    if (both != null) {
      assertSameDated(fastLocalities, both.dated());
      assertSameStates(fastStates, both.states());
    }
    if (generalStates == null) {
      assertNull(fastStates, "the fast path accepted states the general reader refused");
    } else if (fastStates != null) {
      assertSameStates(generalStates, fastStates);
    }
    return localitiesAreGeneralOrDeclined(bytes);
  }

  private static boolean localitiesAreGeneralOrDeclined(byte[] bytes) throws IOException {
    Zip5File.Dated general;
    try {
      general = Zip5File.readGeneral(bytes, "z.txt");
    } catch (DataLoadException refused) {
      assertNull(
          Zip5Scan.localities(bytes, Zip5File.MIN_ROWS), "the fast path accepted a refused file");
      assertNull(
          Zip5Scan.states(bytes, Zip5File.MIN_ROWS), "the fast path accepted a refused file");
      // The reader of states checks every record as this one does: it refuses the file with the
      // same error.
      DataLoadException states =
          assertThrows(
              DataLoadException.class,
              () -> Zip5File.readStatesGeneral(bytes, "z.txt"),
              "the reader of states accepted a file the reader of localities refused");
      assertEquals(refused.getMessage(), states.getMessage());
      return false;
    }
    Zip5File.Dated fast = Zip5Scan.localities(bytes, Zip5File.MIN_ROWS);
    if (fast == null) {
      return false;
    }
    assertSameDated(general, fast);
    return true;
  }

  @Test
  void readsTheGoodFixtures() throws IOException {
    for (String good : GOOD) {
      assertTrue(fastIsGeneralOrDeclines(bytes(good)), good.substring(0, 200));
    }
  }

  @Test
  void readsAWholeFileWithoutTheSubsetMarker() throws IOException {
    byte[] whole = bytes(records(0, Zip5File.MIN_ROWS, "20254", "\r\n"));
    assertTrue(fastIsGeneralOrDeclines(whole));
    assertEquals(Zip5File.MIN_ROWS, Zip5Scan.localities(whole, Zip5File.MIN_ROWS).table().size());
  }

  @Test
  void declinesTooFewRecordsWithoutTheSubsetMarker() throws IOException {
    byte[] cut = bytes(records(0, Zip5File.MIN_ROWS - 1, "20254", "\r\n"));
    assertNull(Zip5Scan.localities(cut, Zip5File.MIN_ROWS));
    assertNull(Zip5Scan.states(cut, Zip5File.MIN_ROWS));
    assertNull(Zip5Scan.localities(new byte[0], Zip5File.MIN_ROWS));
    assertNull(Zip5Scan.localities(bytes(LoaderFixtures.SUBSET), Zip5File.MIN_ROWS));
  }

  /** What the general reader reads differently or refuses: each is left to it. */
  @Test
  void declinesWhatItLeavesToTheGeneralReader() throws IOException {
    String good = GOOD.get(0);
    List<String> others =
        List.of(
            good.substring(0, good.length() - 2), // no line break at the end
            good.substring(0, good.length() - 1), // a carriage return at the end, alone
            good.replaceFirst("\r\n", "\r\n\r\n"), // a blank line
            good.replaceFirst(" Z9 ", " Z\r9"), // a carriage return inside a record
            good.replaceFirst(" Z9 ", " Z\n9"), // a line feed inside a record
            "\u00EF\u00BB\u00BF" + good, // a byte order mark
            good.replaceFirst("20254\r\n", "20253\r\n"), // two quarters
            good.replaceFirst("20254\r\n", "     \r\n"), // a blank quarter and a dated one
            good.replaceFirst("(?m)^AK10002", "AK10001"), // a ZIP code twice
            good.replaceFirst("(?m)^AK", "Ak"), // not a state
            good.replaceFirst("(?m)^(AK\\d{5})0", "$1O"), // a letter in the contractor
            good.replaceFirst("(?m)^(AK10001.{13})0", "$1 ")); // a blank plus-four flag
    for (String other : others) {
      assertTrue(!other.equals(good));
      assertNull(Zip5Scan.localities(bytes(other), Zip5File.MIN_ROWS), other.substring(0, 120));
      fastIsGeneralOrDeclines(bytes(other));
    }
  }

  /**
   * A DOS end-of-file mark after the last record, with or without a line break or blank lines after
   * it, ends the file for the fast path as for the general reader; before a record, the general
   * reader refuses it, and the fast path leaves it to that reader.
   */
  @Test
  void readsAFinalEndOfFileMark() throws IOException {
    String good = GOOD.get(0);
    for (String end : new String[] {"\u001A", "\u001A\r\n", "\u001A \r\n\r\n", "\u001A\n\n"}) {
      assertTrue(fastIsGeneralOrDeclines(bytes(good + end)), end);
    }
    byte[] before = bytes(good.replaceFirst("\r\n", "\r\n\u001A\r\n"));
    assertNull(Zip5Scan.localities(before, Zip5File.MIN_ROWS));
    assertThrows(DataLoadException.class, () -> Zip5File.readGeneral(before, "z.txt"));
    fastIsGeneralOrDeclines(before);
  }

  /**
   * A state that is none of CMS's ZIP code files' (QQ) is left by the fast path to the general
   * readers, of localities and of states alike, which refuse it at its line and column: before,
   * both fast and general readers loaded it as a state of its own, and a file of 130 invented
   * states was refused only by the reader of states, at the 128th.
   */
  @Test
  void leavesAStateThatIsNoneToTheGeneralReaders() throws IOException {
    String good = GOOD.get(0);
    byte[] invented = bytes(good.replaceFirst("(?m)^NY", "QQ"));
    assertNull(Zip5Scan.localities(invented, Zip5File.MIN_ROWS));
    assertNull(Zip5Scan.states(invented, Zip5File.MIN_ROWS));
    assertNull(Zip5Scan.both(invented, Zip5File.MIN_ROWS));
    DataLoadException localities =
        assertThrows(DataLoadException.class, () -> Zip5File.readGeneral(invented, "z.txt"));
    DataLoadException states =
        assertThrows(DataLoadException.class, () -> Zip5File.readStatesGeneral(invented, "z.txt"));
    assertEquals(localities.getMessage(), states.getMessage());
    assertEquals(1, localities.column());
    assertTrue(
        localities.getMessage().contains("columns 1-2: expected a USPS state code such as NY"),
        localities::getMessage);
    assertTrue(localities.getMessage().endsWith(", found 'QQ'"), localities::getMessage);
    fastIsGeneralOrDeclines(invented);

    // Every code of CMS's file is one, its halves of Missouri and Kansas too.
    assertTrue(fastIsGeneralOrDeclines(bytes(good)));
    for (String code : STATES) {
      assertTrue(Zip5File.isKnownState(code), code);
    }
  }

  /**
   * A blank plus-four flag (column 21) is refused by both general readers at its line and column,
   * and left to them by the fast path: CMS's record layout defines the flag as 0 or 1, and both
   * paths used to read a blank as 0, a ZIP code that straddles localities priced as if it did not.
   */
  @Test
  void refusesABlankPlusFourFlag(@TempDir Path dir) throws IOException {
    String good = GOOD.get(0);
    String blank = good.replaceFirst("(?m)^(AK10003.{13})1", "$1 ");
    assertTrue(!blank.equals(good));
    byte[] damaged = bytes(blank);
    assertNull(Zip5Scan.localities(damaged, Zip5File.MIN_ROWS));
    assertNull(Zip5Scan.states(damaged, Zip5File.MIN_ROWS));
    assertNull(Zip5Scan.both(damaged, Zip5File.MIN_ROWS));
    String expected = "z.txt, line 4, column 21: plus four flag: expected 0 or 1, found ' '";
    assertEquals(
        expected,
        assertThrows(DataLoadException.class, () -> Zip5File.readGeneral(damaged, "z.txt"))
            .getMessage());
    assertEquals(
        expected,
        assertThrows(DataLoadException.class, () -> Zip5File.readStatesGeneral(damaged, "z.txt"))
            .getMessage());
    Path file = Files.write(dir.resolve("z.txt"), damaged);
    assertEquals(
        expected,
        assertThrows(DataLoadException.class, () -> Zip5File.readDatedWithStates(file))
            .getMessage());
    fastIsGeneralOrDeclines(damaged);
  }

  /** The entry points read through the fast path and give what the general reader gives. */
  @Test
  void readsFilesAndStreamsAlike(@TempDir Path dir) throws IOException {
    byte[] good = bytes(GOOD.get(0));
    Path file = dir.resolve("ZIP5_OCT2025.txt");
    Files.write(file, good);
    Zip5File.Dated general = Zip5File.readGeneral(good, "z.txt");
    assertSameDated(general, Zip5File.readDated(file));
    assertSameTable(general.table(), Zip5File.read(file));
    assertSameTable(general.table(), Zip5File.read(new ByteArrayInputStream(good), "z.txt"));
    assertSameStates(Zip5File.readStatesGeneral(good, "z.txt"), Zip5File.readStates(file));
    Zip5File.WithStates both = Zip5File.readDatedWithStates(file);
    assertSameDated(general, both.dated());
    assertSameStates(Zip5File.readStatesGeneral(good, "z.txt"), both.states());

    // A file the fast path leaves to the general readers (a blank line) gives the same.
    byte[] blank = bytes(GOOD.get(0).replaceFirst("\r\n", "\r\n\r\n"));
    assertNull(Zip5Scan.both(blank, Zip5File.MIN_ROWS));
    Files.write(file, blank);
    both = Zip5File.readDatedWithStates(file);
    assertSameDated(Zip5File.readGeneral(blank, "z.txt"), both.dated());
    assertSameStates(Zip5File.readStatesGeneral(blank, "z.txt"), both.states());
  }

  /** CMS's own file, when the machine has it: read by the fast path, and as the general reader. */
  @Test
  void readsTheCmsFile() throws IOException {
    byte[] cms = Files.readAllBytes(CmsFiles.file("2025/ZIP5_OCT2025.txt"));
    assertNotNull(Zip5Scan.localities(cms, Zip5File.MIN_ROWS));
    // Every state it lists is one the readers take: the 50 states, DC and 8 others (EM and WM are
    // MO, EK and WK KS).
    assertNotNull(Zip5Scan.states(cms, Zip5File.MIN_ROWS));
    assertEquals(59, Zip5File.readStatesGeneral(cms, "ZIP5_OCT2025.txt").states().size());
    assertTrue(fastIsGeneralOrDeclines(cms));
  }

  @Provide
  Arbitrary<byte[]> damaged() {
    return ByteDamage.of(
        GOOD,
        ByteDamage.Kind.CUT,
        ByteDamage.Kind.FLIP,
        ByteDamage.Kind.INSERT,
        ByteDamage.Kind.DELETE);
  }

  @Property(tries = 300)
  void damagedFilesReadAsTheGeneralReaderReadsThemOrNotAtAll(@ForAll("damaged") byte[] bytes)
      throws IOException {
    fastIsGeneralOrDeclines(bytes);
  }

  @Property(tries = 200)
  void anyBytes(@ForAll byte[] bytes) throws IOException {
    fastIsGeneralOrDeclines(bytes);
  }
}
