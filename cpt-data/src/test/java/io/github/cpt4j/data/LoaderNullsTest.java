package io.github.cpt4j.data;

import com.google.common.testing.NullPointerTester;
import io.github.cpt4j.data.fee.FlatFeeScheduleCsv;
import io.github.cpt4j.data.medicare.AnesthesiaBaseUnitFile;
import io.github.cpt4j.data.medicare.AnesthesiaConversionFactorFile;
import io.github.cpt4j.data.medicare.AspFile;
import io.github.cpt4j.data.medicare.ClfsFile;
import io.github.cpt4j.data.medicare.ConversionFactorFile;
import io.github.cpt4j.data.medicare.DmeposFile;
import io.github.cpt4j.data.medicare.DmeposRuralZipFile;
import io.github.cpt4j.data.medicare.GpciFile;
import io.github.cpt4j.data.medicare.OppsCapFile;
import io.github.cpt4j.data.medicare.PaymentAmountFile;
import io.github.cpt4j.data.medicare.RvuFile;
import io.github.cpt4j.data.medicare.Zip5File;
import io.github.cpt4j.data.ncci.MueFile;
import io.github.cpt4j.data.ncci.PtpFile;
import io.github.cpt4j.fee.medicare.Quarter;
import io.github.cpt4j.fee.medicare.dmepos.DmeposZipTable;
import io.github.cpt4j.fee.medicare.pfs.ConversionFactors;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Year;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every public static method of the loaders refuses a null argument at the call, naming the
 * parameter ({@code requireNonNull(x, "x")}), before it opens or reads anything: a null must not
 * surface from deep inside a CSV reader, or only after the file or stream was read.
 */
class LoaderNullsTest {

  /**
   * A stream that fails when read: a loader that reads its input before it checks its other
   * arguments fails the test with this, not with the null's exception (and would have consumed a
   * caller's stream for nothing). The null-contract sweep gives it too.
   */
  static final InputStream UNREADABLE =
      new InputStream() {
        @Override
        public int read() throws IOException {
          throw new IOException("read before the arguments were checked");
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          return read();
        }
      };

  @ParameterizedTest
  @ValueSource(
      classes = {
        AnesthesiaBaseUnitFile.class,
        AnesthesiaConversionFactorFile.class,
        AspFile.class,
        ClfsFile.class,
        ConversionFactorFile.class,
        DmeposFile.class,
        DmeposRuralZipFile.class,
        GpciFile.class,
        OppsCapFile.class,
        PaymentAmountFile.class,
        RvuFile.class,
        Zip5File.class,
        MueFile.class,
        PtpFile.class,
        FlatFeeScheduleCsv.class,
        CmsDirectory.class,
      })
  void everyLoaderNamesANullArgument(Class<?> loader) {
    new NullPointerTester()
        .setDefault(Path.class, Path.of("no-such-file.csv"))
        .setDefault(InputStream.class, UNREADABLE)
        .setDefault(LocalDate.class, LocalDate.of(2025, 1, 1))
        .setDefault(Year.class, Year.of(2025))
        .setDefault(Quarter.class, Quarter.of(2025, 1))
        .setDefault(DmeposZipTable.class, BundledData.dmeposZips())
        .setDefault(ConversionFactors.class, BundledData.conversionFactors())
        .testAllPublicStaticMethods(loader);
  }
}
