package io.github.cpt4j.data.medicare;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.cpt4j.data.fee.FlatFeeScheduleCsv;
import io.github.cpt4j.data.load.DataLoadException;
import io.github.cpt4j.data.ncci.MueFile;
import io.github.cpt4j.data.ncci.NcciLoadersTest;
import io.github.cpt4j.data.ncci.PtpFile;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Any bytes, and any damage to a good file, either load completely or fail with a {@link
 * DataLoadException} that names the file: never another exception, and never a table (loads build
 * nothing until every row is read, so a table returned is a whole one).
 */
class LoaderProperties {

  /** One loader, reading a stream named "f.csv". */
  @FunctionalInterface
  interface Loader {
    Object load(byte[] bytes) throws Exception;
  }

  private static final List<Loader> LOADERS =
      List.of(
          b -> RvuFile.read(new ByteArrayInputStream(b), "f.csv"),
          b -> GpciFile.read(new ByteArrayInputStream(b), "f.csv", GpciFile.WorkGpci.WITH_FLOOR),
          b -> OppsCapFile.read(new ByteArrayInputStream(b), "f.csv"),
          b -> Zip5File.read(new ByteArrayInputStream(b), "f.csv"),
          b -> ConversionFactorFile.read(new ByteArrayInputStream(b), "f.csv"),
          b -> PaymentAmountFile.read(new ByteArrayInputStream(b), "f.csv"),
          b -> ClfsFile.read(new ByteArrayInputStream(b), "f.csv"),
          b -> DmeposFile.read(new ByteArrayInputStream(b), "f.csv", PartBLoadersTest.ZIPS),
          b -> DmeposRuralZipFile.read(new ByteArrayInputStream(b), "f.csv", PartBLoadersTest.ZIPS),
          b -> AspFile.read(new ByteArrayInputStream(b), "f.csv"),
          b -> AnesthesiaConversionFactorFile.read(new ByteArrayInputStream(b), "f.csv"),
          b -> AnesthesiaBaseUnitFile.read(new ByteArrayInputStream(b), "f.csv"),
          b -> PtpFile.read(new ByteArrayInputStream(b), "f.csv"),
          b -> MueFile.read(new ByteArrayInputStream(b), "f.csv"),
          b -> FlatFeeScheduleCsv.read(new ByteArrayInputStream(b), "f.csv"));

  private static final List<String> GOOD =
      List.of(
          LoaderFixtures.rvu2025(),
          LoaderFixtures.rvu2026(),
          LoaderFixtures.gpci2025(),
          LoaderFixtures.gpci2026(),
          DamagedFilesTest.OPPS,
          DamagedFilesTest.ZIP5,
          PartBLoadersTest.CLFS,
          PartBLoadersTest.DMEPOS,
          PartBLoadersTest.ASP,
          LoaderFixtures.SUBSET
              + "STATE,DMEPOS RURAL ZIP CODE,YEAR/QTR\nNY,10985,202501\nNY,12010,202501\n",
          LoaderFixtures.SUBSET
              + "Contractor,Locality,Locality Name,National Anes CF of 20.3178\r\n"
              + "10112 ,00 ,ALABAMA,19.31 \r\n",
          NcciLoadersTest.PTP_HEADER + "27447\t20610\t\t20020101\t*\t1\tMutually exclusive\n",
          NcciLoadersTest.MUE_HEADER + "99213,1,3 Date of Service Edit: Clinical,Clinical\n",
          "code,amount\n99213,100.00\n");

  private static void loadsOrFailsCleanly(byte[] bytes) {
    for (Loader loader : LOADERS) {
      try {
        loader.load(bytes);
      } catch (DataLoadException e) {
        assertTrue(e.getMessage().startsWith("f.csv"), e::getMessage);
      } catch (Exception | Error e) {
        fail("not a DataLoadException: " + e, e);
      }
    }
  }

  @Property(tries = 200)
  void anyBytes(@ForAll byte[] bytes) {
    loadsOrFailsCleanly(bytes);
  }

  @Provide
  Arbitrary<byte[]> damaged() {
    return ByteDamage.of(GOOD, ByteDamage.Kind.CUT, ByteDamage.Kind.FLIP, ByteDamage.Kind.INSERT);
  }

  @Property(tries = 500)
  void damagedGoodFiles(@ForAll("damaged") byte[] bytes) {
    loadsOrFailsCleanly(bytes);
  }

