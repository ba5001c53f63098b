package io.github.cpt4j.data;

import io.github.cpt4j.data.medicare.PaymentAmountFile;
import io.github.cpt4j.data.medicare.PublishedAmount;
import io.github.cpt4j.data.medicare.Zip5File;
import io.github.cpt4j.fee.medicare.Quarter;
import io.github.cpt4j.testing.NullContractSweep;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Year;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.io.TempDir;

/**
 * The null contract of the whole public API of cpt-data, swept as cpt-core's is: every public
 * method and constructor of every public type of the packages the module exports (read from its
 * compiled descriptor) refuses a null reference argument at the call with a {@code
 * NullPointerException} naming it, before it opens or reads anything: cpt-core's {@link
 * NullContractSweep}, over this module's types, with samples of its own.
 */
class DataNullContractTest extends NullContractSweep {

  @Override
  protected Class<?> anchor() {
    return BundledData.class;
  }

  @Override
  protected Map<Class<?>, Supplier<?>> samples() {
    Map<Class<?>, Supplier<?>> samples = new LinkedHashMap<>();
    samples.put(String.class, () -> "x");
    samples.put(int.class, () -> 1);
    samples.put(Path.class, () -> Path.of("no-such-file.csv"));
    // A stream that fails when read: a method must check its other arguments first.
    samples.put(InputStream.class, () -> LoaderNullsTest.UNREADABLE);
    samples.put(LocalDate.class, () -> LocalDate.of(2025, 6, 2));
    samples.put(Year.class, () -> Year.of(2025));
    samples.put(Quarter.class, () -> Quarter.of(2025, 1));
    samples.put(io.github.cpt4j.fee.medicare.dmepos.DmeposZipTable.class, BundledData::dmeposZips);
    samples.put(
        io.github.cpt4j.fee.medicare.pfs.ConversionFactors.class, BundledData::conversionFactors);
    samples.put(io.github.cpt4j.fee.medicare.ZipLocalityTable.class, BundledData::zipLocalities);
    samples.put(CmsDirectory.class, DataNullContractTest::cms);
    samples.put(PublishedAmount.class, DataNullContractTest::amount);
    samples.put(CmsDirectory.CmsFile.class, () -> cms().files().get(0));
    samples.put(
        Zip5File.Dated.class,
        () -> new Zip5File.Dated(BundledData.zipLocalities(), Optional.empty()));
    return samples;
  }

  @TempDir static Path dir;

  private static CmsDirectory cms;

  /** A directory of two of the bundled CMS-format files, under CMS's names, loaded once. */
  private static synchronized CmsDirectory cms() {
    if (cms == null) {
      try {
        for (String[] file :
            new String[][] {
              {"pprrvu-2025-jan-sample.csv", "PPRRVU25_JAN.csv"}, {"gpci-2025.csv", "GPCI2025.csv"}
            }) {
          try (InputStream in = BundledData.class.getResourceAsStream("medicare/" + file[0])) {
            Files.copy(in, dir.resolve(file[1]));
          }
        }
        cms = CmsDirectory.load(dir);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return cms;
  }

  /** A row of CMS's payment-amount layout (numbers only), read. */
  private static PublishedAmount amount() {
    String text =
        "\"2025\",\"13282\",\"99\",\"90471\",\"  \",\"0000019.24\",\"0000019.24\",\" \","
            + "\"5\",\"A\",\"0\",\"0000000.00\",\"0000000.00\","
            + "\"9\",\"0000000.00\",\"0000000.00\"\n"
            + "\"TRL- A TRAILER RECORD\"\n";
    try {
      return PaymentAmountFile.read(
              new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)), "pf.txt")
          .get(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
