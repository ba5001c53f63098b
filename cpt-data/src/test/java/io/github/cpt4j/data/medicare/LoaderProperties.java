package io.github.cpt4j.data.medicare;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.cpt4j.data.fee.FlatFeeScheduleCsv;
import io.github.cpt4j.data.load.DataLoadException;
import io.github.cpt4j.data.ncci.MueFile;
import io.github.cpt4j.data.ncci.NcciLoadersTest;
import io.github.cpt4j.data.ncci.PtpFile;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
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
}
