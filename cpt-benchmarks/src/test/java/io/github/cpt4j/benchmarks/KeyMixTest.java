package io.github.cpt4j.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class KeyMixTest {

  private static final List<String> COMMON = CodeSamples.COMMON;
  private static final List<String> RARE = CodeSamples.rare(1_000, 5);

  @Test
  void sizeIsAPowerOfTwoAndTheMaskFitsIt() {
    assertEquals(KeyMix.SIZE, Integer.highestOneBit(KeyMix.SIZE));
    assertEquals(KeyMix.SIZE - 1, KeyMix.MASK);
    assertEquals(KeyMix.SIZE, KeyMix.mixed(COMMON, RARE, CodeSamples.INVALID, 1).length);
  }

  @Test
  void sharesAreAsDocumented() {
    String[] keys = KeyMix.mixed(COMMON, RARE, CodeSamples.INVALID, 1);
    long invalid = Arrays.stream(keys).filter(CodeSamples.INVALID::contains).count();
    long rare = Arrays.stream(keys).filter(RARE::contains).count();
    assertEquals(Math.round(KeyMix.SIZE * KeyMix.INVALID_SHARE), invalid);
    assertEquals(Math.round(KeyMix.SIZE * KeyMix.RARE_SHARE), rare);
    assertEquals(
        0,
        Arrays.stream(KeyMix.valid(COMMON, RARE, 2)).filter(CodeSamples.INVALID::contains).count());
    assertTrue(
        Arrays.stream(KeyMix.invalid(CodeSamples.INVALID, 3))
            .allMatch(CodeSamples.INVALID::contains));
  }

  @Test
  void commonCodesAreSkewedTowardsTheTopRanks() {
    Map<String, Long> counts =
        Arrays.stream(KeyMix.valid(COMMON, RARE, 2))
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    long first = counts.getOrDefault(COMMON.get(0), 0L);
    long last = counts.getOrDefault(COMMON.get(COMMON.size() - 1), 0L);
    // Zipf with exponent 1: rank 1 is drawn about 120 times as often as rank 120.
    assertTrue(first > 400 && first > 20 * Math.max(1, last), first + " vs " + last);
  }

  @Test
  void sameSeedSameKeysButFreshStrings() {
    String[] a = KeyMix.mixed(COMMON, RARE, CodeSamples.INVALID, 9);
    String[] b = KeyMix.mixed(COMMON, RARE, CodeSamples.INVALID, 9);
    assertArrayEquals(a, b);
    for (int i = 0; i < a.length; i++) {
      for (int j = i + 1; j < Math.min(a.length, i + 64); j++) {
        assertNotSame(a[i], a[j]);
      }
    }
  }

  @Test
  void emptyPopulationWithAShareIsAnError() {
    assertThrows(
        IllegalArgumentException.class,
        () -> KeyMix.mixed(COMMON, List.of(), CodeSamples.INVALID, 1));
  }
}
