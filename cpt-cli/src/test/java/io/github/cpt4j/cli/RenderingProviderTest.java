package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rendering provider on the command line: {@code by NPI} at the end of a line argument, and the
 * {@code rendering_provider} column of a batch file (price and scrub). A group's claim judges each
 * practitioner's lines apart, as the library's claim pricer and NCCI edits do; over the real
 * bundled data.
 */
class RenderingProviderTest {

  private static final String SURGEON = "1234567893";
  private static final String ASSISTANT = "1000000004";

  private static final String[] CONTEXT = {
    "--locality", "13282-99", "--setting", "facility", "--date", "2025-06-02"
  };

  /** {@code cpt price LINE...} in CSV, with the context above; its records, header first. */
  private static List<List<String>> priceLines(int status, String... lines) {
    return priceLinesWith(status, List.of(), lines);
  }

  /** {@code cpt price LINE...} as {@link #priceLines} runs it, with more options. */
  private static List<List<String>> priceLinesWith(
      int status, List<String> options, String... lines) {
    List<String> args = new ArrayList<>(List.of("price"));
    args.addAll(options);
    args.addAll(List.of(lines));
    args.addAll(List.of(CONTEXT));
    args.addAll(List.of("-f", "csv"));
    Cli.Result r = Cli.run(args.toArray(String[]::new));
    assertEquals(status, r.status(), r::toString);
    assertEquals("", r.err(), r::toString);
    return records(r.out());
  }

