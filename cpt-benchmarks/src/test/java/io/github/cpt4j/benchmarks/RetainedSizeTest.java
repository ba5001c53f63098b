package io.github.cpt4j.benchmarks;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RetainedSizeTest {

  @Test
  void measuresAnArrayWithinAFewPercent() {
    // 800,000 bytes of longs plus a 16-byte header. The median of three measurements: the
    // harness is exact only while nothing else allocates, and this test shares its JVM with the
    // module's others (one measurement read 270,196 bytes once, in a build beside three others).
    long[] bytes = new long[3];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = RetainedSize.of(() -> new long[100_000], 8);
    }
    long median = Arrays.stream(bytes).sorted().toArray()[1];
    assertTrue(median > 780_000 && median < 840_000, Arrays.toString(bytes) + " bytes");
  }

  @Test
  void sharedObjectsCostNothingPerCopy() {
    long[] shared = new long[100_000];
    long bytes = RetainedSize.of(() -> shared, 8);
    assertTrue(bytes < 10_000, bytes + " bytes");
  }

  @Test
  void rejectsNoCopies() {
    assertThrows(IllegalArgumentException.class, () -> RetainedSize.of(Object::new, 0));
  }
}
