package io.github.cpt4j.fee.medicare.pfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.codeset.CodeSet;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The caches of tables a server shares between threads, seen as a thread may see them when the
 * table reached it through a data race (a plain field set by another thread): the Java memory model
 * guarantees that thread the values of final fields only, and may show it any other field at its
 * default, null, whatever the constructor wrote. No weak-memory machine is needed to see what such
 * a thread would do: the test sets the field to null itself.
 */
class RacyPublicationTest {

  @Test
  void conversionFactorsStartWithTheirCacheUnset() throws ReflectiveOperationException {
    // A cache that starts at its default is one that no racing reader can see in another state.
    ConversionFactors history = Fixtures.conversionFactors();
    assertNull(lastFound().get(history), "the cache of a new table is set in its constructor");
  }

  @Test
  void conversionFactorsSeenWithTheirCacheUnsetStillFindTheFactor()
      throws ReflectiveOperationException {
    ConversionFactors history = Fixtures.conversionFactors();
    LocalDate date = LocalDate.of(2025, 6, 2);
    String expected = "32.3465";
    assertEquals(expected, history.find(date, false).orElseThrow().amount().toPlainString());
    lastFound().set(history, null); // as a thread given the table through a data race may see it
    assertEquals(expected, history.find(date, false).orElseThrow().amount().toPlainString());
    assertEquals(expected, history.find(date, false).orElseThrow().amount().toPlainString());
  }

  /**
   * The rule the caches above follow, held for every table a server shares whose class has a field
   * that is not final: such a field is a cache filled on first use, which the constructors leave at
   * its default, so that a thread that sees the default only fills the cache again.
   */
  @Test
  void sharedTablesLeaveEveryFieldThatIsNotFinalAtItsDefault() throws IllegalAccessException {
    for (Object table :
        List.of(Fixtures.conversionFactors(), Fixtures.schedule(), CodeSet.empty())) {
      for (Class<?> type = table.getClass(); type != Object.class; type = type.getSuperclass()) {
        for (Field field : type.getDeclaredFields()) {
          int modifiers = field.getModifiers();
          if (Modifier.isStatic(modifiers) || Modifier.isFinal(modifiers)) {
            continue;
          }
          field.setAccessible(true);
          Object value = field.get(table);
          assertTrue(
              value == null
                  || value.equals(0)
                  || value.equals(0L)
                  || value.equals(false)
                  || value.equals('\0'),
              type.getSimpleName()
                  + "."
                  + field.getName()
                  + " is set by the constructor: "
                  + value);
        }
      }
    }
  }

  private static Field lastFound() throws NoSuchFieldException {
    Field field = ConversionFactors.class.getDeclaredField("lastFound");
    field.setAccessible(true);
    return field;
  }
}