  /** A good file cut inside a line (not at its end) never loads. */
  @Property(tries = 200)
  void aCutFileNeverLoads(@ForAll("cutInALine") byte[] bytes) throws Exception {
    boolean oppsCap = new String(bytes, StandardCharsets.ISO_8859_1).contains("PROCSTAT");
    Loader loader = oppsCap ? LOADERS.get(2) : LOADERS.get(0);
    try {
      loader.load(bytes);
      fail("a cut file loaded");
    } catch (DataLoadException expected) {
      // refused, as it must be
    }
  }

  @Provide
  Arbitrary<byte[]> cutInALine() {
    return Combinators.combine(
            Arbitraries.of(LoaderFixtures.rvu2025(), DamagedFilesTest.OPPS),
            Arbitraries.integers().between(1, 60))
        .as(
            (text, back) -> {
              // Somewhere in the last data line, never right after its line break.
              int lastLineStart = text.lastIndexOf('\n', text.length() - 2) + 1;
              int end = Math.max(lastLineStart + 1, text.length() - 1 - back);
              return text.substring(0, end).getBytes(StandardCharsets.ISO_8859_1);
            });
  }

  /**
   * A data row short of fields inside a good file, its line break kept, never loads: by neither
   * reader of the relative value file (the fast scan and the general reader), nor the OPPS cap
   * reader. (A file cut at its end also lacks its last line break; this one does not.)
   */
  @Property(tries = 200)
  void aShortRowInsideAFileNeverLoads(@ForAll("shortRow") String text) throws Exception {
    byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
    List<Loader> loaders =
        text.contains("PROCSTAT")
            ? List.of(LOADERS.get(2))
            : List.of(LOADERS.get(0), b -> RvuFile.readGeneral(b, "f.csv"));
    for (Loader loader : loaders) {
      try {
        loader.load(bytes);
        fail("a file with a short row loaded:\n" + text);
      } catch (DataLoadException expected) {
        assertTrue(expected.getMessage().startsWith("f.csv"), expected::getMessage);
      }
    }
  }

  @Provide
  Arbitrary<String> shortRow() {
    return Combinators.combine(
            Arbitraries.of(
                LoaderFixtures.rvu2025(), LoaderFixtures.rvu2026(), DamagedFilesTest.OPPS),
            Arbitraries.integers().between(0, 1000),
            Arbitraries.integers().between(1, 6))
        .as(
            (text, which, dropped) -> {
              List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
              List<Integer> data = new ArrayList<>();
              for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).matches("(?!HCPCS)[0-9A-Z]{5},.*")) {
                  data.add(i);
                }
              }
              int row = data.get(which % data.size());
              String line = lines.get(row);
              int cut = line.length();
              for (int k = 0; k < dropped; k++) {
                cut = line.lastIndexOf(',', cut - 1);
              }
              lines.set(row, line.substring(0, cut));
              return String.join("\n", lines);
            });
  }

  /**
   * A relative value over the largest an RVU row holds (99999.99) never loads, through either
   * reader: refused with the file's name, never another exception.
   */
  @Property(tries = 200)
  void anRvuTooLargeNeverLoads(
      @ForAll("rowIndex") int row,
      @ForAll("column") int column,
      @ForAll("tooLarge") BigDecimal value)
      throws Exception {
    List<String> rows = new ArrayList<>(LoaderFixtures.RVU_2025_ROWS);
    String[] cells = rows.get(row).split(",", -1);
    if (cells[2].startsWith("\"")) {
      return; // a quoted description with a comma: the columns are not where split puts them
    }
    cells[column] = value.toPlainString();
    rows.set(row, String.join(",", cells));
    byte[] bytes =
        (LoaderFixtures.SUBSET
                + LoaderFixtures.RVU_2025_HEADER
                + "\n"
                + String.join("\n", rows)
                + "\n")
            .getBytes(StandardCharsets.ISO_8859_1);
    for (Loader loader : List.<Loader>of(LOADERS.get(0), b -> RvuFile.readGeneral(b, "f.csv"))) {
      try {
        loader.load(bytes);
        fail("an RVU of " + value + " loaded");
      } catch (DataLoadException expected) {
        assertTrue(expected.getMessage().startsWith("f.csv"), expected::getMessage);
      }
    }
  }

  @Provide
  Arbitrary<Integer> rowIndex() {
    return Arbitraries.integers().between(0, LoaderFixtures.RVU_2025_ROWS.size() - 1);
  }

  @Provide
  Arbitrary<Integer> column() {
    // Work, non-facility PE, facility PE, malpractice, and the three OPPS columns.
    return Arbitraries.of(5, 6, 8, 10, 28, 29, 30);
  }

  @Provide
  Arbitrary<BigDecimal> tooLarge() {
    return Arbitraries.bigDecimals()
        .between(new BigDecimal("100000.00"), new BigDecimal("99999999.99"))
        .ofScale(2);
  }
}
