package io.github.cpt4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.fee.medicare.Locality;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.io.TempDir;
import scala.reflect.ClassTag$;

/**
 * The schedule an executor builds once is handed only to the files it was built from, never to
 * other files whose broadcast has the same id, as the broadcasts of a later Spark context in the
 * same JVM have: each context numbers them from 0 again.
 */
class ScheduleIdentityTest {

  private static final PricingOptions OPTIONS =
      PricingOptions.of(LocalDate.of(2025, 6, 2)).withLocality(Locality.parse("13282-99"));

  /** A broadcast as a Spark context makes it, with the id its context gives: the value at hand. */
  private static final class NumberedBroadcast<T> extends Broadcast<T> {
    private static final long serialVersionUID = 1L;

    @SuppressWarnings("serial") // never serialized: priced in this JVM
    private final T value;

    NumberedBroadcast(long id, T value, Class<T> type) {
      super(id, ClassTag$.MODULE$.apply(type));
      this.value = value;
    }

    @Override
    public T getValue() {
      return value;
    }

    @Override
    public void doUnpersist(boolean blocking) {}

    @Override
    public void doDestroy(boolean blocking) {}
  }

  private static BigDecimal price99213(FeeScheduleFiles files) {
    Broadcast<FeeScheduleFiles> broadcast =
        new NumberedBroadcast<>(0, files, FeeScheduleFiles.class);
    Row row =
        new CptFunctions.PriceLine(broadcast, OPTIONS, ZoneOffset.UTC)
            .call("99213", null, null, null, null);
    assertEquals("priced", row.getString(1), row::toString);
    return (BigDecimal) row.get(0);
  }

  @HadoopFileTest
  void aLaterContextsBroadcastOfTheSameIdPricesWithItsOwnFiles(@TempDir Path dir)
      throws IOException {
    // The bundled October relative values with the work RVU of 99213 doubled, 1.30 to 2.60, and
    // its totals with it (2.75 to 4.05, 1.97 to 3.27), which the loader checks.
    String rvu;
    try (InputStream in =
        ScheduleIdentityTest.class.getResourceAsStream(
            "/io/github/cpt4j/data/medicare/pprrvu-2025-oct-sample.csv")) {
      rvu = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }
    String doubledWork =
        rvu.replace(
            "\n99213,,,A,,1.30,1.35,,0.57,,0.10,2.75,1.97,",
            "\n99213,,,A,,2.60,1.35,,0.57,,0.10,4.05,3.27,");
    assertNotEquals(rvu, doubledWork, "the sample has no 99213 row to change");
    Path file = Files.writeString(dir.resolve("PPRRVU2025_Oct.csv"), doubledWork);
    FeeScheduleFiles doubled =
        FeeScheduleFiles.read(
            new Configuration(), Optional.of(file.toString()), Optional.empty(), Optional.empty());

    BigDecimal first = price99213(doubled);
    BigDecimal second = price99213(FeeScheduleFiles.bundled());

    String bundled = CliReference.price("id,code\n1,99213\n", OPTIONS).get("1").amount();
    assertEquals(bundled, second.toPlainString(), "the bundled schedule after another file's");
    assertTrue(first.compareTo(second) > 0, first + " for the doubled work RVU, " + second);
  }
}
