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
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

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

  private static final Loader RVU = b -> RvuFile.read(new ByteArrayInputStream(b), "f.csv");
  private static final Loader GPCI =
      b -> GpciFile.read(new ByteArrayInputStream(b), "f.csv", GpciFile.WorkGpci.WITH_FLOOR);
  private static final Loader OPPS_CAP =
      b -> OppsCapFile.read(new ByteArrayInputStream(b), "f.csv");
  private static final Loader ZIP5 = b -> Zip5File.read(new ByteArrayInputStream(b), "f.csv");
  private static final Loader CONVERSION_FACTORS =
      b -> ConversionFactorFile.read(new ByteArrayInputStream(b), "f.csv");
  private static final Loader PAYMENT_AMOUNTS =
      b -> PaymentAmountFile.read(new ByteArrayInputStream(b), "f.csv");
  private static final Loader CLFS = b -> ClfsFile.read(new ByteArrayInputStream(b), "f.csv");
  private static final Loader DMEPOS =
      b -> DmeposFile.read(new ByteArrayInputStream(b), "f.csv", PartBLoadersTest.ZIPS);
  private static final Loader DMEPOS_RURAL =
      b -> DmeposRuralZipFile.read(new ByteArrayInputStream(b), "f.csv", PartBLoadersTest.ZIPS);
  private static final Loader ASP = b -> AspFile.read(new ByteArrayInputStream(b), "f.csv");
  private static final Loader ANESTHESIA_FACTORS =
      b -> AnesthesiaConversionFactorFile.read(new ByteArrayInputStream(b), "f.csv");
  private static final Loader BASE_UNITS =
      b -> AnesthesiaBaseUnitFile.read(new ByteArrayInputStream(b), "f.csv");
  private static final Loader PTP = b -> PtpFile.read(new ByteArrayInputStream(b), "f.csv");
  private static final Loader MUE = b -> MueFile.read(new ByteArrayInputStream(b), "f.csv");
  private static final Loader FLAT_FEES =
      b -> FlatFeeScheduleCsv.read(new ByteArrayInputStream(b), "f.csv");

  private static final List<Loader> LOADERS =
      List.of(
          RVU,
          GPCI,
          OPPS_CAP,
          ZIP5,
          CONVERSION_FACTORS,
          PAYMENT_AMOUNTS,
          CLFS,
          DMEPOS,
          DMEPOS_RURAL,
          ASP,
          ANESTHESIA_FACTORS,
          BASE_UNITS,
          PTP,
          MUE,
          FLAT_FEES);

  /** A good file of one loader's kind, which loads as it is, named for the statistics. */
  record Good(String name, String text, Loader loader) {
    byte[] bytes() {
      return text.getBytes(StandardCharsets.ISO_8859_1);
    }
  }

  /**
   * A good file per loader, each marked as a subset where its loader reads the marker, so that it
   * loads undamaged and a damaged copy reaches its rows: a file refused as a whole (at its header,
   * or as too few rows) tested nothing of how a row is read. Numbers only where CMS's files hold
   * descriptions. The conversion factor history is written by hand and has no row minimum, and the
   * anesthesia base unit file reads no marker: that one holds the 100 codes it needs.
   */
  private static final List<Good> GOOD =
      List.of(
          new Good("RVU 2025", LoaderFixtures.rvu2025(), RVU),
          new Good("RVU 2026", LoaderFixtures.rvu2026(), RVU),
          new Good("GPCI 2025", LoaderFixtures.gpci2025(), GPCI),
          new Good("GPCI 2026", LoaderFixtures.gpci2026(), GPCI),
          new Good("OPPS cap", DamagedFilesTest.OPPS, OPPS_CAP),
          new Good("ZIP5", DamagedFilesTest.ZIP5, ZIP5),
          new Good(
              "conversion factors",
              "effective_from,effective_to,pfs_cf,anesthesia_cf,applies_to\n"
                  + "2026-01-01,2026-12-31,33.4009,20.4976,non-qualifying APM participants\n"
                  + "2026-01-01,2026-12-31,33.5675,20.5998,qualifying APM participants\n",
              CONVERSION_FACTORS),
          new Good(
              "payment amounts",
              LoaderFixtures.SUBSET
                  + "\"2025\",\"01112\",\"05\",\"76145\",\"  \",\"0001339.81\",\"0001339.81\","
                  + "\" \",\"3\",\"A\",\"0\",\"0000000.00\",\"0000000.00\",\"9\",\"0000000.00\","
                  + "\"0000000.00\"\r\n"
                  + "\"2025\",\"13282\",\"99\",\"90471\",\"  \",\"0000019.24\",\"0000019.24\","
                  + "\" \",\"5\",\"A\",\"0\",\"0000000.00\",\"0000000.00\",\"9\",\"0000000.00\","
                  + "\"0000000.00\"\r\n"
                  + "\"TRL- A TRAILER RECORD\"\r\n",
              PAYMENT_AMOUNTS),
          new Good("CLFS", PartBLoadersTest.CLFS, CLFS),
          new Good("DMEPOS", PartBLoadersTest.DMEPOS, DMEPOS),
          new Good(
              "DMEPOS rural ZIP",
              LoaderFixtures.SUBSET
                  + "STATE,DMEPOS RURAL ZIP CODE,YEAR/QTR\nNY,10985,202501\nNY,12010,202501\n",
              DMEPOS_RURAL),
          new Good("ASP", PartBLoadersTest.ASP, ASP),
          new Good(
              "ANES",
              LoaderFixtures.SUBSET
                  + "Contractor,Locality,Locality Name,National Anes CF of 20.3178\r\n"
                  + "10112 ,00 ,ALABAMA,19.31 \r\n",
              ANESTHESIA_FACTORS),
          new Good("anesthesia base units", baseUnits(), BASE_UNITS),
          new Good(
              "PTP",
              LoaderFixtures.SUBSET
                  + NcciLoadersTest.PTP_HEADER
                  + "27447\t20610\t\t20020101\t*\t1\tMutually exclusive\n"
                  + "29880\t29877\t*\t19960101\t20231231\t0\tMutually exclusive\n",
              PTP),
          new Good(
              "MUE",
              LoaderFixtures.SUBSET
                  + NcciLoadersTest.MUE_HEADER
                  + "99213,1,3 Date of Service Edit: Clinical,Clinical\n"
                  + "27447,1,2 Date of Service Edit: Policy,Anatomic Consideration\n",
              MUE),
          new Good("flat fees", "code,amount\n99213,100.00\n", FLAT_FEES));

  /** An anesthesia base unit file of 100 codes (00100-00199), the fewest a whole one may have. */
  private static String baseUnits() {
    StringBuilder units = new StringBuilder("CODE\t2025\r\n\tBASE\r\n\tUNIT\r\n");
    for (int n = 100; n < 100 + AnesthesiaBaseUnitFile.MIN_CODES; n++) {
      units.append(String.format(Locale.ROOT, "%05d\t%d\r\n", n, 3 + n % 12));
    }
    return units.toString();
  }

  private static void loadsOrFailsCleanly(byte[] bytes) {
    for (Loader loader : LOADERS) {
      loadsOrFailsCleanly(loader, bytes);
    }
  }

  /** Returns whether {@code loader} loaded {@code bytes}: else it refused them cleanly. */
  private static boolean loadsOrFailsCleanly(Loader loader, byte[] bytes) {
    try {
      loader.load(bytes);
      return true;
    } catch (DataLoadException e) {
      assertTrue(e.getMessage().startsWith("f.csv"), e::getMessage);
      return false;
    } catch (Exception | Error e) {
      return fail("not a DataLoadException: " + e, e);
    }
  }

  @Property(tries = 200)
  void anyBytes(@ForAll byte[] bytes) {
    loadsOrFailsCleanly(bytes);
  }

  /** Each good file loads as it is, by its own loader: else its damaged copies test nothing. */
  @Example
  void everyGoodFileLoads() throws Exception {
    for (Good good : GOOD) {
      try {
        good.loader().load(good.bytes());
      } catch (DataLoadException e) {
        fail(good.name() + " did not load: " + e.getMessage(), e);
      }
    }
  }

  @Provide
  Arbitrary<List<ByteDamage.Damage>> damages() {
    return ByteDamage.damages(ByteDamage.Kind.values()).list().ofSize(GOOD.size());
  }

  /**
   * Every good file, damaged once (cut, a byte changed, inserted or deleted), loads or is refused
   * cleanly by its own loader; across the tries, some damaged copies of each file still load and
   * some are refused, so both sides of the law are reached for every loader.
   */
  @Property(tries = 300)
  void damagedGoodFiles(@ForAll("damages") List<ByteDamage.Damage> damages) {
    for (int i = 0; i < GOOD.size(); i++) {
      Good good = GOOD.get(i);
      ByteDamage.Damage damage = damages.get(i);
      byte[] bytes = damage.applyTo(good.bytes());
      boolean loaded;
      try {
        loaded = loadsOrFailsCleanly(good.loader(), bytes);
      } catch (AssertionError e) {
        throw new AssertionError(good.name() + " damaged by " + damage + ": " + e.getMessage(), e);
      }
      Statistics.label("damaged copies").collect(good.name(), loaded ? "load" : "refused");
    }
    Statistics.label("damaged copies")
        .coverage(
            c -> {
              for (Good good : GOOD) {
                c.check(good.name(), "load").count(n -> n >= 5);
                c.check(good.name(), "refused").count(n -> n >= 5);
              }
            });
  }

  /** A good file cut inside a line (not at its end) never loads. */
  @Property(tries = 200)
  void aCutFileNeverLoads(@ForAll("cutInALine") byte[] bytes) throws Exception {
    boolean oppsCap = new String(bytes, StandardCharsets.ISO_8859_1).contains("PROCSTAT");
    Loader loader = oppsCap ? OPPS_CAP : RVU;
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
            ? List.of(OPPS_CAP)
            : List.of(RVU, b -> RvuFile.readGeneral(b, "f.csv"));
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
    cells[column] = value.toPlainString();
    rows.set(row, String.join(",", cells));
    byte[] bytes =
        (LoaderFixtures.SUBSET
                + LoaderFixtures.RVU_2025_HEADER
                + "\n"
                + String.join("\n", rows)
                + "\n")
            .getBytes(StandardCharsets.ISO_8859_1);
    for (Loader loader : List.<Loader>of(RVU, b -> RvuFile.readGeneral(b, "f.csv"))) {
      try {
        loader.load(bytes);
        fail("an RVU of " + value + " loaded");
      } catch (DataLoadException expected) {
        assertTrue(expected.getMessage().startsWith("f.csv"), expected::getMessage);
      }
    }
  }

  /**
   * A row whose cells a split at every comma finds: not one with a quoted description holding a
   * comma, for which the property returned early, passing 14% of its tries without a check.
   */
  @Provide
  Arbitrary<Integer> rowIndex() {
    List<Integer> unquoted = new ArrayList<>();
    for (int i = 0; i < LoaderFixtures.RVU_2025_ROWS.size(); i++) {
      if (!LoaderFixtures.RVU_2025_ROWS.get(i).contains("\"")) {
        unquoted.add(i);
      }
    }
    return Arbitraries.of(unquoted);
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
