package io.github.cpt4j.benchmarks;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RetainedSizeTest {

  @Test
  void measuresAnArrayWithinAFewPercent() {
    // 800,000 bytes of longs plus a 16-byte header.
    long bytes = RetainedSize.of(() -> new long[100_000], 8);
    assertTrue(bytes > 780_000 && bytes < 840_000, bytes + " bytes");
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
