package io.github.cpt4j.benchmarks;

import com.google.common.collect.ImmutableMap;
import io.github.cpt4j.benchmarks.baseline.RegexCodes;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.codeset.CodeEntry;
import io.github.cpt4j.codeset.CodeSet;
import java.util.HashMap;
import java.util.Map;

/**
 * One implementation's way from a code to its entry, as its user would write it. The baselines map
 * code text to the very same {@link CodeEntry} objects, so every implementation returns the same
 * answers.
 */
public interface CodeLookup {

  /** Turns valid code text into the implementation's code object (done before measuring). */
  Object toCode(String text);

  /** Returns the entry of a code object made by {@link #toCode}, or null. */
  CodeEntry byCode(Object code);

  /** Returns the entry of the code written in {@code text}, or null, also for malformed text. */
  CodeEntry byText(String text);

  /** Returns the implementation named by a benchmark's {@code impl} parameter over {@code set}. */
  static CodeLookup of(String impl, CodeSet set) {
    switch (Implementation.check(impl)) {
      case Implementation.CPT4J:
        return new Cpt4j(set);
      case Implementation.REGEX_HASHMAP:
        Map<String, CodeEntry> map = new HashMap<>();
        set.forEach(e -> map.put(e.code().toString(), e));
        return new RegexHashMap(map);
      default:
        ImmutableMap.Builder<String, CodeEntry> builder = ImmutableMap.builder();
        set.forEach(e -> builder.put(e.code().toString(), e));
        return new GuavaImmutableMap(builder.buildOrThrow());
    }
  }

  /** cpt4j: the code set's packed index, by code or straight from text. */
  final class Cpt4j implements CodeLookup {
    private final CodeSet set;

    Cpt4j(CodeSet set) {
      this.set = set;
    }

    @Override
    public Object toCode(String text) {
      return ProcedureCode.parse(text);
    }

    @Override
    public CodeEntry byCode(Object code) {
      return set.find((ProcedureCode) code).orElse(null);
    }

    @Override
    public CodeEntry byText(String text) {
      return set.find(text).orElse(null);
    }
  }

  /** The regex user: validate with the pattern, then a {@link HashMap} keyed by text. */
  final class RegexHashMap implements CodeLookup {
    private final Map<String, CodeEntry> map;

    RegexHashMap(Map<String, CodeEntry> map) {
      this.map = map;
    }

    @Override
    public Object toCode(String text) {
      return RegexCodes.parse(text);
    }

    @Override
    public CodeEntry byCode(Object code) {
      return map.get(code);
    }

    @Override
    public CodeEntry byText(String text) {
      return RegexCodes.isValid(text) ? map.get(text) : null;
    }
  }

  /**
   * The Guava user: an {@link ImmutableMap} keyed by text, with no separate validation, since a
   * miss already says "not a known code". The strongest of the baselines.
   */
  final class GuavaImmutableMap implements CodeLookup {
    private final ImmutableMap<String, CodeEntry> map;

    GuavaImmutableMap(ImmutableMap<String, CodeEntry> map) {
      this.map = map;
    }

    @Override
    public Object toCode(String text) {
      return text;
    }

    @Override
    public CodeEntry byCode(Object code) {
      return map.get(code);
    }

    @Override
    public CodeEntry byText(String text) {
      return map.get(text);
    }
  }
}
