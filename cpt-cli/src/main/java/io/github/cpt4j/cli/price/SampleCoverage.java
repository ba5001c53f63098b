package io.github.cpt4j.cli.price;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.code.CptCode;
import io.github.cpt4j.code.CptKind;
import io.github.cpt4j.code.HcpcsCode;
import io.github.cpt4j.code.ProcedureCode;
import java.util.List;
import java.util.Locale;

/**
 * A line not priced because the bundled data is a sample: its relative value rows and its
 * laboratory, DMEPOS and drug rows are a few hundred codes, so most codes are {@code
 * not_in_schedule} there while CMS's whole files price them (49000 in Manhattan on 2025-06-01:
 * 882.90 with the October 2025 file), though they lack some too. Like a run out of the data's dates
 * ({@link DateCoverage}), a run that prices nothing for that reason must never look like a run of
 * 0.00 amounts: the command exits with status 1 and says, in one line, that the data is a sample
 * and how to give the whole files; a run that priced other lines warns.
 */
public final class SampleCoverage {

  /** The result of a line whose code the schedule it went to does not list. */
  public static final String NOT_IN_SCHEDULE = "not_in_schedule";

  /**
   * How to price with CMS's whole files: the options of {@code cpt price} that read them. "May":
   * the sample cannot tell a code the whole files price from one they lack too (80050, a panel the
   * laboratory file leaves out; 99201, deleted in 2020).
   */
  static final String HINT =
      "CMS's whole files may price %s: --cms-dir DIR, or --rvu, --clfs, --dmepos or --asp FILE";

  /**
   * The hint of a run with {@code --cms-dir}: its Physician Fee Schedule is the directory's, so a
   * sample is a lab, DMEPOS or drug schedule the directory has no file of, and {@code --cms-dir}
   * refuses {@code --clfs}, {@code --dmepos} and {@code --asp}: the file goes in the directory.
   */
  static final String DIRECTORY_HINT =
      "CMS's whole files may price %s: put CMS's CLFS, DMEPOS or ASP file of %s in the --cms-dir"
          + " directory";

  private SampleCoverage() {}

  /**
   * Tells whether Medicare may pay {@code code} by its shape: false for the kinds no Part B
   * schedule pays, whose every code CMS's 2025 relative value file (PPRRVU2025_Oct) lists with a
   * status it does not pay: CPT Category II (performance measurement, status M) and HCPCS H, M, S
   * and T codes (state Medicaid and private payers' codes, and quality measures: in the 2025 file
   * statuses I, M, N and X; the few M codes of status X, such as M0201, are paid outside the fee
   * schedule and its sister schedules); and HCPCS C codes, the hospital outpatient prospective
   * payment system's (devices, drugs and procedures a hospital reports), which none of CMS's 2025
   * physician, laboratory, DMEPOS and drug files lists ({@link #isHospitalOutpatientCode}). A code
   * of such a kind missing from a sample would not be priced by the whole file either.
   */
  public static boolean mayBePaid(ProcedureCode code) {
    requireNonNull(code, "code");
    if (code instanceof CptCode cpt) {
      return cpt.kind() != CptKind.PERFORMANCE_MEASURE;
    }
    char letter = ((HcpcsCode) code).letter();
    return letter != 'C' && letter != 'H' && letter != 'M' && letter != 'S' && letter != 'T';
  }

  /**
   * Tells whether {@code code} is a HCPCS C code, which hospitals report under the outpatient
   * prospective payment system, and which no Part B fee schedule of this project pays.
   */
  public static boolean isHospitalOutpatientCode(ProcedureCode code) {
    return requireNonNull(code, "code") instanceof HcpcsCode hcpcs && hcpcs.letter() == 'C';
  }

  /**
   * Returns the line to print for the lines of {@code codes}, missing from the bundled samples:
   * that nothing was priced, when {@code nothingPriced}, else a warning.
   *
   * @param codes the codes of those lines, in their order, at least one
   */
  public static String message(List<String> codes, boolean nothingPriced) {
    return message(codes, nothingPriced, false);
  }

  /**
   * Returns the line to print for the lines of {@code codes}, missing from the bundled samples:
   * that nothing was priced, when {@code nothingPriced}, else a warning; with {@code
   * fromDirectory}, of a run with {@code --cms-dir}, saying to put the file in the directory.
   *
   * @param codes the codes of those lines, in their order, at least one
   */
  public static String message(List<String> codes, boolean nothingPriced, boolean fromDirectory) {
    if (codes.isEmpty()) {
      throw new IllegalArgumentException("no line is missing from a sample");
    }
    String which =
        codes.size() == 1
            ? codes.get(0) + " is"
            : String.join(", ", codes.subList(0, codes.size() - 1))
                + " and "
                + codes.get(codes.size() - 1)
                + " are";
    return (nothingPriced ? "nothing was priced: " : "warning: ")
        + which
        + " not in the bundled data, a sample of CMS's files ("
        + hint(codes.size() == 1, fromDirectory)
        + ")";
  }

  private static String hint(boolean one, boolean fromDirectory) {
    return fromDirectory
        ? String.format(
            Locale.ROOT,
            DIRECTORY_HINT,
            one ? "it" : "them",
            one ? "its quarter" : "their quarters")
        : String.format(Locale.ROOT, HINT, one ? "it" : "them");
  }

  /**
   * Returns the line to print for a batch whose {@code rows} rows are missing from the bundled
   * samples: that nothing was priced, when {@code nothingPriced}, else a warning.
   */
  public static String message(long rows, boolean nothingPriced) {
    return message(rows, nothingPriced, false);
  }

  /**
   * Returns the line to print for a batch whose {@code rows} rows are missing from the bundled
   * samples: that nothing was priced, when {@code nothingPriced}, else a warning; with {@code
   * fromDirectory}, of a run with {@code --cms-dir}, saying to put the file in the directory.
   */
  public static String message(long rows, boolean nothingPriced, boolean fromDirectory) {
    return message(rows, nothingPriced, hint(rows == 1, fromDirectory));
  }

  /**
   * Returns the line to print for a batch whose {@code rows} rows are missing from the bundled
   * samples, as {@link #message(long, boolean, boolean)} words it, with {@code hint} in its
   * parentheses: for a batch runner whose options to give the whole files are not {@code cpt
   * price}'s.
   */
  public static String message(long rows, boolean nothingPriced, String hint) {
    if (rows <= 0) {
      throw new IllegalArgumentException("no row is missing from a sample: " + rows);
    }
    requireNonNull(hint, "hint");
    return (nothingPriced ? "nothing was priced: " : "warning: ")
        + String.format(
            Locale.ROOT, "%,d %s", rows, rows == 1 ? "row has a code" : "rows have codes")
        + " not in the bundled data, a sample of CMS's files ("
        + hint
        + ")";
  }
}
