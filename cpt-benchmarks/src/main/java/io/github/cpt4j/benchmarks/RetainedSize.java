package io.github.cpt4j.benchmarks;

import static java.util.Objects.requireNonNull;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.ref.Reference;
import java.util.function.Supplier;

/**
 * Measures how much heap a structure retains, without an object-layout library: build several
 * copies, keep them reachable, and divide the growth of the heap after full collections by the
 * number of copies.
 *
 * <p>Accurate to a few hundred bytes per copy when nothing else allocates meanwhile; run it in a
 * JVM of its own with the default collector (G1), whose {@code System.gc()} is a full collection
 * that updates every pool's after-collection usage. (The serial collector's young pools keep stale
 * after-collection figures, which makes it unreliable here.) Whatever the structure shares with
 * others (interned modifiers, enum constants, classes) is not counted, which is the point: it costs
 * nothing per copy.
 */
public final class RetainedSize {

  private RetainedSize() {}

  /**
   * Returns the bytes retained by one result of {@code build}, averaged over {@code copies}. {@code
   * build} is called once before measuring so that class loading and caches it fills are not
   * counted.
   */
  // The fences keep the copies reachable until the heap is measured; an exception in between
  // aborts the measurement anyway, so a finally block would add nothing.
  @SuppressWarnings("ReachabilityFenceUsage")
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
    // Repeat until the heap stops shrinking: reference processing can free more on a second pass.
    for (int i = 0; i < 10; i++) {
      System.gc();
      long now = liveAfterLastCollection();
      if (now >= used) {
        return now;
      }
      used = now;
    }
    return used;
  }

  /**
   * Sums each heap pool's occupancy right after its last collection, which objects allocated since
   * (by this very measurement, by JMX) do not disturb.
   */
  private static long liveAfterLastCollection() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      MemoryUsage usage = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
      if (usage != null) {
        sum += usage.getUsed();
      }
    }
    return sum;
  }
}
