package io.github.cpt4j.data.medicare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.cpt4j.fee.PricedClaim;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;

/** The law that one pricer prices alike on many threads at once, for the claim pricing laws. */
final class OnManyThreads {

  /** How many threads price at once. */
  static final int THREADS = 4;

  private OnManyThreads() {}

  /**
   * Asserts that {@code THREADS} threads of {@code threads}, each pricing every case and reading a
   * claim priced before them (whose explanations are written when first read, here by every thread
   * at once), see the texts of the cases priced on this thread.
   */
  static <C> void assertPricedAlike(
      ExecutorService threads, List<C> cases, Function<C, PricedClaim> price)
      throws InterruptedException, ExecutionException {
    List<String> expected = new ArrayList<>();
    for (C c : cases) {
      expected.add(PricedClaimText.of(price.apply(c)));
    }
    List<PricedClaim> shared = new ArrayList<>();
    for (C c : cases) {
      shared.add(price.apply(c)); // its explanations are read by every thread at once, below
    }
    List<Callable<List<String>>> tasks = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      tasks.add(
          () -> {
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < cases.size(); i++) {
              texts.add(PricedClaimText.of(price.apply(cases.get(i))));
              texts.add(PricedClaimText.of(shared.get(i)));
            }
            return texts;
          });
    }
    for (Future<List<String>> done : threads.invokeAll(tasks)) {
      List<String> texts = done.get();
      for (int i = 0; i < cases.size(); i++) {
        assertEquals(expected.get(i), texts.get(2 * i), cases.get(i).toString());
        assertEquals(expected.get(i), texts.get(2 * i + 1), cases.get(i).toString());
      }
    }
  }
}
