package io.github.cpt4j.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.testing.EqualsTester;
import io.github.cpt4j.fee.UnpricedReason;
import org.junit.jupiter.api.Test;

class EditFindingTest {

  /** The builder is a public type of the API: a user can declare a variable of it. */
  @Test
  void theBuilderIsATypeUsersCanName() {
    EditFinding.Builder builder = EditFinding.builder();
    EditFinding.Builder chained =
        builder
            .edit("payer-rule")
            .line(2)
            .action(EditAction.DENY_UNITS)
            .deniedUnits(1)
            .reason(UnpricedReason.NCCI_MUE)
            .message("one unit over the limit")
            .putData("limit", "2");
    EditFinding finding = chained.build();
    assertEquals("payer-rule line 3 DENY_UNITS: one unit over the limit", finding.toString());
    assertEquals("2", finding.data().get("limit"));
  }

  @Test
  void theBuilderIsStrictAndTheChecksHold() {
    assertThrows(IllegalStateException.class, () -> EditFinding.builder().edit("a").edit("b"));
    IllegalArgumentException units =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                EditFinding.builder()
                    .edit("x")
                    .line(0)
                    .action(EditAction.FLAG)
                    .deniedUnits(1)
                    .reason(UnpricedReason.EDIT_DENIED)
                    .message("m")
                    .build());
    assertTrue(units.getMessage().contains("FLAG cannot deny 1 units"), units.getMessage());
    assertThrows(IllegalArgumentException.class, () -> EditFinding.flag("x", -1, "m"));
  }

  @Test
  void anEditNameThatIsNoRuleIdIsRefusedWhereTheFindingIsMade() {
    // The name is the rule of the denied line's explanation step and its refusedBy(): a name with
    // a space used to pass here and fail inside MedicareClaimPricer.price, naming no edit.
    IllegalArgumentException spaced =
        assertThrows(
            IllegalArgumentException.class,
            () -> EditFinding.denyLine("payer not covered", 3, 1, "not covered"));
    assertEquals(
        "the edit name of a finding on line 4 is refused: a rule is a non-empty word without"
            + " spaces, ';' or ':', not 'payer not covered'",
        spaced.getMessage());
    assertThrows(IllegalArgumentException.class, () -> EditFinding.flag("payer:x", 0, "m"));
    assertEquals("payer-x", EditFinding.flag("payer-x", 0, "m").edit());
  }

  @Test
  void aLineIsDeniedWholeByItsDenialOrByADenialOfAllItsUnits() {
    assertTrue(EditFinding.denyLine("ncci-mue", 0, 1, "denied").deniesWholeLine(3));
    EditFinding twoUnits =
        EditFinding.builder()
            .edit("ncci-mue")
            .line(0)
            .action(EditAction.DENY_UNITS)
            .deniedUnits(2)
            .reason(UnpricedReason.EDIT_DENIED)
            .message("2 units over the limit")
            .build();
    assertTrue(twoUnits.deniesWholeLine(2));
    assertTrue(twoUnits.deniesWholeLine(1));
    assertFalse(twoUnits.deniesWholeLine(3));
    assertFalse(EditFinding.flag("modifier-rules", 0, "flagged").deniesWholeLine(1));
  }

  @Test
  void onLineRenumbersAndKeepsTheRest() {
    EditFinding denial = EditFinding.denyLine("ncci-ptp", 1, 3, "component of line 1");
    assertSame(denial, denial.onLine(1));
    EditFinding moved = denial.onLine(4);
    assertEquals(4, moved.line());
    assertEquals(denial, moved.onLine(1));
    new EqualsTester()
        .addEqualityGroup(denial, EditFinding.denyLine("ncci-ptp", 1, 3, "component of line 1"))
        .addEqualityGroup(moved)
        .addEqualityGroup(EditFinding.flag("ncci-ptp", 1, "component of line 1"))
        .testEquals();
  }

  @Test
  void theLineNumberIsThePositionUnlessSetAndMovesWithNoIndex() {
    EditFinding denial = EditFinding.denyLine("ncci-ptp", 1, 3, "20610 (line 2) is denied");
    assertEquals(2, denial.lineNumber());
    assertSame(denial, denial.withLineNumber(2));
    EditFinding named = denial.withLineNumber(5);
    assertEquals(1, named.line());
    assertEquals("ncci-ptp line 5 DENY_LINE: 20610 (line 2) is denied", named.toString());
    // Moved to another index, the line keeps the number the claim names it by.
    assertEquals(5, named.onLine(0).lineNumber());
    assertEquals(2, denial.onLine(3).lineNumber());
    new EqualsTester()
        .addEqualityGroup(denial, named.withLineNumber(2))
        .addEqualityGroup(named, denial.withLineNumber(5))
        .testEquals();
    IllegalArgumentException zero =
        assertThrows(IllegalArgumentException.class, () -> denial.withLineNumber(0));
    assertTrue(zero.getMessage().contains("a line number is 1 or more, not 0"), zero.getMessage());
  }
}