  private static List<List<String>> records(String csv) {
    try {
      return ValidateCommandTest.csv(csv).stream().map(r -> r.getFields()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The surgeon's 27447 and the assistant's 27447-80 are not two procedures of one surgeon: with
   * two NPIs, the assistant's line is paid its 16% of the fee in full, not ranked second and halved
   * as it is on one provider's claim.
   */
  @Test
  void theAssistantsLineByAnotherNpiIsNotRankedSecond() {
    List<List<String>> apart = priceLines(0, "27447 by " + SURGEON, "27447-80 by " + ASSISTANT);
    List<List<String>> one = priceLines(0, "27447", "27447-80");
    List<List<String>> sameNpi = priceLines(0, "27447 by " + SURGEON, "27447-80 by " + SURGEON);
    // The line column shows whose line it is, as BilledLine writes it.
    assertEquals("27447 by " + SURGEON, apart.get(1).get(0));
    assertEquals("27447-80 by " + ASSISTANT, apart.get(2).get(0));
    BigDecimal surgery = new BigDecimal(one.get(1).get(1));
    BigDecimal assistantAlone = new BigDecimal(apart.get(2).get(1));
    BigDecimal assistantRanked = new BigDecimal(one.get(2).get(1));
    assertEquals(surgery, new BigDecimal(apart.get(1).get(1)));
    // 16% of the fee schedule amount, in full; halved as the second procedure of one surgeon.
    assertEquals(
        surgery.multiply(new BigDecimal("0.16")).doubleValue(),
        assistantAlone.doubleValue(),
        0.011,
        apart::toString);
    assertEquals(
        assistantAlone.doubleValue() / 2, assistantRanked.doubleValue(), 0.011, one::toString);
    // One NPI on both lines, or none: one practitioner's claim.
    assertEquals(one.get(2).subList(1, 3), sameNpi.get(2).subList(1, 3));
    // A line without an NPI beside lines of one: that NPI's, as the library reads it (the
    // billing provider's, CMS-1500 item 24J left blank), so one practitioner's claim again.
    List<List<String>> mixed = priceLines(0, "27447", "27447-80 by " + ASSISTANT);
    assertEquals(one.get(2).subList(1, 3), mixed.get(2).subList(1, 3));
  }

  /** A bad NPI is an invalid line with the parse message, the other lines priced; no trace. */
  @Test
  void aBadNpiIsAnInvalidLine() {
    List<List<String>> out =
        priceLines(1, "27447", "27447-80 by 1234567890", "27447-80 by 123", "99213 by 25");
    assertEquals("priced", out.get(1).get(2));
    assertEquals(List.of("27447-80 by 1234567890", "", "invalid_line"), out.get(2).subList(0, 3));
    assertTrue(
        out.get(2).get(3).contains("the check digit of an NPI starting 123456789 is 3"),
        out::toString);
    assertEquals("invalid_line", out.get(3).get(2));
    assertTrue(out.get(3).get(3).contains("an NPI is 10 digits, not 3"), out::toString);
    // "by" and "25" as modifiers, as ClaimLine reads them: an answer, not a refusal of the NPI.
    assertEquals("99213-BY-25", out.get(4).get(0));
  }

  /**
   * The bad NPI's message shows a line this command prices: the library's example, {@code 99213
   * $180.00 on 2025-06-02 by 1234567893}, has a charge and a date, which a line given here may not
   * have, so following it got the line refused again.
   */
  @Test
  void aBadNpisExampleIsALineThisCommandPrices() {
    List<List<String>> out = priceLines(1, "99213 by 1234567890");
    String message = out.get(1).get(3);
    assertEquals("invalid_line", out.get(1).get(2), out::toString);
    assertTrue(
        message.startsWith(
            "'99213 by 1234567890' has a wrong check digit at index 18: a rendering provider is"
                + " a ten-digit NPI that ends the line (99213 by 1234567893); "),
        message);
    assertFalse(message.contains("$") || message.contains(" on "), message);
    // The example, as shown, is priced.
    assertEquals("priced", priceLines(0, "99213 by 1234567893").get(1).get(2));
  }

  /**
   * "27447-80 by $NPI" with the shell variable empty was priced as 27447-80-BY, halved as the same
   * provider's second procedure; a line ending with "by" or "on" is now refused and says why.
   */
  @Test
  void aLineEndingWithByOrOnIsMissingWhatFollows() {
    List<List<String>> out = priceLines(1, "27447", "27447-80 by ", "99213 ON", "99213-BY");
    assertEquals("priced", out.get(1).get(2), out::toString);
    assertEquals(List.of("27447-80 by ", "", "invalid_line"), out.get(2).subList(0, 3));
    assertTrue(out.get(2).get(3).contains("ends with 'by' and nothing after it"), out::toString);
    assertTrue(out.get(2).get(3).contains("ten-digit NPI"), out::toString);
    assertEquals("invalid_line", out.get(3).get(2), out::toString);
    assertTrue(out.get(3).get(3).contains("'on' takes a date"), out::toString);
    // Written with a hyphen, the modifier is read (and the visit judged by the global package).
    assertEquals("global_surgery", out.get(4).get(2), out::toString);
  }

  /** A charge or a date of a line's text form is not read here: the line says so. */
  @Test
  void aChargeOrADateOnALineIsRefusedAndSaysWhy() {
    List<List<String>> out =
        priceLines(
            1,
            "99213 $100.00",
            "99213 on 2025-06-02 by " + SURGEON,
            "99213 by " + SURGEON,
            "99213 $abc");
    assertEquals("invalid_line", out.get(1).get(2), out::toString);
    assertTrue(out.get(1).get(3).contains("charge"), out::toString);
    assertEquals("invalid_line", out.get(2).get(2), out::toString);
    assertTrue(out.get(2).get(3).contains("--date"), out::toString);
    assertEquals("priced", out.get(3).get(2), out::toString);
    assertEquals("invalid_line", out.get(4).get(2), out::toString);
  }

  private static final String BATCH =
      "claim,code,modifiers,rendering_provider\n"
          + "A,27447,,"
          + SURGEON
          + "\n"
          + "A,27447,80,"
          + ASSISTANT
          + "\n"
          + "B,27447,,\n"
          + "B,27447,80,\n"
          + "C,27447,,"
          + SURGEON
          + "\n"
          + "C,27447,80,"
          + SURGEON
          + "\n"
          + "D,27447,,"
          + SURGEON
          + "\n"
          + "D,27447,80,1234567890\n"
          + "E,27447,80, "
          + ASSISTANT
          + " \n";

  private static List<List<String>> batch(String csv, int status) {
    List<String> args = new ArrayList<>(List.of("price", "--input", "-"));
    args.addAll(List.of(CONTEXT));
    Cli.Result r = Cli.runWithInput(csv, args.toArray(String[]::new));
    assertEquals(status, r.status(), r::toString);
    assertEquals("", r.err(), r::toString);
    return records(r.out());
  }

  /**
   * The rendering_provider column: the claim of two NPIs prices as the lines given with "by NPI"
   * do, a blank cell is no provider, and a bad NPI is the row's invalid_rendering_provider naming
   * the column; on the fast path of plain lines and on the general one (every cell quoted) alike.
   */
  @Test
  void theBatchColumnPricesEachProvidersLinesApart() {
    List<List<String>> apart = priceLines(0, "27447 by " + SURGEON, "27447-80 by " + ASSISTANT);
    List<List<String>> one = priceLines(0, "27447", "27447-80");
    List<List<String>> plain = batch(BATCH, 1);
    StringBuilder quoted = new StringBuilder();
    for (String line : BATCH.lines().toList()) {
      quoted.append('"').append(line.replace(",", "\",\"")).append("\"\n");
    }
    List<List<String>> general = batch(quoted.toString(), 1);
    assertEquals(plain, general);
    assertEquals(
        List.of("claim", "code", "modifiers", "rendering_provider", "amount", "result"),
        plain.get(0).subList(0, 6));
    assertEquals(apart.get(1).subList(1, 3), plain.get(1).subList(4, 6));
    assertEquals(apart.get(2).subList(1, 3), plain.get(2).subList(4, 6));
    assertEquals(one.get(2).subList(1, 3), plain.get(4).subList(4, 6));
    assertEquals(one.get(2).subList(1, 3), plain.get(6).subList(4, 6));
    assertNotEquals(plain.get(2).get(4), plain.get(4).get(4));
    // The bad NPI: its row is refused, naming the column and what is wrong; its claim's other
    // row is priced alone.
    assertEquals(List.of("", "invalid_rendering_provider"), plain.get(8).subList(4, 6));
    assertEquals(
        "rendering_provider: '1234567890' has a wrong check digit at index 9: the check digit of"
            + " an NPI starting 123456789 is 3",
        plain.get(8).get(6));
    assertEquals("priced", plain.get(7).get(5));
    // Blanks around a cell are not part of it, as for the other cells.
    assertEquals(apart.get(2).subList(1, 3), plain.get(9).subList(4, 6));
  }

  /**
   * A group's claim may hold a physician's lines and a nurse practitioner's: the practitioner
   * column may differ between rows of different rendering providers, each NPI's rows priced at its
   * type's share (a nurse practitioner's 85%, as {@code --practitioner np} prices a line). The
   * claim's own practitioner is that of its rows without an NPI, or the first row's when every row
   * names one. Rows of one NPI, or rows without one, that disagree are still refused.
   */
  @Test
  void eachProvidersRowsArePricedAsItsOwnPractitionerType() {
    String physician = priceLines(0, "99213").get(1).get(1);
    String nurse = priceLinesWith(0, List.of("--practitioner", "np"), "99213").get(1).get(1);
    assertNotEquals(physician, nurse);
    String csv =
        "claim,code,practitioner,rendering_provider\n"
            + "A,99213,physician,"
            + SURGEON
            + "\nA,99213,np,"
            + ASSISTANT
            + "\nB,99213,,\nB,99213,np,"
            + ASSISTANT
            + "\nC,99213,np,"
            + ASSISTANT
            + "\nC,99213,physician,"
            + SURGEON
            + "\nD,99213,physician,"
            + SURGEON
            + "\nD,99213,np,"
            + SURGEON
            + "\nE,99213,np,\nE,99213,,\n";
    List<List<String>> out = batch(csv, 1);
    assertEquals(List.of(physician, "priced"), out.get(1).subList(4, 6), out::toString);
    assertEquals(List.of(nurse, "priced"), out.get(2).subList(4, 6), out::toString);
    // The rows without an NPI are the claim's own practitioner's; the NPI's are its type's.
    assertEquals(List.of(physician, "priced"), out.get(3).subList(4, 6), out::toString);
    assertEquals(List.of(nurse, "priced"), out.get(4).subList(4, 6), out::toString);
    // Every row names an NPI, the first a nurse practitioner: each still at its own type's share.
    assertEquals(List.of(nurse, "priced"), out.get(5).subList(4, 6), out::toString);
    assertEquals(List.of(physician, "priced"), out.get(6).subList(4, 6), out::toString);
    // One NPI, two types: the claim is refused, naming the NPI and the two types.
    for (int row : new int[] {7, 8}) {
      assertEquals(List.of("", "mixed_claim_context"), out.get(row).subList(4, 6), out::toString);
      assertEquals(
          "the lines of claim 'D' by "
              + SURGEON
              + " differ in practitioner (physician and np); the lines of one rendering provider"
              + " have one practitioner",
          out.get(row).get(6));
    }
    for (int row : new int[] {9, 10}) {
      assertEquals(List.of("", "mixed_claim_context"), out.get(row).subList(4, 6), out::toString);
      assertEquals(
          "the lines of claim 'E' without a rendering provider differ in practitioner (np and"
              + " physician); the lines of one rendering provider have one practitioner",
          out.get(row).get(6));
    }
  }

  /** Another bad NPI in each way Npi.parse refuses one, each its own message. */
  @Test
  void eachKindOfBadNpiSaysWhatIsWrong() {
    List<List<String>> out =
        batch(
            "code,rendering_provider\n99213,123\n99213,0234567893\n99213,12345a7893\n"
                + "99213,12345678901\n",
            1);
    List<String> expected =
        List.of(
            "rendering_provider: '123' has the wrong length at index 3: an NPI is 10 digits, not 3",
            "rendering_provider: '0234567893' has an illegal character at index 0: an NPI starts"
                + " with 1 or 2",
            "rendering_provider: '12345a7893' has an illegal character at index 5: an NPI is"
                + " digits only",
            "rendering_provider: '12345678901' has the wrong length at index 10: an NPI is 10"
                + " digits, not 11");
    for (int i = 0; i < expected.size(); i++) {
      assertEquals("invalid_rendering_provider", out.get(i + 1).get(3), out::toString);
      assertEquals(expected.get(i), out.get(i + 1).get(4), out::toString);
    }
  }

  @TempDir Path dir;

  /**
   * A row without an NPI is the billing provider's (CMS-1500 item 24J left blank): beside rows of
   * one NPI, that provider's. His 27447 and a 20610 naming no one are one surgeon's procedures
   * (20610 ranked second, 50% of 42.14, where it was paid 42.14 in full) and an NCCI pair; his 2
   * units of a code and 2 naming no one are 4 of his against the MUE. Beside rows of two NPIs a row
   * naming none stays apart, and its explanation says whose it cannot tell.
   */
  @Test
  void aRowWithoutAnNpiIsTheOneNamedProvidersRow() throws IOException {
    String header = "claim,code,modifiers,units,date,rendering_provider\n";
    String rows =
        "A,27447,,1,2025-06-02,"
            + SURGEON
            + "\nA,20610,,1,2025-06-02,\n"
            + "B,27447,,1,2025-06-02,"
            + SURGEON
            + "\nB,20610,,1,2025-06-02,\nB,99213,,1,2025-06-02,"
            + ASSISTANT
            + "\n";
    List<List<String>> priced = batch(header + rows, 0);
    assertEquals(List.of("1197.89", "priced"), priced.get(1).subList(6, 8), priced::toString);
    assertEquals(List.of("21.07", "priced"), priced.get(2).subList(6, 8), priced::toString);
    // Two NPIs: the row naming none is another provider's first procedure, and warned of.
    assertEquals(List.of("42.14", "priced"), priced.get(4).subList(6, 8), priced::toString);
    assertEquals(
        "warning: line 2 names no rendering provider beside lines of 1000000004 and 1234567893:"
            + " whose it is cannot be told, so the same-day rules (NCCI pairs and units, the"
            + " surgical ranking, bilateral pairs, add-ons, the global package, same-day visits,"
            + " critical care) judge it as another"
            + " provider's; give each line its rendering provider's NPI",
        priced.get(4).get(8));
    assertEquals("", priced.get(2).get(8), priced::toString);

    Path ptp = Files.writeString(dir.resolve("ptp1.txt"), ScrubCommandTest.PTP);
    Path mue =
        Files.writeString(
            dir.resolve("mue.csv"),
            ScrubCommandTest.MUE.replace(
                "J1100,10,2 Date of Service Edit: Policy,test",
                "0009U,2,3 Date of Service Edit: Clinical,test"),
            StandardCharsets.ISO_8859_1);
    String input =
        header
            + rows
            + "C,0009U,,2,2025-06-02,"
            + SURGEON
            + "\nC,0009U,,2,2025-06-02,\nD,0009U,,2,2025-06-02,\nD,0009U,,2,2025-06-02,\n";
    Cli.Result r =
        Cli.runWithInput(
            input, "scrub", "--input", "-", "--ptp", ptp.toString(), "--mue", mue.toString());
    assertEquals(1, r.status(), r::toString);
    List<String> lines = r.outLines();
    assertTrue(lines.get(2).startsWith("A,20610,,1,2025-06-02,,\"ncci_ptp: "), r::toString);
    // Two NPIs: whose 20610 is cannot be told, and no NPI's 27447 bundles it.
    assertEquals("B,20610,,1,2025-06-02,,", lines.get(4), r::toString);
    for (int row = 6; row <= 9; row++) {
      assertTrue(lines.get(row).contains(",\"ncci_mue: 0009U: 4 units"), r::toString);
    }
  }

  /**
   * {@code cpt scrub} reads the column too: NCCI's pair edits are one provider's ("same provider,
   * same beneficiary, same date of service"), so 27447 and 20610 of two NPIs pass, of one NPI or
   * none they are a pair, and a bad NPI is the row's invalid cell.
   */
  @Test
  void scrubPairsOnlyOneProvidersLines() throws IOException {
    Path ptp = Files.writeString(dir.resolve("ptp1.txt"), ScrubCommandTest.PTP);
    String input =
        "claim,code,rendering_provider\n"
            + "A,27447,"
            + SURGEON
            + "\nA,20610,"
            + ASSISTANT
            + "\nB,27447,"
            + SURGEON
            + "\nB,20610,"
            + SURGEON
            + "\nC,27447,\nC,20610,\nD,20610,1234567890\n";
    Cli.Result r =
        Cli.runWithInput(
            input, "scrub", "--input", "-", "--ptp", ptp.toString(), "--date", "2025-06-02");
    assertEquals(1, r.status(), r::toString);
    List<String> lines = r.outLines();
    assertEquals("claim,code,rendering_provider,edits", lines.get(0));
    assertEquals("A,27447," + SURGEON + ",", lines.get(1));
    assertEquals("A,20610," + ASSISTANT + ",", lines.get(2));
    assertTrue(lines.get(4).startsWith("B,20610," + SURGEON + ",\"ncci_ptp: "), r::toString);
    assertTrue(lines.get(6).startsWith("C,20610,,\"ncci_ptp: "), r::toString);
    assertEquals(
        "D,20610,1234567890,invalid: rendering_provider: '1234567890' has a wrong check digit at"
            + " index 9: the check digit of an NPI starting 123456789 is 3",
        lines.get(7));
  }
}
