package io.github.cpt4j.data.medicare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.data.load.DataLoadException;
import io.github.cpt4j.fee.medicare.pfs.PaymentStatus;
import io.github.cpt4j.fee.medicare.pfs.PcTcIndicator;
import io.github.cpt4j.fee.medicare.pfs.RvuTable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast path of the relative value file loader ({@link RvuScan}) against the general reader:
 * whatever the bytes, it either declines (and the general reader decides) or returns exactly the
 * general reader's table; it never accepts what the general reader refuses. And it does read the
 * files CMS publishes and the bundled samples, so that the speed is not lost to a silent fallback.
 */
class RvuScanTest {

  private static final List<String> GOOD =
      List.of(
          LoaderFixtures.rvu2025(),
          LoaderFixtures.rvu2026(),
          // Quotes in the description, a blank line, CRLF line ends, the DOS end-of-file line.
          LoaderFixtures.rvu2025()
              .replace("\n", "\r\n")
              .replaceFirst("(?m)^(99213,,)[^,\\r]*", "$1\"Office visit, \"\"low\"\"\"")
              .concat("\r\n,,,,\r\n\u001A,,,\r\n"),
          // Every status and every indicator value, so that damage reaches each of them.
          AllIndicatorsFixture.file2025(AllIndicatorsFixture.rows2025()),
          // Without the optional total columns.
          LoaderFixtures.withoutTotals(LoaderFixtures.rvu2025()));

  /** Same rows, same values and scales, same year and conversion factor. */
  private static void assertSameTable(RvuTable expected, RvuTable actual) {
    assertEquals(expected.all(), actual.all());
    assertEquals(expected.year(), actual.year());
    assertEquals(expected.conversionFactor(), actual.conversionFactor());
  }

  /** Checks the law for {@code bytes}; returns whether the fast path read them. */
  private static boolean fastIsGeneralOrDeclines(byte[] bytes) throws IOException {
    RvuTable general;
    try {
      general = RvuFile.readGeneral(bytes, "f.csv");
    } catch (DataLoadException refused) {
      assertNull(RvuScan.scan(bytes, "f.csv"), "the fast path accepted a refused file");
      return false;
    }
    RvuTable fast = RvuScan.scan(bytes, "f.csv");
    if (fast == null) {
      return false;
    }
    assertSameTable(general, fast);
    return true;
  }

  @Test
  void readsTheGoodFixtures() throws IOException {
    for (String good : GOOD) {
      byte[] bytes = good.getBytes(StandardCharsets.ISO_8859_1);
      assertNotNull(RvuScan.scan(bytes, "f.csv"), good);
      fastIsGeneralOrDeclines(bytes);
    }
  }

  @Test
  void dropsTheByteOrderMark() throws IOException {
    byte[] good = LoaderFixtures.rvu2025().getBytes(StandardCharsets.ISO_8859_1);
    byte[] marked = new byte[good.length + 3];
    marked[0] = (byte) 0xEF;
    marked[1] = (byte) 0xBB;
    marked[2] = (byte) 0xBF;
    System.arraycopy(good, 0, marked, 3, good.length);
    assertNotNull(RvuScan.scan(marked, "f.csv"));
    assertSameTable(RvuFile.readGeneral(good, "f.csv"), RvuScan.scan(marked, "f.csv"));
  }

  @Test
  void declinesALastLineWithoutLineBreak() throws IOException {
    String good = LoaderFixtures.rvu2025();
    byte[] cut = good.substring(0, good.length() - 1).getBytes(StandardCharsets.ISO_8859_1);
    assertNull(RvuScan.scan(cut, "f.csv"));
  }

