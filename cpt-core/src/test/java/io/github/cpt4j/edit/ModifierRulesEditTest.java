package io.github.cpt4j.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.base.Splitter;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.Locality;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModifierRulesEditTest {

  private static final Path SOURCE =
      Path.of("src/main/java/io/github/cpt4j/edit/ModifierRulesEdit.java");

  private static final PricingContext CONTEXT =
      PricingContext.of(LocalDate.of(2025, 6, 2), Locality.parse("13282-99"), Setting.FACILITY);

  /** The class example's output, as its comment shows it (it once named a rule that is none). */
  @Test
  void theClassExampleShowsWhatTheEditFinds() throws IOException {
    ClaimEdit modifiers = ModifierRulesEdit.standard();
    List<EditFinding> findings =
        modifiers.check(Claim.ofLines(ClaimLine.parse("71046-26-TC")), CONTEXT);
    assertEquals(1, findings.size(), findings.toString());
    assertEquals("PROFESSIONAL_WITH_TECHNICAL_COMPONENT", findings.get(0).data().get("rule"));
    String comment = commentAfter("modifiers.check(");
    // The comment elides with "...": every shown piece is in the output, the first at its start.
    List<String> pieces = Splitter.on("...").splitToList(comment);
    String actual = findings.toString();
    assertTrue(actual.startsWith(pieces.get(0)), comment + " | " + actual);
    for (String piece : pieces) {
      assertTrue(actual.contains(piece.strip()), comment + " | " + actual);
    }
  }

  /**
   * An assistant at surgery on an anesthesia code, which the anesthesia pricer refuses (ASST SURG
   * 9), is flagged too, and the anesthesia line beside it is not.
   */
  @Test
  void flagsAProcedureModifierOnAnesthesiaCodes() {
    List<EditFinding> findings =
        ModifierRulesEdit.standard()
            .check(
                Claim.ofLines(
                    ClaimLine.parse("00790-AA-80 60min"), ClaimLine.parse("00840-AA 45min")),
                CONTEXT);
    assertEquals(1, findings.size(), findings.toString());
    EditFinding finding = findings.get(0);
    assertEquals(0, finding.line());
    assertEquals(EditAction.FLAG, finding.action());
    assertEquals("PROCEDURE_MODIFIER_ON_ANESTHESIA_CODE", finding.data().get("rule"));
    assertTrue(finding.message().contains("ASST SURG 9"), finding.message());
  }

  /**
   * The text after {@code // } on the Javadoc line that follows the one containing {@code call}.
   */
  private static String commentAfter(String call) throws IOException {
    List<String> lines = Files.readAllLines(SOURCE);
    for (int i = 0; i + 1 < lines.size(); i++) {
      if (lines.get(i).contains(call)) {
        String next = lines.get(i + 1);
        return next.substring(next.indexOf("// ") + 3);
      }
    }
    throw new AssertionError("no " + call + " in " + SOURCE);
  }
}
