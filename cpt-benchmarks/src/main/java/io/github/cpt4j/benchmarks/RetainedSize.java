package io.github.cpt4j.benchmarks;

import static java.util.Objects.requireNonNull;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.util.function.Supplier;

/**
 * Measures how much heap a structure retains, without an object-layout library: build several
 * copies, keep them reachable, and divide the growth of the heap after full collections by the
 * number of copies.
 *
 * <p>Accurate to a few hundred bytes per copy when nothing else allocates meanwhile; run it in a
 * JVM of its own with {@code -XX:+UseSerialGC}, whose {@code System.gc()} is a full, compacting
 * collection. Whatever the structure shares with others (interned modifiers, enum constants,
 * classes) is not counted, which is the point: it costs nothing per copy.
 */
public final class RetainedSize {

  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  private RetainedSize() {}

  /**
   * Returns the bytes retained by one result of {@code build}, averaged over {@code copies}.
   * {@code build} is called once before measuring so that class loading and caches it fills are
   * not counted.
   */
  public static long of(Supplier<?> build, int copies) {
    requireNonNull(build, "build");
    if (copies < 1) {
      throw new IllegalArgumentException("copies must be positive, not " + copies);
    }
    Reference.reachabilityFence(build.get());
    Object[] kept = new Object[copies];
    long before = usedAfterGc();
    for (int i = 0; i < copies; i++) {
      kept[i] = build.get();
    }
    long after = usedAfterGc();
    Reference.reachabilityFence(kept);
    return Math.max(0, (after - before) / copies);
  }

  private static long usedAfterGc() {
    long used = Long.MAX_VALUE;
    // Repeat until the heap stops shrinking: finalisation and reference processing can free
    // more on a second pass.
    for (int i = 0; i < 10; i++) {
      System.gc();
      long now = MEMORY.getHeapMemoryUsage().getUsed();
      if (now >= used) {
        return now;
      }
      used = now;
    }
    return used;
  }
}