  @Test
  void declinesTooFewRowsWithoutTheSubsetMarker() throws IOException {
    String good = LoaderFixtures.rvu2025();
    byte[] unmarked =
        good.substring(LoaderFixtures.SUBSET.length()).getBytes(StandardCharsets.ISO_8859_1);
    assertNull(RvuScan.scan(unmarked, "f.csv"));
    fastIsGeneralOrDeclines(unmarked);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "pprrvu-2025-jan-sample.csv",
        "pprrvu-2025-apr-sample.csv",
        "pprrvu-2025-jul-sample.csv",
        "pprrvu-2025-oct-sample.csv",
        "pprrvu-2026-jan-sample.csv"
      })
  void readsTheBundledSamples(String name) throws IOException {
    byte[] bytes;
    try (InputStream in =
        RvuScanTest.class.getResourceAsStream("/io/github/cpt4j/data/medicare/" + name)) {
      assertNotNull(in, name);
      bytes = in.readAllBytes();
    }
    assertNotNull(RvuScan.scan(bytes, name), name);
    fastIsGeneralOrDeclines(bytes);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2025/PPRRVU2025_Oct.csv",
        "2025/quarterly/PPRRVU25_JAN.csv",
        "2025/quarterly/PPRRVU25_APR.csv",
        "2025/quarterly/PPRRVU2025_Jul.csv",
        "2026/PPRRVU2026_Jan_QPP-subset.csv",
        "2026/PPRRVU2026_Jan_nonQPP-subset.csv"
      })
  void readsTheCmsFiles(String relative) throws IOException {
    byte[] bytes = Files.readAllBytes(CmsFiles.file(relative));
    assertNotNull(RvuScan.scan(bytes, relative), relative);
    fastIsGeneralOrDeclines(bytes);
  }

  /**
   * One figure of a row of the October file changed (99213's work RVU, 1.30 read as 1.03, with its
   * totals unchanged; 27447's INTRA OP share, 0.69 read as 0.96): refused by both readers with the
   * same message, at the total or the shares, where it used to load and be priced.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "99213 | 5 | 1.30 | 1.03 | line 12807, column 12: NON-FACILITY TOTAL: work 1.03 +"
            + " non-facility practice expense 1.35 + malpractice 0.10 = 2.48, but the row's"
            + " non-facility total is 2.75",
        "27447 | 16 | 0.69 | 0.96 | line 2773, column 16: PRE OP: the shares of the global"
            + " package, PRE OP 0.10 + INTRA OP 0.96 + POST OP 0.21, sum to 1.27: expected 1.00"
      })
  void refusesTheOctoberFileWithOneFigureDamaged(String damage) throws IOException {
    String[] d = damage.split(" \\| ", -1);
    byte[] bytes = Files.readAllBytes(CmsFiles.file("2025/PPRRVU2025_Oct.csv"));
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    int start = text.indexOf("\n" + d[0] + ",,") + 1;
    int end = text.indexOf('\n', start);
    // The columns from the end of the row: its description, before them, may hold commas.
    String[] fields = text.substring(start, end).split(",", -1);
    int column = fields.length - 31 + Integer.parseInt(d[1]);
    assertEquals(d[2], fields[column]);
    fields[column] = d[3];
    byte[] damaged =
        (text.substring(0, start) + String.join(",", fields) + text.substring(end))
            .getBytes(StandardCharsets.ISO_8859_1);
    assertNull(RvuScan.scan(damaged, "PPRRVU2025_Oct.csv"));
    DataLoadException general =
        org.junit.jupiter.api.Assertions.assertThrows(
            DataLoadException.class, () -> RvuFile.readGeneral(damaged, "PPRRVU2025_Oct.csv"));
    DataLoadException read =
        org.junit.jupiter.api.Assertions.assertThrows(
            DataLoadException.class,
            () -> RvuFile.read(new java.io.ByteArrayInputStream(damaged), "PPRRVU2025_Oct.csv"));
    assertEquals(general.getMessage(), read.getMessage());
    assertTrue(general.getMessage().startsWith("PPRRVU2025_Oct.csv, " + d[4]), general::getMessage);
  }

  /**
   * A row's RVUs, totals and shares changed to other figures, which may or may not add up: the fast
   * path reads the file as the general reader does, or declines it, never loading what the general
   * reader refuses (their checks of the totals and the shares kept in step).
   */
  @Property(tries = 300)
  void changedFiguresReadAsTheGeneralReaderReadsThem(
      @ForAll("rowIndex") int row,
      @ForAll("figureColumn") int column,
      @ForAll("figure") String figure)
      throws IOException {
    List<String[]> rows = AllIndicatorsFixture.rows2025();
    String[] changed = rows.get(row % rows.size()).clone();
    changed[column] = figure;
    rows.set(row % rows.size(), changed);
    for (String file :
        List.of(
            AllIndicatorsFixture.file2025(rows),
            LoaderFixtures.withoutTotals(AllIndicatorsFixture.file2025(rows)))) {
      byte[] bytes = file.getBytes(StandardCharsets.ISO_8859_1);
      // And it declines only what the general reader refuses: these rows are all it reads.
      assertEquals(!generalRefuses(bytes), fastIsGeneralOrDeclines(bytes));
    }
  }

  private static boolean generalRefuses(byte[] bytes) throws IOException {
    try {
      RvuFile.readGeneral(bytes, "f.csv");
      return false;
    } catch (DataLoadException refused) {
      return true;
    }
  }

  @Provide
  Arbitrary<Integer> rowIndex() {
    return Arbitraries.integers().between(0, 1_000);
  }

  /** WORK, NON-FAC PE, FACILITY PE, MP, the two totals, PRE, INTRA and POST OP (2025 layout). */
  @Provide
  Arbitrary<Integer> figureColumn() {
    return Arbitraries.of(5, 6, 8, 10, 11, 12, 15, 16, 17);
  }

  @Provide
  Arbitrary<String> figure() {
    return Arbitraries.oneOf(
        Arbitraries.of("0.00", "0", "1.00", "1", "0.10", "0.80", "2.10", "1.60", "1.5500", "0.4"),
        Arbitraries.integers()
            .between(0, 2_000)
            .map(n -> java.math.BigDecimal.valueOf(n, 2).toPlainString()));
  }

  @Test
  void readsEveryStatusAndIndicatorValue() throws IOException {
    for (String file :
        List.of(
            AllIndicatorsFixture.file2025(AllIndicatorsFixture.rows2025()),
            AllIndicatorsFixture.file2026(AllIndicatorsFixture.rows2026()))) {
      byte[] bytes = file.getBytes(StandardCharsets.ISO_8859_1);
      assertNotNull(RvuScan.scan(bytes, "f.csv"));
      assertTrue(fastIsGeneralOrDeclines(bytes));
      // The fixture does hold every value (else the law above would not look at it).
      RvuTable table = RvuFile.readGeneral(bytes, "f.csv");
      assertEquals(
          EnumSet.allOf(PaymentStatus.class),
          table.all().stream()
              .map(e -> e.indicators().status())
              .collect(Collectors.toCollection(() -> EnumSet.noneOf(PaymentStatus.class))));
      assertEquals(
          EnumSet.allOf(PcTcIndicator.class),
          table.all().stream()
              .map(e -> e.indicators().pcTc())
              .collect(Collectors.toCollection(() -> EnumSet.noneOf(PcTcIndicator.class))));
    }
  }

  /**
   * Any rows of the every-value fixture, in any order: a row is read alike whatever rows came
   * before it (the fast path reuses the indicators of an earlier row with the same bytes).
   */
  @Property(tries = 100)
  void everyValueReadAsTheGeneralReaderReadsIt(@ForAll("everyValueFiles") String file)
      throws IOException {
    byte[] bytes = file.getBytes(StandardCharsets.ISO_8859_1);
    assertTrue(fastIsGeneralOrDeclines(bytes), "the fast path declined a good file");
  }

  @Provide
  Arbitrary<String> everyValueFiles() {
    List<String[]> rows2025 = AllIndicatorsFixture.rows2025();
    List<String[]> rows2026 = AllIndicatorsFixture.rows2026();
    Arbitrary<String> in2025 =
        Arbitraries.integers()
            .between(0, rows2025.size() - 1)
            .list()
            .uniqueElements()
            .ofMinSize(1)
            .ofMaxSize(rows2025.size())
            .map(picked -> AllIndicatorsFixture.file2025(pick(rows2025, picked)));
    Arbitrary<String> in2026 =
        Arbitraries.integers()
            .between(0, rows2026.size() - 1)
            .list()
            .uniqueElements()
            .ofMinSize(1)
            .ofMaxSize(rows2026.size())
            .map(picked -> AllIndicatorsFixture.file2026(pick(rows2026, picked)));
    return Arbitraries.oneOf(in2025, in2026);
  }

  private static List<String[]> pick(List<String[]> rows, List<Integer> picked) {
    return picked.stream().map(rows::get).toList();
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

  @Property(tries = 500)
  void damagedFilesReadAsTheGeneralReaderReadsThemOrNotAtAll(@ForAll("damaged") byte[] bytes)
      throws IOException {
    fastIsGeneralOrDeclines(bytes);
  }

  @Property(tries = 200)
  void anyBytes(@ForAll byte[] bytes) throws IOException {
    fastIsGeneralOrDeclines(bytes);
  }

  /** A blank field may hold spaces: the fast path reads it as empty, as the general reader does. */
  @Test
  void readsBlankFieldsOfSpaces() throws IOException {
    String good = LoaderFixtures.rvu2025();
    String spaced =
        good.replaceFirst("(?m)^99213,,", "99213, ,")
            .replaceFirst("(?m)^(99213,.*,0,),(32)", "$1 ,$2");
    assertTrue(!spaced.equals(good) && spaced.contains("99213, ,") && spaced.contains("0, ,32"));
    byte[] bytes = spaced.getBytes(StandardCharsets.ISO_8859_1);
    assertNotNull(RvuScan.scan(bytes, "f.csv"));
    assertTrue(fastIsGeneralOrDeclines(bytes));
  }

  /**
   * A DOS end-of-file mark ends the file without a line break after it too, and with blank lines
   * after it: read by the fast path, as by the general reader (which refused the first as cut
   * short), not left to the general reader.
   */
  @ParameterizedTest
  @ValueSource(strings = {"\u001A", "\u001A,,,", "\u001A,,,\r\n,,,\r\n\r\n", "\u001A\n\n"})
  void readsAFinalEndOfFileMark(String end) throws IOException {
    byte[] bytes = (LoaderFixtures.rvu2025() + end).getBytes(StandardCharsets.ISO_8859_1);
    assertNotNull(RvuScan.scan(bytes, "f.csv"));
    assertTrue(fastIsGeneralOrDeclines(bytes));
  }

  /** A DOS end-of-file line with rows after it is data, which the general reader refuses. */
  @Test
  void declinesAnEndOfFileLineBeforeTheLastLine() throws IOException {
    String good = LoaderFixtures.rvu2025();
    int lastLine = good.lastIndexOf('\n', good.length() - 2) + 1;
    byte[] bytes =
        (good.substring(0, lastLine) + "\u001A,,,\n" + good.substring(lastLine))
            .getBytes(StandardCharsets.ISO_8859_1);
    assertNull(RvuScan.scan(bytes, "f.csv"));
    fastIsGeneralOrDeclines(bytes);
  }

  /** A row given twice is refused by the general reader, so the fast path declines it. */
  @Test
  void declinesARowGivenTwice() throws IOException {
    String good = LoaderFixtures.rvu2025();
    String lastLine = good.substring(good.lastIndexOf('\n', good.length() - 2) + 1);
    byte[] bytes = (good + lastLine).getBytes(StandardCharsets.ISO_8859_1);
    assertNull(RvuScan.scan(bytes, "f.csv"));
    fastIsGeneralOrDeclines(bytes);
  }

  /**
   * Two rows whose indicators differ only in the payment status, and whose cache keys the fast path
   * hashes to the same first slot: the second must not be handed the first's indicators. (The slot
   * is computed here as the fast path's cache computes it, in its first 1,024 slots; should that
   * hash change, the pairs found here may no longer meet, and this test says nothing more.)
   */
  @Test
  void rowsWhoseIndicatorsMeetInTheCacheKeepTheirOwnStatus() throws IOException {
    String[] base = AllIndicatorsFixture.rows2025().get(0);
    int pairs = 0;
    for (int family = 0; family < 100 && pairs < 3; family++) {
      String[] row = base.clone();
      row[27] = String.format("%02d", family);
      // The key: the status, then the bytes from the first other indicator (PCTC) to the last.
      String range = String.join(",", java.util.Arrays.copyOfRange(row, 13, 28));
      java.util.Map<Integer, String> statusBySlot = new java.util.HashMap<>();
      // A status padded with a space, before or after: more keys, and so more that meet.
      for (PaymentStatus status : PaymentStatus.values()) {
        for (String code : new String[] {" " + status.code(), status.code() + " "}) {
          String earlier = statusBySlot.putIfAbsent(cacheSlot(code, range), code);
          if (earlier == null || earlier.strip().equals(code.strip())) {
            continue;
          }
          String[] first = row.clone();
          first[0] = "10001";
          first[3] = earlier;
          String[] second = row.clone();
          second[0] = "10002";
          second[3] = code;
          byte[] bytes =
              AllIndicatorsFixture.file2025(List.of(first, second))
                  .getBytes(StandardCharsets.ISO_8859_1);
          assertTrue(fastIsGeneralOrDeclines(bytes), earlier + " and " + code);
          pairs++;
        }
      }
    }
    assertTrue(pairs > 0, "no two rows meet in the cache");
  }

  private static int cacheSlot(String status, String range) {
    int hash = status.length();
    for (byte b : (status + range).getBytes(StandardCharsets.ISO_8859_1)) {
      hash = 31 * hash + b;
    }
    return (hash ^ (hash >>> 16)) & 1023;
  }
}
