package io.github.cpt4j.benchmarks;

import io.github.cpt4j.benchmarks.baseline.CodeText;
import io.github.cpt4j.benchmarks.baseline.GuavaCodes;
import io.github.cpt4j.benchmarks.baseline.RegexCodes;
import io.github.cpt4j.code.CptCategory;
import io.github.cpt4j.code.CptCode;
import io.github.cpt4j.code.CptKind;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.code.Section;

/**
 * One implementation's way to check, parse and classify code text, as its user would write it.
 *
 * <p>Each benchmark fork uses exactly one implementation, so every call site stays monomorphic and
 * the JIT inlines the adapter away.
 */
public interface CodeSyntax {

  /** Tells whether {@code text} is a well-formed code. */
  boolean isValid(String text);

  /** Parses well-formed text into the implementation's code object, throwing otherwise. */
  Object parse(String text);

  /** Parses text into the implementation's code object, or returns null. */
  Object tryParse(String text);

  /** Parses well-formed text and returns its CPT kind (null for Level II). */
  CptKind kindOf(String text);

  /** Parses well-formed text and returns its CPT category (null for Level II). */
  CptCategory categoryOf(String text);

  /** Parses well-formed text and returns its CPT section (null for Level II). */
  Section sectionOf(String text);

  /** Returns the CPT category of a code object made by {@link #parse} (null for Level II). */
  CptCategory categoryOfCode(Object code);

  /** Returns the CPT section of a code object made by {@link #parse} (null for Level II). */
  Section sectionOfCode(Object code);

  /** Returns the implementation named by a benchmark's {@code impl} parameter. */
  static CodeSyntax of(String impl) {
    switch (Implementation.check(impl)) {
      case Implementation.CPT4J:
        return new Cpt4j();
      case Implementation.REGEX_HASHMAP:
        return new Regex();
      default:
        return new Guava();
    }
  }

  /** cpt4j: one scanner, packed codes, enums derived from the packed form. */
  final class Cpt4j implements CodeSyntax {
    @Override
    public boolean isValid(String text) {
      return ProcedureCode.isValid(text);
    }

    @Override
    public Object parse(String text) {
      return ProcedureCode.parse(text);
    }

    @Override
    public Object tryParse(String text) {
      return ProcedureCode.tryParse(text).orElse(null);
    }

    @Override
    public CptKind kindOf(String text) {
      ProcedureCode code = ProcedureCode.parse(text);
      return code instanceof CptCode ? ((CptCode) code).kind() : null;
    }

    @Override
    public CptCategory categoryOf(String text) {
      ProcedureCode code = ProcedureCode.parse(text);
      return code instanceof CptCode ? ((CptCode) code).category() : null;
    }

    @Override
    public Section sectionOf(String text) {
      ProcedureCode code = ProcedureCode.parse(text);
      return code instanceof CptCode ? ((CptCode) code).section() : null;
    }

    @Override
    public CptCategory categoryOfCode(Object code) {
      return code instanceof CptCode ? ((CptCode) code).category() : null;
    }

    @Override
    public Section sectionOfCode(Object code) {
      return code instanceof CptCode ? ((CptCode) code).section() : null;
    }
  }

  /**
   * What both string baselines do once a code is checked: classify the canonical text by hand. Each
   * baseline stays its own final class, so a fork's call sites see one receiver type.
   */
  abstract class StringBaseline implements CodeSyntax {
    /** Returns the canonical text of a code, as the baseline checks it; throws if it is none. */
    @Override
    public abstract String parse(String text);

    @Override
    public CptKind kindOf(String text) {
      return CodeText.kindOfValid(parse(text));
    }

    @Override
    public CptCategory categoryOf(String text) {
      return CodeText.categoryOfValid(parse(text));
    }

    @Override
    public Section sectionOf(String text) {
      return CodeText.sectionOfValid(parse(text));
    }

    @Override
    public CptCategory categoryOfCode(Object code) {
      return CodeText.categoryOfValid((String) code);
    }

    @Override
    public Section sectionOfCode(Object code) {
      return CodeText.sectionOfValid((String) code);
    }
  }

  /** The regex user: the pattern, then characters. */
  final class Regex extends StringBaseline {
    @Override
    public boolean isValid(String text) {
      return RegexCodes.isValid(text);
    }

    @Override
    public String parse(String text) {
      return RegexCodes.parse(text);
    }

    @Override
    public Object tryParse(String text) {
      return RegexCodes.tryParse(text);
    }
  }

  /** The Guava user: CharMatchers, then characters. */
  final class Guava extends StringBaseline {
    @Override
    public boolean isValid(String text) {
      return GuavaCodes.isValid(text);
    }

    @Override
    public String parse(String text) {
      return GuavaCodes.parse(text);
    }

    @Override
    public Object tryParse(String text) {
      return GuavaCodes.tryParse(text);
    }
  }
}
