package io.github.cpt4j.moduletest;

import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.code.CptCode;
import io.github.cpt4j.code.HcpcsCode;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.codeset.CodeEntry;
import io.github.cpt4j.codeset.CodeSet;
import io.github.cpt4j.data.BundledData;
import io.github.cpt4j.modifier.ModifierRules;
import io.github.cpt4j.modifier.ModifierViolation;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Code an application might write against the exported API. That it compiles inside a named module
 * that only {@code requires} the library is half of the test; the tests run the rest.
 */
public final class OutsideUser {

  private OutsideUser() {}

  /**
   * Describes a typed claim line: its canonical form, what the code is, and any broken modifier
   * rules, such as {@code "71046-26 x2 | Radiology/Diagnostic Radiology | ok"}.
   */
  public static String describe(String typedLine) {
    ClaimLine line = ClaimLine.parse(typedLine);
    ProcedureCode code = line.code();
    String what;
    if (code instanceof CptCode) {
      CptCode cpt = (CptCode) code;
      what = cpt.section().displayName() + "/" + cpt.subsection().displayName();
    } else {
      what = "Level II/" + ((HcpcsCode) code).group().displayName();
    }
    List<ModifierViolation> violations = ModifierRules.standard().check(line);
    String verdict =
        violations.isEmpty()
            ? "ok"
            : violations.stream().map(v -> v.rule().name()).collect(Collectors.joining(","));
    return line + " | " + what + " | " + verdict;
  }

  /**
   * Looks a code up in the bundled sample, which the data module reads from its own resources:
   * {@code "99213 in 2025: Office visit, ..."} or {@code "99201 in 2025: not valid"}.
   */
  public static String lookUp(String code, LocalDate date) {
    CodeSet sample = BundledData.codeSet();
    return code
        + " in "
        + date.getYear()
        + ": "
        + sample.find(code, date).map(CodeEntry::shortDescription).orElse("not valid");
  }

  /** Returns the data module's entry point, to show that the data module is readable. */
  public static Class<?> dataEntryPoint() {
    return BundledData.class;
  }
}
