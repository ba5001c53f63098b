package io.github.cpt4j.cli;

import io.github.cpt4j.cli.price.SampleCoverage;
import io.github.cpt4j.cli.report.Column;
import io.github.cpt4j.cli.report.Format;
import io.github.cpt4j.cli.report.Report;
import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.code.CptCode;
import io.github.cpt4j.code.CptKind;
import io.github.cpt4j.code.HcpcsCode;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.codeset.CodeEntry;
import io.github.cpt4j.data.BundledData;
import io.github.cpt4j.fee.medicare.partb.PartBFeeSchedule;
import io.github.cpt4j.fee.medicare.partb.PartBPayer;
import io.github.cpt4j.fee.medicare.pfs.PaymentIndicators;
import io.github.cpt4j.fee.medicare.pfs.PaymentStatus;
import io.github.cpt4j.fee.medicare.pfs.RvuEntry;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code cpt lookup}: what the library knows about each code given. A malformed code is reported
 * with the reason, and makes the exit status 1; the other codes are still looked up.
 */
@Command(
    name = "lookup",
    sortOptions = false,
    description = {
      "Show what is known about each code: level, category, kind, section and subsection, "
          + "from the bundled sample its description, add-on flag and dates, and its 2025 "
          + "Medicare relative values and payment indicators.",
      "",
      "Codes may be typed in lower case and with blanks around them. A malformed code is "
          + "reported with the reason and the index of the problem.",
      "",
      "CSV and JSON have one record per relative value row (rvu_row: global, 26, TC or 53) "
          + "with its values and NA flags, the code's own fields repeated; a code without "
          + "rows has one record."
    },
    footerHeading = "%nExamples:%n",
    footer = {"  cpt lookup 99213", "  cpt lookup 0001F G0438 --format json"})
final class LookupCommand implements Callable<Integer> {

  private static final List<Column> COLUMNS =
      List.of(
          Column.text("input", 8),
          Column.text("code", 5),
          Column.text("level", 8),
          Column.text("category", 12),
          Column.text("kind", 22),
          Column.text("section", 24),
          Column.text("subsection", 24),
          Column.text("group", 24),
          Column.text("description", 40),
          Column.text("add_on", 6),
          Column.text("effective_from", 10),
          Column.text("effective_to", 10),
          Column.text("rvu_rows", 12),
          Column.text("rvu_row", 6),
          Column.text("status", 6),
          Column.number("work_rvu", 8),
          Column.number("pe_nonfacility_rvu", 8),
          Column.text("pe_nonfacility_na", 5),
          Column.number("pe_facility_rvu", 8),
          Column.text("pe_facility_na", 5),
          Column.number("mp_rvu", 8),
          Column.text("global_days", 6),
          Column.text("pc_tc", 5),
          Column.text("mult_proc", 5),
          Column.text("bilateral", 5),
          Column.text("assistant", 5),
          Column.text("co_surgeons", 5),
          Column.text("team_surgery", 5),
          Column.text("paid_by", 22),
          Column.text("error", 18),
          Column.number("index", 5),
          Column.text("message", 0),
          Column.text("paid_by_basis", 15));

  @Spec private CommandSpec spec;

  @ParentCommand private CptCommand cpt;

