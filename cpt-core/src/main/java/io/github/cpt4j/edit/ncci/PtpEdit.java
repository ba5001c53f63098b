package io.github.cpt4j.edit.ncci;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.text.ControlCharacters;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One row of a procedure-to-procedure (PTP) table: when the column 1 and column 2 codes are billed
 * for one patient by one provider on one date, the column 2 code is not paid, unless the {@link
 * #modifierIndicator() modifier indicator} lets an NCCI-associated modifier bypass the edit.
 *
 * <p>The fields are the columns of CMS's PTP files (practitioner and outpatient hospital): column
 * 1, column 2, "in existence prior to 1996", effective date, deletion date ({@code *} for none),
 * modifier indicator, and the PTP edit rationale (NCCI Policy Manual for Medicare Services, Chapter
 * I, Section E).
 *
 * <pre>{@code
 * PtpEdit edit = table.find(CptCode.parse("27447"), CptCode.parse("20610"), date).orElseThrow();
 * edit.isActiveOn(date);   // true
 * }</pre>
 *
 * @param column1 the column 1 code, the one that is paid
 * @param column2 the column 2 code, the one denied
 * @param inExistencePriorTo1996 the file's {@code *} flag: the edit predates the NCCI (1996)
 * @param effective the first date of service the edit applies to
 * @param deletion the last date of service it applies to, empty when it has not been deleted (the
 *     files give an edit deleted from a quarter on the last day of the one before, such as {@code
 *     20231231}); equal to {@code effective}, it is not a one-day edit but CMS's mark of an edit
 *     withdrawn before it ever applied ({@link #withdrawn()})
 * @param modifierIndicator whether an NCCI-associated modifier may bypass it; 9 (not applicable)
 *     only on an edit withdrawn, deleted on its effective date, as CMS gives it
 * @param rationale why the edit exists, as the file states it (may be empty in older layouts),
 *     without control characters ({@link ControlCharacters}: C0 but the tab, DEL, C1)
 */
public record PtpEdit(
    ProcedureCode column1,
    ProcedureCode column2,
    boolean inExistencePriorTo1996,
    LocalDate effective,
    Optional<LocalDate> deletion,
    PtpModifierIndicator modifierIndicator,
    String rationale) {

  /**
   * Checks the fields.
   *
   * @param column1 the column 1 code, the one that is paid
   * @param column2 the column 2 code, the one denied
   * @param inExistencePriorTo1996 the file's {@code *} flag
   * @param effective the first date of service the edit applies to
   * @param deletion the last date of service it applies to, empty when it has not been deleted
   * @param modifierIndicator whether an NCCI-associated modifier may bypass it
   * @param rationale why the edit exists, as the file states it, without control characters
   * @throws IllegalArgumentException if the deletion date is before the effective date, the two
   *     codes are one, the modifier indicator is 9 on an edit not deleted on its effective date, or
   *     the rationale holds a control character
   */
  public PtpEdit {
    requireNonNull(column1, "column1");
    requireNonNull(column2, "column2");
    requireNonNull(effective, "effective");
    requireNonNull(deletion, "deletion");
    requireNonNull(modifierIndicator, "modifierIndicator");
    requireNonNull(rationale, "rationale");
    if (column1.equals(column2)) {
      throw new IllegalArgumentException(selfPair(column1));
    }
    String problem = ControlCharacters.problemOf(rationale);
    if (problem != null) {
      throw new IllegalArgumentException(badRationale(column1, column2, problem));
    }
    if (modifierIndicator == PtpModifierIndicator.NOT_APPLICABLE
        && !deletion.equals(Optional.of(effective))) {
      throw new IllegalArgumentException(
          notApplicable(column1, column2, effective, deletion.orElse(null)));
    }
    if (deletion.isPresent() && deletion.get().isBefore(effective)) {
      throw new IllegalArgumentException(
          "the PTP edit "
              + column1
              + "/"
              + column2
              + " is deleted on "
              + deletion.get()
              + ", before it takes effect on "
              + effective);
    }
  }

  /**
   * The refusal of a rationale holding a control character, {@code problem} in {@link
   * ControlCharacters#problemOf}'s words: it would print into every finding quoting the text.
   */
  static String badRationale(ProcedureCode column1, ProcedureCode column2, String problem) {
    return "the rationale of the PTP edit " + column1 + "/" + column2 + " " + problem;
  }

  /**
   * The refusal of a pair of one code: a code is never denied as column 2 of itself, so the edit
   * could never apply (units of one code are the MUE's to limit).
   */
  static String selfPair(ProcedureCode code) {
    return "the PTP edit "
        + code
        + "/"
        + code
        + " pairs a code with itself: expected two different codes (a code paired with itself is"
        + " no edit)";
  }

  /**
   * The refusal of indicator 9 on an edit not deleted on its effective date ({@code deletion} null
   * when it has none). CMS gives 9, not applicable, only to an edit deleted retroactively, whose
   * deletion date is its effective date (CMS, "How to Use the Medicare NCCI Tools", MLN booklet ICN
   * 901346; the files' {@code 0001A 90473 20220101 20220101 9}); on other dates the edit was taken
   * as withdrawn, and one still in force never applied.
   */
  static String notApplicable(
      ProcedureCode column1, ProcedureCode column2, LocalDate effective, LocalDate deletion) {
    return "the PTP edit "
        + column1
        + "/"
        + column2
        + " has modifier indicator 9, which CMS gives only to an edit deleted on its effective date"
        + " ("
        + effective
        + "), but it "
        + (deletion == null ? "has no deletion date" : "is deleted on " + deletion)
        + ": expected 0 or 1";
  }

  /**
   * Tells whether the edit was withdrawn: deleted on the date it took effect. A withdrawn edit
   * never applies. CMS marks such rows with modifier indicator 9 too (effective and deletion {@code
   * 20220101}, indicator 9), and gives 9 to no other row, so an edit of indicator 9 is always
   * withdrawn (the constructor refuses it on other dates); a row of indicator 0 or 1 deleted on its
   * effective date is withdrawn as well. This is why a deletion date equal to the effective date
   * does not make the edit apply on that one day, though deletion dates are otherwise the last day
   * an edit applies.
   *
   * @return true if the edit was deleted on its effective date or has modifier indicator 9
   */
  public boolean withdrawn() {
    return modifierIndicator == PtpModifierIndicator.NOT_APPLICABLE
        || deletion.isPresent() && deletion.get().equals(effective);
  }

  /**
   * Tells whether the edit applies on {@code dateOfService}: from its effective date through its
   * deletion date, both included, unless it was {@link #withdrawn() withdrawn}.
   *
   * @param dateOfService the date the services were furnished
   * @return true if the edit is not withdrawn and {@code dateOfService} is from its effective date
   *     through its deletion date
   */
  public boolean isActiveOn(LocalDate dateOfService) {
    requireNonNull(dateOfService, "dateOfService");
    return !withdrawn()
        && !dateOfService.isBefore(effective)
        && (deletion.isEmpty() || !dateOfService.isAfter(deletion.get()));
  }

  /** Returns the row as the file would show it, such as {@code 27447/20610 20020101-* 1}. */
  @Override
  public String toString() {
    return column1
        + "/"
        + column2
        + " "
        + PtpTable.yyyymmdd(effective)
        + "-"
        + deletion.map(PtpTable::yyyymmdd).orElse("*")
        + " "
        + modifierIndicator.digit();
  }
}
