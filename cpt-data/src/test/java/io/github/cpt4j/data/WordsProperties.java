package io.github.cpt4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

/** The bundled ZIP tables' word splitter splits as {@code split(" +", -1)} does. */
class WordsProperties {

  @Property(tries = 500)
  void splitsAsTheRegularExpression(
      @ForAll @StringLength(max = 20) @Chars({' ', '\t', '-', '+'}) @CharRange(from = 'a', to = 'c')
          String line) {
    String trimmed = line.trim();
    assertArrayEquals(trimmed.split(" +", -1), BundledMedicare.words(trimmed), trimmed);
  }
}
