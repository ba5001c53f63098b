package io.github.cpt4j.spark;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * The last few values built in this JVM, by key, each built once however many threads ask for it at
 * the same time: the fee schedules that every task of an executor shares.
 *
 * <p>A value is built outside the cache's lock, by the first thread that asks for its key; the lock
 * is held only to find or add an entry. So building one schedule, which takes seconds for the full
 * CMS files, never holds up the tasks that price with a schedule already built, nor the building of
 * another; a thread asking for a key being built waits for that build alone, and receives its
 * value.
 *
 * <p>A build that fails is not kept: the thread that built it and every thread that was waiting for
 * it receive the same exception, and the next request builds again. Nothing is remembered of a
 * failure, so a file that could not be read (a storage hiccup) is read again by the next task.
 *
 * <p>The cache holds at most {@code capacity} entries, built or being built; adding one more evicts
 * the one least recently asked for. A task that already holds an evicted value goes on using it (it
 * is collected when no task holds it), and the threads waiting for an evicted entry that is still
 * being built still receive its value; only later requests build it again.
 *
 * @param <V> the type of the values
 */
final class ScheduleCache<V> {

  /** The entries, least recently asked for first; guarded by itself. */
  private final Map<String, CompletableFuture<V>> entries;

  /**
   * Creates an empty cache of at most {@code capacity} entries.
   *
   * @throws IllegalArgumentException if the capacity is less than 1
   */
  ScheduleCache(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
    }
    // Access order: a get moves the entry to the end, so the eldest is the least recently used.
    this.entries =
        new LinkedHashMap<>(capacity * 2, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<V>> eldest) {
            return size() > capacity;
          }
        };
  }

  /**
   * Returns the value of {@code key}, built with {@code loader} if no thread has built it or is
   * building it, or waits for the thread that is.
   *
   * @throws RuntimeException or {@link Error} as the loader threw it, in every thread that waited
   *     for that build (the same instance)
   * @throws IllegalStateException if the thread is interrupted while it waits for another thread's
   *     build (its interrupt status is kept; the build goes on for the others)
   * @throws NullPointerException if the loader returns null
   */
  V get(String key, Supplier<? extends V> loader) {
    requireNonNull(key, "key");
    requireNonNull(loader, "loader");
    CompletableFuture<V> entry;
    boolean builder = false;
    synchronized (entries) {
      entry = entries.get(key);
      if (entry == null) {
        entry = new CompletableFuture<>();
        entries.put(key, entry);
        builder = true;
      }
    }
    return builder ? build(key, entry, loader) : await(entry);
  }

  /** Builds the value of an entry this thread added, outside the lock, and hands it to waiters. */
  private V build(String key, CompletableFuture<V> entry, Supplier<? extends V> loader) {
    V value;
    try {
      value = requireNonNull(loader.get(), "the loader returned null");
    } catch (RuntimeException | Error e) {
      // Removed before the waiters are told, so that none of them can find the failure again.
      synchronized (entries) {
        entries.remove(key, entry); // not an entry added since this one was evicted
      }
      entry.completeExceptionally(e);
      throw e;
    }
    entry.complete(value);
    return value;
  }

  /** Waits for another thread's build of an entry. */
  private static <V> V await(CompletableFuture<V> entry) {
    try {
      return entry.get();
    } catch (ExecutionException e) {
      // The builder's own exception, so that every waiter reports what the builder reports.
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause); // unreachable: build throws nothing checked
    } catch (InterruptedException e) {
      // A cancelled Spark task is interrupted: stop waiting, and let the task end.
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the fee schedule", e);
    }
  }
}
