package io.github.cpt4j.modifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.cpt4j.code.CodeArbitraries;
import io.github.cpt4j.code.CodeFormatException;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ModifierProperties {

  @Provide
  Arbitrary<String> anyText() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(4),
        CodeArbitraries.codeLikeStrings().map(s -> s.length() > 3 ? s.substring(0, 3) : s));
  }

  @Property(tries = 2000)
  void entryPointsAgreeAndNeverThrowAnythingElse(@ForAll("anyText") String text) {
    Optional<Modifier> tried = Modifier.tryParse(text);
    assertEquals(tried.isPresent(), Modifier.isValid(text), text);
    try {
      Modifier parsed = Modifier.parse(text);
      assertEquals(Optional.of(parsed), tried);
      assertEquals(text, parsed.toString());
      assertSame(parsed, Modifier.ofOrdinal(parsed.ordinal()));
    } catch (CodeFormatException e) {
      assertTrue(tried.isEmpty());
      assertTrue(e.errorIndex() >= 0 && e.errorIndex() <= text.length(), e::getMessage);
    } catch (RuntimeException e) {
      fail("'" + text + "' threw " + e);
    }
  }
}
