package io.github.cpt4j.edit.ncci;

import static io.github.cpt4j.edit.ncci.NcciFixtures.code;
import static io.github.cpt4j.edit.ncci.NcciFixtures.date;

import com.google.common.testing.EqualsTester;
import io.github.cpt4j.code.ProcedureCode;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The value laws of the NCCI rows, {@link MueEdit}, {@link PtpEdit} and {@link
 * PtpTable.Builder.Overlap}: each field tells two rows apart and equal rows hash alike, so that a
 * row read twice from one file is one row (a set of findings' edits, a map keyed by edit).
 */
class NcciRowValuesTest {

  private static MueEdit mue(
      String code, int value, MueAdjudicationIndicator indicator, String rationale) {
    return new MueEdit(code(code), value, indicator, rationale);
  }

  @Test
  void eachFieldOfAnMueTellsEditsApart() {
    MueAdjudicationIndicator clinical = MueAdjudicationIndicator.DATE_OF_SERVICE_CLINICAL;
    new EqualsTester()
        .addEqualityGroup(
            mue("20610", 2, clinical, "Anatomic"), mue("20610", 2, clinical, "Anatomic"))
        .addEqualityGroup(mue("20611", 2, clinical, "Anatomic"))
        .addEqualityGroup(mue("20610", 3, clinical, "Anatomic"))
        .addEqualityGroup(mue("20610", 2, MueAdjudicationIndicator.LINE, "Anatomic"))
        .addEqualityGroup(mue("20610", 2, clinical, "Clinical"))
        .testEquals();
  }

  private static PtpEdit ptp(
      String column1,
      String column2,
      boolean prior1996,
      String effective,
      String deletion,
      PtpModifierIndicator indicator,
      String rationale) {
    return new PtpEdit(
        code(column1),
        code(column2),
        prior1996,
        date(effective),
        Optional.ofNullable(deletion).map(LocalDate::parse),
        indicator,
        rationale);
  }

  @Test
  void eachFieldOfAPtpEditTellsEditsApart() {
    PtpModifierIndicator one = PtpModifierIndicator.ALLOWED;
    new EqualsTester()
        .addEqualityGroup(
            ptp("27447", "20610", false, "2002-01-01", null, one, "Standards"),
            ptp("27447", "20610", false, "2002-01-01", null, one, "Standards"))
        .addEqualityGroup(ptp("27446", "20610", false, "2002-01-01", null, one, "Standards"))
        .addEqualityGroup(ptp("27447", "20611", false, "2002-01-01", null, one, "Standards"))
        .addEqualityGroup(ptp("27447", "20610", true, "2002-01-01", null, one, "Standards"))
        .addEqualityGroup(ptp("27447", "20610", false, "2002-01-02", null, one, "Standards"))
        .addEqualityGroup(
            ptp("27447", "20610", false, "2002-01-01", "2023-12-31", one, "Standards"))
        .addEqualityGroup(
            ptp(
                "27447",
                "20610",
                false,
                "2002-01-01",
                null,
                PtpModifierIndicator.NOT_ALLOWED,
                "Standards"))
        .addEqualityGroup(
            ptp(
                "27447",
                "20610",
                false,
                "2002-01-01",
                "2002-01-01",
                PtpModifierIndicator.NOT_APPLICABLE,
                "Standards"))
        .addEqualityGroup(ptp("27447", "20610", false, "2002-01-01", null, one, "Mutually"))
        .testEquals();
  }

  @Test
  void eachFieldOfAnOverlapTellsOverlapsApart() {
    ProcedureCode a = code("27447");
    ProcedureCode b = code("20610");
    new EqualsTester()
        .addEqualityGroup(
            new PtpTable.Builder.Overlap(a, b, 0, 1), new PtpTable.Builder.Overlap(a, b, 0, 1))
        .addEqualityGroup(new PtpTable.Builder.Overlap(b, a, 0, 1))
        .addEqualityGroup(new PtpTable.Builder.Overlap(a, code("20611"), 0, 1))
        .addEqualityGroup(new PtpTable.Builder.Overlap(a, b, 1, 2))
        .addEqualityGroup(new PtpTable.Builder.Overlap(a, b, 0, 2))
        .testEquals();
  }
}
