package io.github.cpt4j.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.cpt4j.code.CptCode;
import io.github.cpt4j.codeset.CodeEntry;
import io.github.cpt4j.fee.FlatFeeSchedule;
import io.github.cpt4j.fee.medicare.Quarter;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaFeeSchedule;
import io.github.cpt4j.fee.medicare.asp.AspFeeSchedule;
import io.github.cpt4j.fee.medicare.clfs.ClfsFeeSchedule;
import io.github.cpt4j.fee.medicare.dmepos.DmeposFeeSchedule;
import io.github.cpt4j.fee.medicare.partb.PartBFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import io.github.cpt4j.modifier.Modifier;
import io.github.cpt4j.modifier.ModifierInfo;
import io.github.cpt4j.modifier.ModifierKind;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The one wording of text that must be one line and not blank: a code's description, a modifier's
 * and a fee schedule's name each worded their own refusal ("modifier P7 needs a description" beside
 * "the short description of code 99213 is blank").
 */
class OneLineTest {

  @Test
  void problemOfSaysWhatKeepsTextFromBeingOneLineThatIsNotBlank() {
    assertNull(OneLine.problemOf("Made-up visit, 15 minutes"));
    // C1 controls are control characters too: a Windows-1252 curly quote read as Latin-1.
    assertEquals(
        "contains control character U+0092 at index 7", OneLine.problemOf("Patient\u0092s visit"));
    assertEquals("contains control character U+0080 at index 0", OneLine.problemOf("\u0080 x"));
    assertEquals("contains control character U+009F at index 1", OneLine.problemOf("x\u009f"));
    // The Latin-1 letters and signs around them are text.
    assertNull(OneLine.problemOf("Caf\u00e9\u00a0visit \u00ff~"));
    assertEquals("is blank", OneLine.problemOf(""));
    assertEquals("is blank", OneLine.problemOf(" \u00a0\t"));
    assertEquals("contains control character U+000A at index 3", OneLine.problemOf("Two\nlines"));
    assertEquals("contains line separator U+2028 at index 3", OneLine.problemOf("Two\u2028lines"));
    assertEquals(
        "contains paragraph separator U+2029 at index 0", OneLine.problemOf("\u2029Paragraph"));
    assertEquals("contains control character U+007F at index 1", OneLine.problemOf("a\u007f"));
  }

  /** Each builder names its text, then says the same words of it. */
  @Test
  void theBuildersWordTheirRefusalsAlike() {
    Map<String, Consumer<String>> checks =
        Map.of(
            "the short description of code 99213",
            text ->
                CodeEntry.builder()
                    .code(CptCode.of(99213))
                    .shortDescription(text)
                    .effectiveFrom(LocalDate.of(2025, 1, 1))
                    .build(),
            "the description of modifier P7",
            text -> ModifierInfo.of(Modifier.parse("P7"), ModifierKind.HCPCS_LEVEL_II, text),
            "a fee schedule's name",
            text -> FlatFeeSchedule.builder().name(text));
    // Every schedule's name prints into its explanations and messages, as a flat table's does.
    Map<String, Consumer<String>> schedules =
        Map.of(
            "physician fee schedule",
            text -> MedicareFeeSchedule.builder().name(text),
            "anesthesia",
            text -> AnesthesiaFeeSchedule.builder().name(text),
            "clinical lab",
            text -> ClfsFeeSchedule.builder(Quarter.of(2025, 1)).name(text),
            "DMEPOS",
            text -> DmeposFeeSchedule.builder(Quarter.of(2025, 1)).name(text),
            "drugs",
            text -> AspFeeSchedule.builder(Quarter.of(2025, 1)).name(text),
            "Part B",
            text -> PartBFeeSchedule.builder().name(text));
    schedules.forEach(
        (schedule, check) ->
            assertEquals(
                "a fee schedule's name contains control character U+000A at index 4",
                assertThrows(IllegalArgumentException.class, () -> check.accept("Made\nup"))
                    .getMessage(),
                schedule));
    checks.forEach(
        (subject, check) -> {
          assertEquals(
              subject + " is blank",
              assertThrows(IllegalArgumentException.class, () -> check.accept("\u00a0"))
                  .getMessage());
          assertEquals(
              subject + " contains control character U+000A at index 4",
              assertThrows(IllegalArgumentException.class, () -> check.accept("Made\nup"))
                  .getMessage());
          assertEquals(
              subject + " contains control character U+0093 at index 5",
              assertThrows(IllegalArgumentException.class, () -> check.accept("Made \u0093up"))
                  .getMessage());
        });
  }
}
