package io.github.cpt4j.data.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

/**
 * {@link Header#normalize} by hand normalizes as the regular expression it replaced did, with
 * non-breaking and other Unicode spaces read as spaces: every kind of white space, control
 * characters, hyphens, letters of both cases.
 */
class HeaderNormalizeProperties {

  @Property(tries = 2000)
  void normalizesAsTheRegularExpression(
      @ForAll
          @StringLength(max = 16)
          @Chars({
            ' ', '\t', '\n', '\u000B', '\f', '\r', '\u001C', '\u0000', '\u00A0', '\u2028', '\u3000',
            '-', '*', 'ß', 'é', 'i'
          })
          @CharRange(from = 'a', to = 'c')
          @CharRange(from = 'A', to = 'C')
          String name) {
    // Unicode spaces (no-break, ideographic, line separator) are spaces too.
    String spaced = name.replaceAll("[\\p{javaSpaceChar}&&[^ ]]", " ");
    String regex =
        spaced.trim().replaceAll("\\s+", " ").replace("- ", "-").toUpperCase(Locale.ROOT);
    assertEquals(regex, Header.normalize(name));
  }
}
