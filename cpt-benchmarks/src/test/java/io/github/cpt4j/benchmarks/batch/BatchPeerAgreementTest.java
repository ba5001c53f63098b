package io.github.cpt4j.benchmarks.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.benchmarks.CmsFiles;
import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.data.MedicareFiles;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole-process batch comparison times cpt4j against DuckDB only when both price every line of
 * {@link BatchInput}'s lines alike: the generator must bill only what the one SQL statement can
 * price as the claim rules do. This test prices the first lines of the benchmark's input both ways
 * (the library's claim pricer, as {@code cpt price --input} prices a claim, and DuckDB's statement)
 * and compares every amount, so that a claim rule the SQL lacks shows here rather than as a failed
 * benchmark run.
 */
class BatchPeerAgreementTest {

  private static final int LINES = 20_000;

  @Test
  void theLibraryAndTheSqlPeerPriceTheGeneratedLinesAlike(@TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(CmsFiles.hasRvu2025(), CmsFiles.ENV + " is not set");
    Path rvu = CmsFiles.rvu2025();
    Path gpci = rvu.resolveSibling("GPCI2025.csv");
    Path input = dir.resolve("lines.csv");
    Path sql = dir.resolve("duckdb.csv");
    new BatchInput(rvu).write(LINES, input);
    DuckDbPricer.main(
        new String[] {input.toString(), rvu.toString(), gpci.toString(), sql.toString()});

    MedicareFeeSchedule schedule =
        MedicareFiles.of(Optional.of(rvu), Optional.of(gpci), Optional.empty()).schedule();
    List<String> ours = priced(Files.readAllLines(input, StandardCharsets.UTF_8), schedule);
    List<String> theirs = new ArrayList<>();
    for (String row : Files.readAllLines(sql, StandardCharsets.UTF_8)) {
      theirs.add(String.join(",", List.of(row.split(",", -1)).subList(0, 8)));
    }
    assertEquals(LINES + 1, theirs.size());
    List<String> differing = new ArrayList<>();
    for (int i = 1; i < theirs.size(); i++) {
      if (!ours.get(i - 1).equals(theirs.get(i))) {
        differing.add("cpt4j " + ours.get(i - 1) + ", SQL " + theirs.get(i));
      }
    }
    assertTrue(
        differing.isEmpty(),
        differing.size()
            + " lines differ, the first: "
            + differing.subList(0, Math.min(5, differing.size())));
  }

  /** Each input row with its amount (empty when unpriced), priced claim by claim. */
  private static List<String> priced(List<String> rows, MedicareFeeSchedule schedule) {
    MedicareClaimPricer pricer = MedicareClaimPricer.of(schedule);
    List<String> out = new ArrayList<>();
    List<String[]> claim = new ArrayList<>();
    for (String row : rows.subList(1, rows.size())) {
      String[] cells = row.split(",", -1);
      if (!claim.isEmpty() && !claim.get(0)[0].equals(cells[0])) {
        price(claim, pricer, out);
        claim.clear();
      }
      claim.add(cells);
    }
    price(claim, pricer, out);
    return out;
  }

  private static void price(List<String[]> rows, MedicareClaimPricer pricer, List<String> out) {
    List<BilledLine> lines = new ArrayList<>();
    for (String[] cells : rows) {
      String text = cells[2].isEmpty() ? cells[1] : cells[1] + "-" + cells[2];
      lines.add(BilledLine.of(ClaimLine.parse(text).withUnits(Integer.parseInt(cells[3]))));
    }
    String[] first = rows.get(0);
    PricingContext context =
        PricingContext.of(
            LocalDate.parse(first[6]),
            Locality.parse(first[4]),
            first[5].equals("facility") ? Setting.FACILITY : Setting.NON_FACILITY);
    PricedClaim priced = pricer.price(Claim.of(lines), context);
    for (int i = 0; i < rows.size(); i++) {
      String amount = priced.line(i).amount().map(Object::toString).orElse("");
      out.add(String.join(",", rows.get(i)) + "," + amount);
    }
  }
}
