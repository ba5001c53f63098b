package io.github.cpt4j.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.testing.EqualsTester;
import com.google.common.testing.NullPointerTester;
import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.code.CodeFormatException.ErrorType;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.text.WhiteSpace;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ClaimTest {

  private static final ClaimLine KNEE = ClaimLine.parse("29880-RT");
  private static final ClaimLine VISIT = ClaimLine.parse("99213-25");

  private static NullPointerTester tester() {
    return new NullPointerTester()
        .setDefault(ClaimLine.class, KNEE)
        .setDefault(BilledLine.class, BilledLine.of(KNEE))
        .setDefault(CharSequence.class, "99213")
        .setDefault(String.class, "10.00");
  }

  @Test
  void aNullLineIsNamedByItsPlace() {
    // List.of's NullPointerException has no message; the claim's says which argument.
    NullPointerException array =
        assertThrows(NullPointerException.class, () -> Claim.of((BilledLine[]) null));
    assertEquals("lines", array.getMessage());
    NullPointerException element =
        assertThrows(NullPointerException.class, () -> Claim.of(BilledLine.of(KNEE), null));
    assertTrue(String.valueOf(element.getMessage()).contains("index 1"), element::getMessage);
    NullPointerException priced =
        assertThrows(
            NullPointerException.class,
            () ->
                PricedClaim.of(
                    PricingContext.of(
                        LocalDate.of(2025, 6, 2), Locality.parse("13282-99"), Setting.FACILITY),
                    null));
    assertEquals("lines", priced.getMessage());
  }

  @Test
  void aBilledLineKeepsItsChargeInCents() {
    BilledLine line = BilledLine.of(KNEE, new BigDecimal("2400"));
    assertEquals(Optional.of(new BigDecimal("2400.00")), line.charge());
    assertEquals(2, line.charge().get().scale());
    assertEquals("29880-RT $2400.00", line.toString());
    assertEquals("99213-25", BilledLine.of(VISIT).toString());
  }

  @Test
  void aChargeIsWholeCentsAndNeverNegative() {
    IllegalArgumentException negative =
        assertThrows(
            IllegalArgumentException.class, () -> BilledLine.of(KNEE, new BigDecimal("-1.00")));
    assertTrue(negative.getMessage().contains("29880-RT"), negative.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> BilledLine.of(KNEE, new BigDecimal("10.005")));
    assertEquals(
        BilledLine.of(KNEE, new BigDecimal("10.50")),
        BilledLine.of(KNEE, new BigDecimal("10.500")));
  }

  @Test
  void billedLinesAreValues() {
    new EqualsTester()
        .addEqualityGroup(BilledLine.of(KNEE), BilledLine.of(ClaimLine.parse("29880 RT")))
        .addEqualityGroup(
            BilledLine.of(KNEE, new BigDecimal("1")), BilledLine.of(KNEE, new BigDecimal("1.00")))
        .addEqualityGroup(BilledLine.of(VISIT))
        .addEqualityGroup(
            BilledLine.of(VISIT).withRenderingProvider(Npi.parse("1234567893")),
            BilledLine.parse("99213-25 by 1234567893"))
        .addEqualityGroup(BilledLine.of(VISIT).withRenderingProvider(Npi.parse("2000000002")))
        .testEquals();
    tester().testAllPublicStaticMethods(BilledLine.class);
  }

  @Test
  void aClaimIsBuiltInBilledOrder() {
    Claim claim =
        Claim.builder()
            .add("29880-RT", "2400.00")
            .add(VISIT)
            .add(ClaimLine.parse("20610-LT"), new BigDecimal("310"))
            .add(BilledLine.of(ClaimLine.parse("64484")))
            .add(" 64483 ")
            .build();
    assertEquals(5, claim.size());
    assertEquals(BilledLine.of(KNEE, new BigDecimal("2400.00")), claim.line(0));
    assertEquals("[29880-RT $2400.00, 99213-25, 20610-LT $310.00, 64484, 64483]", claim.toString());
    Claim longer = claim.with(BilledLine.of(VISIT));
    assertEquals(6, longer.size());
    assertEquals(5, claim.size());
  }

  @Test
  void aBadChargeSaysWhichLine() {
    NumberFormatException e =
        assertThrows(NumberFormatException.class, () -> Claim.builder().add("29880-RT", "24OO"));
    assertTrue(
        e.getMessage().contains("29880-RT") && e.getMessage().contains("24OO"), e.getMessage());
  }

  @Test
  void aBilledLineErrorPointsIntoTheCallersText() {
    // The bad X is at index 6 of the text given; it was once reported at 4 of '9921X-25 '.
    for (String text :
        List.of(
            "  9921X-25 $180.00 on 2025-06-02",
            "  9921X-25 $180.00",
            "  9921X-25 on 2025-06-02",
            "  9921X-25",
            "\t 9921X-25  $ 180.00  on  2025-06-02 \n")) {
      CodeFormatException e = assertThrows(CodeFormatException.class, () -> BilledLine.parse(text));
      assertEquals(text, e.input(), text);
      assertEquals(text.indexOf('X'), e.errorIndex(), text);
      assertEquals(ErrorType.BAD_SUFFIX, e.errorType(), text);
    }
    CodeFormatException modifier =
        assertThrows(
            CodeFormatException.class, () -> BilledLine.parse(" 99213-2! $5 on 2025-06-02"));
    assertEquals(" 99213-2! $5 on 2025-06-02", modifier.input());
    // Where the claim line alone, with the same leading blank, reports it.
    assertEquals(
        assertThrows(CodeFormatException.class, () -> ClaimLine.parse(" 99213-2!")).errorIndex(),
        modifier.errorIndex());
    CodeFormatException empty =
        assertThrows(CodeFormatException.class, () -> BilledLine.parse("  $5.00 on 2025-06-02"));
    assertEquals("  $5.00 on 2025-06-02", empty.input());
    assertEquals(ErrorType.EMPTY, empty.errorType());
    assertEquals(
        BilledLine.of(VISIT, new BigDecimal("180")).withDateOfService(LocalDate.of(2025, 6, 2)),
        BilledLine.parse(" 99213-25 $180.00 on 2025-06-02 "));
  }

  @Test
  void aBilledLineMayNameItsRenderingProvider() {
    Npi npi = Npi.parse("1234567893");
    BilledLine line = BilledLine.parse(" 27447-80 $600.00 on 2025-06-02 by 1234567893 ");
    assertEquals(Optional.of(npi), line.renderingProvider());
    assertEquals(Optional.of(LocalDate.of(2025, 6, 2)), line.dateOfService());
    assertEquals("27447-80 $600.00 on 2025-06-02 by 1234567893", line.toString());
    assertEquals(Optional.of(npi), BilledLine.parse("27447 by 1234567893").renderingProvider());
    assertEquals(Optional.of(npi), BilledLine.parse("27447 $5 by 1234567893").renderingProvider());
    assertEquals(Optional.empty(), line.withoutRenderingProvider().renderingProvider());
    assertEquals(line, line.withoutRenderingProvider().withRenderingProvider(npi));
    assertEquals(Optional.of(npi), line.withoutDateOfService().renderingProvider());
    assertTrue(line.sameProvider(BilledLine.parse("99213 by 1234567893")));
    assertFalse(line.sameProvider(BilledLine.parse("99213")));
    assertTrue(BilledLine.parse("99213").sameProvider(BilledLine.parse("99214")));
    // " by " before what is no NPI: the lower-case modifier BY, as for " on ".
    assertEquals(BilledLine.of(ClaimLine.parse("99213 by 25")), BilledLine.parse("99213 by 25"));
    // And so with a date after them: the date was once read into the NPI and refused.
    LocalDate june2 = LocalDate.of(2025, 6, 2);
    BilledLine byWithDate = BilledLine.parse("99213 by 25 on 2025-06-02");
    assertEquals(
        BilledLine.of(ClaimLine.parse("99213-BY-25")).withDateOfService(june2), byWithDate);
    assertEquals("99213-BY-25 on 2025-06-02", byWithDate.toString());
    assertEquals(
        BilledLine.of(ClaimLine.parse("99213-BY-ON")).withDateOfService(june2),
        BilledLine.parse("99213 by on on 2025-06-02"));
    assertEquals(
        BilledLine.of(ClaimLine.parse("99213-ON-BY x2")).withDateOfService(june2),
        BilledLine.parse("99213 on by x2 on 2025-06-02"));
    // A wrong date after the modifier BY is a wrong date, not a wrong NPI.
    IllegalArgumentException badDate =
        assertThrows(
            IllegalArgumentException.class, () -> BilledLine.parse("99213 by 25 on 2025-13-01"));
    assertTrue(
        badDate.getMessage().startsWith("a date of service is YYYY-MM-DD"), badDate::getMessage);
    // After a charge or a date, or when the rest is no claim line, it is an NPI that is wrong.
    for (String text :
        List.of(
            "99213 $5.00 by 25",
            "99213 on 2025-06-02 by 1234567890",
            "99213 by 123456789",
            "99213 by 12345-7893",
            "99213 by 1234567893 on 2025-06-02")) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> BilledLine.parse(text));
      assertTrue(
          e.getMessage().startsWith("a rendering provider is a ten-digit NPI"), e::getMessage);
    }
  }

  @Test
  void aBilledLineReadsEveryClaimLineThatClaimLineReads() {
    // " on " before something that is no date was taken for the date: the lower-case modifier ON.
    assertEquals(BilledLine.of(ClaimLine.parse("99213 on 25")), BilledLine.parse("99213 on 25"));
    assertEquals(BilledLine.of(ClaimLine.parse("99213 on")), BilledLine.parse("99213 on"));
    // So are ON and BY before a charge: the claim line is the text before the "$".
    assertEquals(
        BilledLine.of(ClaimLine.parse("99213-ON-25"), new BigDecimal("5")),
        BilledLine.parse("99213 on 25 $5"));
    assertEquals(
        BilledLine.of(ClaimLine.parse("99213-ON"), new BigDecimal("5"))
            .withDateOfService(LocalDate.of(2025, 6, 2)),
        BilledLine.parse("99213 on $5 on 2025-06-02"));
    assertEquals(
        BilledLine.of(ClaimLine.parse("99213-BY x2"), new BigDecimal("5")),
        BilledLine.parse("99213 by x2 $5"));
    // White space as the claim line reads it, a no-break space included, around every part.
    assertEquals(
        BilledLine.of(VISIT, new BigDecimal("180")).withDateOfService(LocalDate.of(2025, 6, 2)),
        BilledLine.parse("\u00a099213-25 $\u00a0180.00\u00a0 on 2025-06-02\u00a0"));
    // After a charge, or when the rest is no claim line, " on " starts a date that is wrong.
    for (String text : List.of("99213 $5.00 on 25", "99213 on 2025-13-01", "99213 on 06/02/2025")) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> BilledLine.parse(text));
      assertTrue(e.getMessage().startsWith("a date of service is YYYY-MM-DD"), e::getMessage);
    }
  }

  /**
   * A signed or five-digit year, which ISO allows and LocalDate.parse took, is refused as the
   * command line and the data loaders refuse it, quoting the date and the index of the fault in it:
   * "99213 on -2025-06-02" was a line of the year -2025, and its text was written back so.
   */
  @Test
  void aDateOfServiceHasAFourDigitYear() {
    String sign = " (a year has four digits, without a sign)";
    for (String[] refused :
        new String[][] {
          {"99213 on -2025-06-02", "'-2025-06-02': '-' at index 0 is not a digit 0-9" + sign},
          {
            "99213 $180.00 on +12025-06-02",
            "'+12025-06-02': '+' at index 0 is not a digit 0-9" + sign
          },
          {"99213 on 12025-06-02 by 1234567893", "'12025-06-02': '5' at index 4 is not '-'" + sign},
          {"99213 by 25 on -2025-06-02", "'-2025-06-02': '-' at index 0 is not a digit 0-9" + sign},
          {"99213 on 2025-02-30", "'2025-02-30': day 30 at index 8 is not a day of 2025-02"},
        }) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> BilledLine.parse(refused[0]));
      assertEquals(
          "a date of service is YYYY-MM-DD, such as 2025-06-02, not " + refused[1],
          e.getMessage(),
          refused[0]);
    }
    assertEquals(
        Optional.of(LocalDate.of(2025, 6, 2)),
        BilledLine.parse("99213 on 2025-06-02").dateOfService());
  }

  @Test
  void aChargeOfAMillionDigitsIsReadInTimeLinearInItsLength() {
    // BigDecimal reads a string of n digits in time quadratic in n: a million nines took 26
    // seconds in BilledLine.parse and 14 in Claim.Builder.add before being refused.
    String nines = "9".repeat(1_000_000);
    String cents = "1.5" + "0".repeat(1_000_000);
    String fraction = "1.00" + "0".repeat(1_000_000) + "1";
    IllegalArgumentException parse =
        assertTimeoutPreemptively(
            Duration.ofSeconds(2),
            () ->
                assertThrows(
                    IllegalArgumentException.class, () -> BilledLine.parse("99213 $" + nines)));
    assertEquals(
        "a billed charge is less than a trillion dollars, not '" + "9".repeat(64) + "...' on 99213",
        parse.getMessage());
    IllegalArgumentException add =
        assertTimeoutPreemptively(
            Duration.ofSeconds(2),
            () ->
                assertThrows(
                    IllegalArgumentException.class, () -> Claim.builder().add("99213", nines)));
    assertEquals(parse.getMessage(), add.getMessage());
    assertEquals(
        Optional.of(new BigDecimal("1.50")),
        assertTimeoutPreemptively(
            Duration.ofSeconds(2), () -> BilledLine.parse("99213 $" + cents).charge()));
    IllegalArgumentException notCents =
        assertTimeoutPreemptively(
            Duration.ofSeconds(2),
            () ->
                assertThrows(
                    IllegalArgumentException.class, () -> Claim.builder().add("99213", fraction)));
    assertTrue(
        notCents.getMessage().startsWith("a billed charge is whole cents, not '1.00000"),
        notCents::getMessage);
    // Zeros before the first significant digit cost nothing either.
    String zeros = "0".repeat(1_000_000);
    assertEquals(
        Optional.of(new BigDecimal("12.50")),
        assertTimeoutPreemptively(
            Duration.ofSeconds(2), () -> BilledLine.parse("99213 $" + zeros + "12.5").charge()));
    assertEquals(
        Optional.of(new BigDecimal("0.00")),
        assertTimeoutPreemptively(
            Duration.ofSeconds(2), () -> BilledLine.parse("99213 $-0." + zeros).charge()));
  }

  @Test
  void aHugeChargeIsAnIllegalArgumentThatQuotesIt() {
    // setScale(2) on 1E+999999999 once threw ArithmeticException out of BigInteger.
    IllegalArgumentException of =
        assertThrows(
            IllegalArgumentException.class,
            () -> BilledLine.of(KNEE, new BigDecimal("1E+999999999")));
    assertEquals(IllegalArgumentException.class, of.getClass());
    assertEquals(
        "a billed charge is less than a trillion dollars, not '1E+999999999' on 29880-RT",
        of.getMessage());
    // From text, a charge has no exponent; a long one is refused by the same bound.
    String huge = "1" + "0".repeat(100);
    IllegalArgumentException parse =
        assertThrows(IllegalArgumentException.class, () -> BilledLine.parse("99213 $" + huge));
    assertEquals(IllegalArgumentException.class, parse.getClass());
    assertTrue(parse.getMessage().startsWith("a billed charge is less than"), parse::getMessage);
    IllegalArgumentException add =
        assertThrows(IllegalArgumentException.class, () -> Claim.builder().add("99213", huge));
    assertEquals(IllegalArgumentException.class, add.getClass());
    assertThrows(
        IllegalArgumentException.class, () -> BilledLine.of(KNEE, new BigDecimal("1000000000000")));
    // Digits before the point counted in long: in int, precision - scale wraps for these.
    for (BigDecimal extreme :
        new BigDecimal[] {
          new BigDecimal("1E+2147483647"), BigDecimal.valueOf(1, Integer.MIN_VALUE)
        }) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> BilledLine.of(KNEE, extreme));
      assertEquals(IllegalArgumentException.class, e.getClass());
    }
    // Up to the bound, and a zero of any exponent, are charges.
    assertEquals(
        "29880-RT $999999999999.99",
        BilledLine.of(KNEE, new BigDecimal("999999999999.99")).toString());
    assertEquals(
        Optional.of(new BigDecimal("0.00")),
        BilledLine.of(KNEE, new BigDecimal("0E+999999999")).charge());
    assertEquals(
        Optional.of(new BigDecimal("0.00")),
        BilledLine.of(KNEE, new BigDecimal("0E-999999999")).charge());
  }

  @Test
  void aClaimBuildersChargeMessageQuotesItsInput() {
    String hostile = "12,50\n\u001b[31m" + "9".repeat(200);
    NumberFormatException e =
        assertThrows(NumberFormatException.class, () -> Claim.builder().add("99213", hostile));
    assertEquals(
        "a billed charge is a decimal number such as 2400.00, not "
            + CodeFormatException.quote(hostile)
            + ": ',' at index 2 is not a digit 0-9 or a point (line '99213')",
        e.getMessage());
    // Two quoted inputs of at most 64 characters each, and the place of the bad one.
    assertTrue(e.getMessage().length() < 200, e.getMessage());
    assertTrue(e.getMessage().chars().allMatch(c -> c >= 0x20 && c < 0x7f), e.getMessage());
    NumberFormatException longLine =
        assertThrows(
            NumberFormatException.class,
            () -> Claim.builder().add("99213\n" + "x".repeat(500), "abc"));
    assertTrue(longLine.getMessage().length() < 200, longLine.getMessage());
    // The other refusals its Javadoc now names.
    assertEquals(
        "a billed charge is never negative: '-5.00' on 99213",
        assertThrows(IllegalArgumentException.class, () -> Claim.builder().add("99213", "-5.00"))
            .getMessage());
    assertEquals(
        "a billed charge is whole cents, not '1.005' on 99213",
        assertThrows(IllegalArgumentException.class, () -> Claim.builder().add("99213", "1.005"))
            .getMessage());
    assertThrows(CodeFormatException.class, () -> Claim.builder().add("9921X", "1.00"));
  }

  @Test
  void aChargeIsAsciiDigitsWithAtMostOnePoint() {
    // new BigDecimal(String) took Arabic-Indic and full-width digits and an exponent.
    for (String charge :
        List.of(
            "\u0661\u0668\u0660.\u0660\u0660",
            "\uff11\uff18\uff10.00",
            "18\u0660",
            "1e3",
            "1E+3",
            "+5",
            "1,000.00",
            "1.2.3",
            "5-",
            "$5",
            ".",
            "-",
            "\u00005")) {
      IllegalArgumentException parse =
          assertThrows(
              IllegalArgumentException.class, () -> BilledLine.parse("99213 $" + charge), charge);
      assertTrue(
          parse
              .getMessage()
              .startsWith("a billed charge is a decimal number such as 2400.00, not "),
          parse::getMessage);
      NumberFormatException add =
          assertThrows(
              NumberFormatException.class, () -> Claim.builder().add("99213", charge), charge);
      // The same message, naming the line besides.
      assertEquals(parse.getMessage() + " (line '99213')", add.getMessage());
    }
    assertEquals(
        "a billed charge is a decimal number such as 2400.00, not '1e3': 'e' at index 1 is not a"
            + " digit 0-9 or a point",
        assertThrows(IllegalArgumentException.class, () -> BilledLine.parse("99213 $1e3"))
            .getMessage());
    assertEquals(
        "a billed charge is a decimal number such as 2400.00, not '\\u0661\\u0668\\u0660':"
            + " '\\u0661' at index 0 is not a digit 0-9 or a point",
        assertThrows(
                IllegalArgumentException.class, () -> BilledLine.parse("99213 $\u0661\u0668\u0660"))
            .getMessage());
    assertEquals(
        "a billed charge is a decimal number such as 2400.00, not '1.2.3': '.' at index 3 is a"
            + " second decimal point",
        assertThrows(IllegalArgumentException.class, () -> BilledLine.parse("99213 $1.2.3"))
            .getMessage());
    assertEquals(
        "a billed charge is a decimal number such as 2400.00, not '': it is empty (line '99213')",
        assertThrows(NumberFormatException.class, () -> Claim.builder().add("99213", " "))
            .getMessage());
    // Both readers take the same forms, between the same white space (trim() dropped control
    // characters and kept the no-break space: "180.00\u00a0" was refused by one reader only).
    for (String charge :
        List.of(
            "180.00\u00a0", "\t180", " 180.00 ", "\u2003180.00\n", ".50", "50.", "0", "007.10")) {
      BilledLine parsed = BilledLine.parse("99213 $" + charge);
      BilledLine added = Claim.builder().add("99213", charge).build().line(0);
      assertEquals(parsed, added, charge);
      assertEquals(
          Optional.of(new BigDecimal(WhiteSpace.strip(charge)).setScale(2)),
          added.charge(),
          charge);
    }
    // A minus sign is read, to be refused as a negative charge.
    assertEquals(
        "a billed charge is never negative: '-5.00' on 99213",
        assertThrows(IllegalArgumentException.class, () -> BilledLine.parse("99213 $-5.00"))
            .getMessage());
  }

  @Test
  void linesMayKeepTheirNumbersOnALargerClaim() {
    Claim claim = Claim.ofLines(KNEE, VISIT);
    assertEquals(1, claim.lineNumber(0));
    assertEquals(2, claim.lineNumber(1));
    Claim numbered = claim.withLineNumbers(2, 5);
    assertEquals(2, numbered.lineNumber(0));
    assertEquals(5, numbered.lineNumber(1));
    assertEquals(claim.lines(), numbered.lines());
    assertEquals("[2: 29880-RT, 5: 99213-25]", numbered.toString());
    // A line added is numbered after the last.
    assertEquals(6, numbered.with(BilledLine.of(VISIT)).lineNumber(2));
    // Numbers that are the positions are no numbers of their own.
    assertEquals(claim, claim.withLineNumbers(1, 2));
    assertEquals(claim.toString(), claim.withLineNumbers(1, 2).toString());
    assertThrows(IndexOutOfBoundsException.class, () -> claim.lineNumber(2));
    assertEquals(
        "2 line numbers for a claim of 1 lines",
        assertThrows(
                IllegalArgumentException.class, () -> Claim.ofLines(KNEE).withLineNumbers(1, 2))
            .getMessage());
    assertEquals(
        "line numbers are at least 1 and increasing; found 2 after 3 for line 2",
        assertThrows(IllegalArgumentException.class, () -> claim.withLineNumbers(3, 2))
            .getMessage());
    assertThrows(IllegalArgumentException.class, () -> claim.withLineNumbers(0, 1));
    // No number is past the largest: refused, not wrapped to a negative one.
    Claim last = claim.withLineNumbers(1, Integer.MAX_VALUE);
    assertEquals(
        "the last line is numbered 2147483647: no line number is past it",
        assertThrows(IllegalArgumentException.class, () -> last.with(BilledLine.of(VISIT)))
            .getMessage());
  }

  @Test
  void lineNumbersAreCopiedBeforeTheyAreChecked() throws InterruptedException {
    // A caller's array changed by another thread while withLineNumbers runs must not slip a
    // refused number (0) past the check into the claim: the check must read the claim's own copy.
    Claim claim = Claim.ofLines(VISIT);
    int[] numbers = {7};
    // Volatile writes, so that the compiler keeps every flip.
    VarHandle element = MethodHandles.arrayElementVarHandle(int[].class);
    AtomicBoolean stop = new AtomicBoolean();
    Thread flipper =
        new Thread(
            () -> {
              while (!stop.get()) {
                element.setVolatile(numbers, 0, 0);
                element.setVolatile(numbers, 0, 7);
              }
            });
    flipper.start();
    try {
      long end = System.nanoTime() + 1_000_000_000L;
      for (int i = 0; i < 2_000_000 && System.nanoTime() < end; i++) {
        Claim numbered;
        try {
          numbered = claim.withLineNumbers(numbers);
        } catch (IllegalArgumentException refused) {
          continue;
        }
        assertEquals(7, numbered.lineNumber(0), "after " + i + " calls");
      }
    } finally {
      stop.set(true);
      flipper.join();
    }
  }

  @Test
  void claimsAreValues() {
    new EqualsTester()
        .addEqualityGroup(Claim.of(), Claim.of(List.of()), Claim.builder().build())
        .addEqualityGroup(
            Claim.ofLines(KNEE, VISIT), Claim.of(BilledLine.of(KNEE), BilledLine.of(VISIT)))
        .addEqualityGroup(Claim.ofLines(VISIT, KNEE))
        .addEqualityGroup(Claim.ofLines(VISIT, KNEE).withLineNumbers(2, 3))
        .testEquals();
    tester().testAllPublicStaticMethods(Claim.class);
    tester().testAllPublicInstanceMethods(Claim.of());
    tester().testAllPublicInstanceMethods(Claim.builder());
  }
}
