package io.github.cpt4j.edit.ncci;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.cpt4j.code.ProcedureCode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class PtpTableProperties {

  private static final List<String> CODES =
      List.of("00100", "0001F", "0100T", "20610", "27447", "29880", "99213", "G0105", "J1100");
  private static final LocalDate START = LocalDate.of(2019, 1, 1);

  @Provide
  Arbitrary<PtpEdit> edits() {
    Arbitrary<String> codes = Arbitraries.of(CODES);
    Arbitrary<Integer> offsets = Arbitraries.integers().between(0, 60);
    Arbitrary<Optional<Integer>> lengths = Arbitraries.integers().between(0, 40).optional(0.7);
    Arbitrary<PtpModifierIndicator> indicators = Arbitraries.of(PtpModifierIndicator.class);
    return Combinators.combine(codes, codes, offsets, lengths, indicators)
        .as(
            (a, b, from, length, indicator) ->
                new PtpEdit(
                    ProcedureCode.parse(a),
                    ProcedureCode.parse(b),
                    false,
                    START.plusDays(from),
                    length.map(days -> START.plusDays(from + days)),
                    indicator,
                    "r"));
  }

  /** The index answers as a scan of every row would, whatever the order rows are added in. */
  @Property(tries = 300)
  void findAgreesWithAScan(
      @ForAll("rowLists") List<PtpEdit> rows,
      @ForAll("codeIndex") int first,
      @ForAll("codeIndex") int second,
      @ForAll("day") int day) {
    PtpTable.Builder builder = PtpTable.builder();
    rows.forEach(builder::add);
    PtpTable table = builder.build();
    ProcedureCode column1 = ProcedureCode.parse(CODES.get(first));
    ProcedureCode column2 = ProcedureCode.parse(CODES.get(second));
    LocalDate date = START.plusDays(day);
    List<PtpEdit> active = new ArrayList<>();
    for (PtpEdit row : rows) {
      boolean applies = appliesOn(row, date); // checked for every row, not only the pair's
      if (row.column1().equals(column1) && row.column2().equals(column2) && applies) {
        active.add(row);
      }
    }
    Optional<PtpEdit> expected =
        active.stream()
            .filter(e -> e.modifierIndicator() == PtpModifierIndicator.NOT_ALLOWED)
            .findFirst()
            .or(() -> active.stream().findFirst());
    assertEquals(expected, table.find(column1, column2, date));
    assertEquals(rows.size(), table.size());
    assertEquals(
        rows.stream()
            .filter(r -> r.column1().equals(column1) && r.column2().equals(column2))
            .count(),
        table.edits(column1, column2).size());
  }

  /**
   * When an edit applies, written out from its documentation rather than read from {@link
   * PtpEdit#isActiveOn}: from the effective date through the deletion date, both included, unless
   * withdrawn (modifier indicator 9, or deleted on its effective date). With the scan calling
   * isActiveOn, a deletion date made exclusive there passed, as both sides changed together.
   */
  private static boolean appliesOn(PtpEdit row, LocalDate date) {
    boolean withdrawn =
        row.modifierIndicator() == PtpModifierIndicator.NOT_APPLICABLE
            || row.deletion().isPresent() && row.deletion().get().equals(row.effective());
    boolean started = !date.isBefore(row.effective());
    boolean notEnded = row.deletion().map(end -> !date.isAfter(end)).orElse(true);
    assertEquals(!withdrawn && started && notEnded, row.isActiveOn(date), row::toString);
    return !withdrawn && started && notEnded;
  }

  @Provide
  Arbitrary<List<PtpEdit>> rowLists() {
    return edits().list().ofMaxSize(40);
  }

  @Provide
  Arbitrary<Integer> codeIndex() {
    return Arbitraries.integers().between(0, CODES.size() - 1);
  }

  @Provide
  Arbitrary<Integer> day() {
    return Arbitraries.integers().between(-2, 110);
  }
}