  @Parameters(
      arity = "1..*",
      paramLabel = "CODE",
      description = "The codes to look up, such as 99213, 0001F or G0438.")
  private List<String> codes;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table (default: one block per code), csv or json.")
  private Format format;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Report report =
        format == Format.TABLE ? null : Report.create(format, COLUMNS, out, cpt.interactive());
    boolean allValid = true;
    boolean first = true;
    // Closing the report unfinished (a table failed to load partway) still writes out its rows.
    try (report) {
      for (String input : codes) {
        ProcedureCode code;
        try {
          code = ProcedureCode.parseLenient(input);
        } catch (CodeFormatException e) {
          allValid = false;
          if (report == null) {
            out.println((first ? "" : System.lineSeparator()) + Main.oneLine(e.getMessage()));
          } else {
            Object[] cells = new Object[COLUMNS.size()];
            cells[0] = input;
            cells[cells.length - 4] = e.errorType().name();
            cells[cells.length - 3] = e.errorIndex();
            cells[cells.length - 2] = e.getMessage();
            report.row(cells);
          }
          first = false;
          continue;
        }
        Optional<CodeEntry> entry = BundledData.codeSet().find(code);
        List<RvuEntry> rows = BundledData.medicareFeeSchedule().rvus().rowsOf(code);
        if (report == null) {
          if (!first) {
            out.println();
          }
          printBlock(out, code, entry);
          printRvus(out, rows);
          PartBPayer payer = router().payerOf(code);
          field(out, "paid by", paidBy(payer, lists(payer, code, rows), rows, code));
          if (cpt.interactive()) {
            out.flush();
          }
        } else {
          // CSV and JSON have one record per relative value row (global, 26, TC, 53), the code's
          // own fields repeated; a code without rows has one record with those cells blank.
          List<Optional<RvuEntry>> records =
              rows.isEmpty() ? List.of(Optional.empty()) : rows.stream().map(Optional::of).toList();
          PartBPayer payer = router().payerOf(code);
          String basis = paidByBasis(lists(payer, code, rows), rows);
          for (Optional<RvuEntry> row : records) {
            report.row(
                input,
                code.toString(),
                code.level().name(),
                category(code),
                kind(code),
                section(code),
                subsection(code),
                group(code),
                entry.map(CodeEntry::shortDescription).orElse(null),
                entry.map(CodeEntry::addOn).orElse(null),
                entry.flatMap(LookupCommand::since).orElse(null),
                entry.flatMap(CodeEntry::effectiveTo).map(LocalDate::toString).orElse(null),
                rows.isEmpty() ? null : rowNames(rows),
                row.map(LookupCommand::rowName).orElse(null),
                row.map(r -> String.valueOf(r.status().code())).orElse(null),
                row.map(RvuEntry::workRvu).orElse(null),
                row.map(RvuEntry::nonFacilityPeRvu).orElse(null),
                row.map(RvuEntry::nonFacilityNa).orElse(null),
                row.map(RvuEntry::facilityPeRvu).orElse(null),
                row.map(RvuEntry::facilityNa).orElse(null),
                row.map(RvuEntry::malpracticeRvu).orElse(null),
                row.map(r -> r.indicators().globalPeriod().code()).orElse(null),
                indicator(row, i -> i.pcTc().code()),
                indicator(row, i -> i.multipleProcedure().code()),
                indicator(row, i -> i.bilateral().code()),
                indicator(row, i -> i.assistantAtSurgery().code()),
                indicator(row, i -> i.coSurgeons().code()),
                indicator(row, i -> i.teamSurgery().code()),
                paidByCell(payer, basis, code),
                null,
                null,
                null,
                basis);
          }
        }
        first = false;
      }
      if (report != null) {
        report.finish();
      }
    }
    return allValid ? ExitStatus.OK : ExitStatus.INVALID_INPUT;
  }

  private static void printBlock(PrintWriter out, ProcedureCode code, Optional<CodeEntry> entry) {
    out.println(code + entry.map(e -> "  " + e.shortDescription()).orElse(""));
    if (code instanceof CptCode) {
      CptCode cpt = (CptCode) code;
      field(out, "level", "Level I (CPT)");
      field(out, "category", categoryWords(cpt));
      field(out, "kind", kindWords(cpt.kind()));
      field(out, "section", cpt.section().displayName());
      if (cpt.section().hasSubsections()) {
        field(out, "subsection", cpt.subsection().displayName());
      }
    } else {
      HcpcsCode hcpcs = (HcpcsCode) code;
      field(out, "level", "Level II (HCPCS, maintained by CMS)");
      field(out, "group", hcpcs.group().displayName());
    }
    if (entry.isEmpty()) {
      field(
          out,
          "code set",
          "not in the bundled sample ("
              + BundledData.codeSet().size()
              + " codes); the structure above holds for any code");
      return;
    }
    CodeEntry e = entry.get();
    e.longDescription().ifPresent(text -> field(out, "long", text));
    field(out, "add-on", e.addOn() ? "yes: billed only with a primary procedure" : "no");
    since(e).ifPresent(date -> field(out, "since", date));
    field(out, "in use", e.effectiveTo().map(to -> "until " + to + " (deleted)").orElse("yes"));
  }

  /**
   * Prints the relative value rows of the code in the bundled schedule, the October 2025 release
   * (2025D: values may differ in earlier quarters), one line per row, then the indicators.
   */
  private static void printRvus(PrintWriter out, List<RvuEntry> rows) {
    if (rows.isEmpty()) {
      field(out, RVUS, "none in the bundled fee schedule");
      return;
    }
    String label = RVUS;
    for (RvuEntry row : rows) {
      PaymentIndicators i = row.indicators();
      String name = String.format(Locale.ROOT, "%-9s ", row.row());
      field(
          out,
          label,
          name
              + "status "
              + row.status().code()
              + " ("
              + row.status().words()
              + "), work "
              + row.workRvu().toPlainString()
              + ", PE non-facility "
              + row.nonFacilityPeRvu().toPlainString()
              + (row.nonFacilityNa() ? " (NA)" : "")
              + ", PE facility "
              + row.facilityPeRvu().toPlainString()
              + (row.facilityNa() ? " (NA)" : "")
              + ", MP "
              + row.malpracticeRvu().toPlainString());
      StringBuilder sb =
          new StringBuilder(" ".repeat(name.length()))
              .append("global ")
              .append(i.globalPeriod().code())
              .append(", PC/TC ")
              .append(i.pcTc().code())
              .append(", MULT PROC ")
              .append(i.multipleProcedure().code())
              .append(", BILAT SURG ")
              .append(i.bilateral().code())
              .append(", ASST SURG ")
              .append(i.assistantAtSurgery().code())
              .append(", CO-SURG ")
              .append(i.coSurgeons().code())
              .append(", TEAM SURG ")
              .append(i.teamSurgery().code());
      i.endoscopicBase().ifPresent(base -> sb.append(", endoscopic base ").append(base));
      field(out, "", sb.toString());
      label = "";
    }
  }

  private static String rowNames(List<RvuEntry> rows) {
    StringBuilder sb = new StringBuilder();
    for (RvuEntry row : rows) {
      sb.append(sb.length() == 0 ? "" : " ").append(rowName(row));
    }
    return sb.toString();
  }

  /** The row's modifier (26, TC, 53), or {@code global} for the row without one. */
  private static String rowName(RvuEntry row) {
    return row.modifier().map(Object::toString).orElse("global");
  }

  private static String indicator(
      Optional<RvuEntry> row, Function<PaymentIndicators, Character> code) {
    return row.map(r -> String.valueOf(code.apply(r.indicators()))).orElse(null);
  }

  /** The label of the relative values: they are those of the October 2025 release, 2025D. */
  private static final String RVUS = "RVUs 2025D";

  /**
   * Names the schedule {@code payer} stands for, the one the code is routed to, or says that none
   * of the bundled schedules pays the code: when that schedule does not list it and the Physician
   * Fee Schedule lists it only with statuses it does not pay. G0463 and G0008 (X) and 99100 (B) are
   * routed to the Physician Fee Schedule itself; 80050 (N) to the Clinical Laboratory Fee Schedule
   * and A4550 (B) to DMEPOS by their shape, and CMS's 2025 files of those schedules list neither.
   * {@code price} gives none of them an amount, and "paid by" a schedule would say otherwise. A
   * code the schedule lists is paid there whatever its status on the Physician Fee Schedule: P2031,
   * N there, is on the CLFS, as 80053 (X) is. A code listed nowhere is not in the bundled data,
   * which are samples: the schedule its route names pays codes of its kind (99201, deleted at the
   * end of 2020, and 99999, no code, were said to be paid by the Physician Fee Schedule), unless
   * the Physician Fee Schedule pays no code of its kind ({@link SampleCoverage#mayBePaid}; some M
   * codes, status X, are paid outside it), or no Part B fee schedule does (C codes, the hospital
   * outpatient payment system's: C1713 was said to be paid by the Physician Fee Schedule).
   *
   * @param lists whether the schedule {@code payer} stands for lists the code ({@link #lists})
   * @param rows the code's rows in the Physician Fee Schedule
   * @param code the code
   */
  static String paidBy(PartBPayer payer, boolean lists, List<RvuEntry> rows, ProcedureCode code) {
    String basis = paidByBasis(lists, rows);
    if (basis.equals(NOT_IN_DATA)) {
      // Deleted (99201), or missing from the samples (49000), or no code at all (99999): the data
      // says nothing of it, only its shape names a schedule.
      if (SampleCoverage.isHospitalOutpatientCode(code)) {
        return "not in the bundled data; no Part B fee schedule pays codes of this kind (C codes"
            + " are the hospital outpatient payment system's, in none of CMS's fee schedule files)";
      }
      return "not in the bundled data; "
          + (SampleCoverage.mayBePaid(code)
              ? payer.words() + " pays codes of this kind"
              : "the Physician Fee Schedule pays no code of this kind (CMS lists every one it knows"
                  + " with a status the schedule does not pay)");
    }
    if (basis.equals(LISTED)) {
      return payer.words();
    }
    PaymentStatus status = rows.get(0).status();
    return "none of the bundled schedules: "
        + PartBPayer.PHYSICIAN_FEE_SCHEDULE.words()
        + " lists it with status "
        + status.code()
        + " ("
        + status.words()
        + ")";
  }

  /**
   * Returns the {@code paid_by} cell of CSV and JSON: the schedule {@code payer} stands for, or
   * null (a blank cell, null in JSON) for a code no bundled schedule holds, of a kind no schedule
   * pays ({@link SampleCoverage#mayBePaid}), as {@link #paidBy} says in words. C1713, 0002F and
   * S0028 had the Physician Fee Schedule there, "the schedule that pays codes of its kind", where
   * the text says that none does.
   */
  static String paidByCell(PartBPayer payer, String basis, ProcedureCode code) {
    return basis.equals(NOT_IN_DATA) && !SampleCoverage.mayBePaid(code) ? null : payer.name();
  }

  /** The {@code paid_by_basis} of a code its schedule lists, and pays there. */
  static final String LISTED = "listed";

  /**
   * The {@code paid_by_basis} of a code the Physician Fee Schedule lists only with statuses it does
   * not pay, and its schedule does not list: "none of the bundled schedules" in the text.
   */
  static final String LISTED_NOT_PAID = "listed_not_paid";

  /**
   * The {@code paid_by_basis} of a code no bundled schedule holds: {@code paid_by} is the schedule
   * that pays codes of its kind, not a fact about the code, or blank for a kind none pays.
   */
  static final String NOT_IN_DATA = "not_in_data";

  /**
   * Returns what {@code paid_by} rests on, as {@link #paidBy} says it in words: {@link #LISTED},
   * {@link #LISTED_NOT_PAID} or {@link #NOT_IN_DATA}.
   */
  static String paidByBasis(boolean lists, List<RvuEntry> rows) {
    if (!lists && rows.isEmpty()) {
      return NOT_IN_DATA;
    }
    return lists || rows.stream().anyMatch(row -> row.status().isPaid()) ? LISTED : LISTED_NOT_PAID;
  }

  /**
   * Returns the router of the bundled Part B schedules over the October rows the command shows,
   * built on the first call. It routes every bundled code as {@link BundledData#partBFeeSchedule()}
   * does (the bundled releases route the sample codes alike), but without loading the other
   * releases, which the command never prices with and which would slow its start-up.
   */
  static PartBFeeSchedule router() {
    return Router.SCHEDULE;
  }

  /** Holds {@link #router()}'s schedule, built when first asked for (the JVM's lazy holder). */
  private static final class Router {
    static final PartBFeeSchedule SCHEDULE =
        PartBFeeSchedule.builder()
            .name("medicare-part-b-2025-sample")
            .physicianFeeSchedule(BundledData.medicareFeeSchedule())
            .clinicalLaboratory(BundledData.clinicalLabFeeSchedule())
            .dmepos(BundledData.dmeposFeeSchedule())
            .drugs(BundledData.aspFeeSchedule())
            .build();

    private Router() {}
  }

  /**
   * Tells whether the bundled schedule {@code payer} stands for lists {@code code}: the Physician
   * Fee Schedule with a status it pays (in {@code rows}); the anesthesia schedule, which prices its
   * whole range by base units, always.
   */
  private static boolean lists(PartBPayer payer, ProcedureCode code, List<RvuEntry> rows) {
    return switch (payer) {
      case PHYSICIAN_FEE_SCHEDULE -> rows.stream().anyMatch(row -> row.status().isPaid());
      case ANESTHESIA -> true;
      case CLINICAL_LABORATORY -> BundledData.clinicalLabFeeSchedule().contains(code);
      case DMEPOS -> BundledData.dmeposFeeSchedule().contains(code);
      case DRUGS -> BundledData.aspFeeSchedule().contains(code);
    };
  }

  private static void field(PrintWriter out, String name, String value) {
    out.println("  " + name + " ".repeat(Math.max(1, 12 - name.length())) + value);
  }

  private static String category(ProcedureCode code) {
    return code instanceof CptCode ? ((CptCode) code).category().name() : null;
  }

  private static String kind(ProcedureCode code) {
    return code instanceof CptCode ? ((CptCode) code).kind().name() : null;
  }

  private static String section(ProcedureCode code) {
    return code instanceof CptCode ? ((CptCode) code).section().name() : null;
  }

  /** The subsection, as the text block shows it: none for a section without subsections. */
  private static String subsection(ProcedureCode code) {
    return code instanceof CptCode cpt && cpt.section().hasSubsections()
        ? cpt.subsection().name()
        : null;
  }

  /**
   * The first date of the entry, as the text block shows it: none for the baseline date, which
   * stands for "no start date recorded" ({@link CodeEntry#BASELINE_DATE}), not for a day.
   */
  private static Optional<String> since(CodeEntry entry) {
    return entry.effectiveFrom().equals(CodeEntry.BASELINE_DATE)
        ? Optional.empty()
        : Optional.of(entry.effectiveFrom().toString());
  }

  private static String group(ProcedureCode code) {
    return code instanceof HcpcsCode ? ((HcpcsCode) code).group().name() : null;
  }

  private static String categoryWords(CptCode code) {
    switch (code.category()) {
      case CATEGORY_I:
        return "Category I (established services and procedures)";
      case CATEGORY_II:
        return "Category II (performance measurement; not paid)";
      case CATEGORY_III:
        return "Category III (emerging technology; temporary)";
      default:
        throw new AssertionError(code.category());
    }
  }

  private static String kindWords(CptKind kind) {
    switch (kind) {
      case STANDARD:
        return "five-digit code";
      case VACCINE_ADMINISTRATION:
        return "vaccine administration (suffix A)";
      case MAAA:
        return "multianalyte assay with algorithmic analyses (suffix M)";
      case PLA:
        return "proprietary laboratory analysis (suffix U)";
      case PERFORMANCE_MEASURE:
        return "performance measure (suffix F)";
      case EMERGING_TECHNOLOGY:
        return "emerging technology (suffix T)";
      default:
        throw new AssertionError(kind);
    }
  }
}
