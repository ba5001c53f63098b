package io.github.cpt4j.fee.medicare.pfs.claim;

import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.ApmProviders;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.pfs.AssistantAtSurgery;
import io.github.cpt4j.fee.medicare.pfs.BilateralRule;
import io.github.cpt4j.fee.medicare.pfs.ConversionFactor;
import io.github.cpt4j.fee.medicare.pfs.ConversionFactors;
import io.github.cpt4j.fee.medicare.pfs.GlobalPeriod;
import io.github.cpt4j.fee.medicare.pfs.Gpci;
import io.github.cpt4j.fee.medicare.pfs.GpciTable;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.MultipleProcedureRule;
import io.github.cpt4j.fee.medicare.pfs.OppsCap;
import io.github.cpt4j.fee.medicare.pfs.OppsCapTable;
import io.github.cpt4j.fee.medicare.pfs.PaymentIndicators;
import io.github.cpt4j.fee.medicare.pfs.PaymentStatus;
import io.github.cpt4j.fee.medicare.pfs.PcTcIndicator;
import io.github.cpt4j.fee.medicare.pfs.RvuEntry;
import io.github.cpt4j.fee.medicare.pfs.RvuTable;
import io.github.cpt4j.fee.medicare.pfs.SurgeonsPermission;
import io.github.cpt4j.modifier.Modifier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A small relative value table built with the public builders, for worked examples that can be
 * checked by hand: every GPCI is 1 and the conversion factor is 25, so a row's amount is its total
 * RVUs times 25 dollars. Real code numbers, with round made-up RVUs and indicator values chosen to
 * exercise each rule (they are not CMS's values for these codes).
 */
final class ClaimTables {

  static final Locality TEST_LOCALITY = Locality.parse("99999-01");
  static final LocalDate DATE = LocalDate.of(2025, 6, 2);
  static final PricingContext CONTEXT = PricingContext.of(DATE, TEST_LOCALITY, Setting.FACILITY);

  /**
   * A second locality with Manhattan's 2025 GPCIs (1.065, 1.166, 1.656), where a row's exact amount
   * has up to five decimals: for the rules about rounding to cents.
   */
  static final Locality ODD_LOCALITY = Locality.parse("99999-02");

  static final PricingContext ODD_CONTEXT = PricingContext.of(DATE, ODD_LOCALITY, Setting.FACILITY);

  private ClaimTables() {}

  /** A row under construction; defaults describe an office visit (no surgery rules). */
  static final class Row {
    private final String code;
    private String modifier = "";
    private char status = 'A';
    private final String work;
    private final String pe;
    private final String mp;
    private char pcTc = '0';
    private String global = "XXX";
    private String pre = "0";
    private String intra = "0";
    private String post = "0";
    private char mult = '0';
    private char bilateral = '9';
    private char assistant = '1';
    private char coSurgery = '0';
    private char team = '0';
    private String base = "";
    private int family = 99;
    private boolean facilityNa;
    private String facilityPe;

    Row(String code, String work, String pe, String mp) {
      this.code = code;
      this.work = work;
      this.pe = pe;
      this.facilityPe = pe;
      this.mp = mp;
    }

    /** A facility PE other than the non-facility one: for the rules that choose the setting. */
    Row facilityPe(String value) {
      facilityPe = value;
      return this;
    }

    Row modifier(String value) {
      modifier = value;
      return this;
    }

    Row status(char value) {
      status = value;
      return this;
    }

    Row pcTc(char value) {
      pcTc = value;
      return this;
    }

    Row global(String days) {
      global = days;
      return this;
    }

    /** A 090 global period with the usual 10/69/21 split. */
    Row major() {
      global = "090";
      pre = "0.10";
      intra = "0.69";
      post = "0.21";
      return this;
    }

    Row mult(char value) {
      mult = value;
      return this;
    }

    Row base(String value) {
      mult = '3';
      base = value;
      return this;
    }

    Row imaging() {
      mult = '4';
      family = 88;
      pcTc = '1';
      return this;
    }

    Row bilateral(char value) {
      bilateral = value;
      return this;
    }

    Row assistant(char value) {
      assistant = value;
      return this;
    }

    Row coSurgery(char value) {
      coSurgery = value;
      return this;
    }

    /** Marks the facility setting NA: the row is priced at the non-facility setting there. */
    Row facilityNa() {
      facilityNa = true;
      return this;
    }

    Row team(char value) {
      team = value;
      return this;
    }

    RvuEntry build() {
      return RvuEntry.builder()
          .code(ProcedureCode.parse(code))
          .modifier(modifier.isEmpty() ? Optional.empty() : Optional.of(Modifier.parse(modifier)))
          .workRvu(new BigDecimal(work))
          .nonFacilityPeRvu(new BigDecimal(pe))
          .facilityPeRvu(new BigDecimal(facilityPe))
          .facilityNa(facilityNa)
          .malpracticeRvu(new BigDecimal(mp))
          .indicators(
              PaymentIndicators.builder()
                  .status(PaymentStatus.of(status))
                  .pcTc(PcTcIndicator.of(pcTc))
                  .globalPeriod(GlobalPeriod.of(global))
                  .preOperativeShare(new BigDecimal(pre))
                  .intraOperativeShare(new BigDecimal(intra))
                  .postOperativeShare(new BigDecimal(post))
                  .multipleProcedure(MultipleProcedureRule.of(mult))
                  .bilateral(BilateralRule.of(bilateral))
                  .assistantAtSurgery(AssistantAtSurgery.of(assistant))
                  .coSurgeons(SurgeonsPermission.of(coSurgery))
                  .teamSurgery(SurgeonsPermission.of(team))
                  .endoscopicBase(
                      base.isEmpty() ? Optional.empty() : Optional.of(ProcedureCode.parse(base)))
                  .diagnosticImagingFamily(family)
                  .pricingIndicator(Optional.empty())
                  .build())
          .build();
    }
  }

  static Row row(String code, String work, String pe, String mp) {
    return new Row(code, work, pe, mp);
  }

  /** The rows; the comment after each is its amount at 25 dollars per RVU. */
  static List<RvuEntry> rows() {
    return rows(false);
  }

  /**
   * The rows, with the facility setting marked NA on every third row when {@code someNa}: for the
   * properties of a path that leaves NA rows to the general one.
   */
  static List<RvuEntry> rows(boolean someNa) {
    List<Row> rows = new ArrayList<>();
    // Visits and simple services.
    rows.add(row("99213", "2.00", "1.60", "0.40")); // 100.00
    rows.add(row("99080", "0.00", "0.00", "0.00").status('B')); // bundled
    rows.add(row("17999", "0.00", "0.00", "0.00").status('C').global("YYY")); // contractor
    rows.add(row("36591", "0.00", "0.96", "0.04").status('T').pcTc('3')); // 25.00
    // Major surgery, MULT PROC 2.
    rows.add(
        row("27447", "20.00", "16.00", "4.00")
            .major()
            .mult('2')
            .bilateral('1')
            .assistant('2')
            .coSurgery('1')
            .team('0')); // 1000.00
    rows.add(
        row("27130", "18.00", "14.40", "3.60")
            .major()
            .mult('2')
            .bilateral('1')
            .assistant('2')
            .coSurgery('2')
            .team('1')); // 900.00
    rows.add(
        row("22612", "24.00", "19.20", "4.80")
            .major()
            .mult('2')
            .bilateral('0')
            .assistant('2')
            .coSurgery('2')
            .team('2')); // 1200.00
    rows.add(
        row("22614", "6.00", "4.80", "1.20")
            .global("ZZZ")
            .mult('2')
            .bilateral('0')
            .assistant('2')
            .coSurgery('2')); // 300.00 add-on
    rows.add(
        row("20610", "2.00", "1.60", "0.40")
            .global("000")
            .mult('2')
            .bilateral('1')
            .assistant('1')); // 100.00
    rows.add(
        row("10060", "0.04", "0.00", "0.00")
            .global("010")
            .mult('2')
            .bilateral('1')
            .coSurgery('2')); // 1.00
    rows.add(row("64483", "5.00", "4.00", "1.00").global("000").mult('2').bilateral('1'));
    rows.add(row("64484", "2.00", "1.60", "0.40").global("ZZZ").mult('0').bilateral('1'));
    // An add-on counting further vessels whose RVUs cover both sides (BILAT SURG 2).
    rows.add(row("37186", "3.00", "2.40", "0.60").global("ZZZ").mult('0').bilateral('2')); // 150
    // MULT PROC 1, the rule before 1996.
    rows.add(row("12001", "4.00", "3.20", "0.80").global("010").mult('1').bilateral('0')); // 200
    rows.add(row("12002", "3.00", "2.40", "0.60").global("010").mult('1').bilateral('0')); // 150
    rows.add(row("12004", "2.00", "1.60", "0.40").global("010").mult('1').bilateral('0')); // 100
    // Knee arthroscopy: the family of base 29870.
    rows.add(row("29870", "8.00", "6.40", "1.60").major().mult('2').bilateral('1')); // 400.00
    rows.add(
        row("29880", "12.00", "9.60", "2.40")
            .major()
            .base("29870")
            .bilateral('1')
            .assistant('0')
            .coSurgery('1')); // 600.00
    rows.add(
        row("29881", "11.00", "8.80", "2.20")
            .major()
            .base("29870")
            .bilateral('1')
            .assistant('0')); // 550.00
    rows.add(
        row("29877", "10.00", "8.00", "2.00")
            .major()
            .base("29870")
            .bilateral('1')
            .assistant('0')); // 500.00
    // Colonoscopy: the family of base 45378, with a discontinued-procedure row.
    rows.add(row("45378", "5.00", "4.00", "1.00").global("000").mult('2').bilateral('0'));
    rows.add(
        row("45378", "2.50", "2.00", "0.50")
            .modifier("53")
            .global("000")
            .mult('2')
            .bilateral('0')); // 125.00
    rows.add(
        row("45380", "6.00", "4.80", "1.20").global("000").base("45378").bilateral('0')); // 300.00
    rows.add(
        row("45385", "7.00", "5.60", "1.40").global("000").base("45378").bilateral('0')); // 350.00
    // An endoscopy whose base is missing from the table.
    rows.add(
        row("43239", "4.00", "3.20", "0.80").global("000").base("43235").bilateral('0')); // 200.00
    // Diagnostic imaging, family 88: global = 26 + TC.
    rows.add(row("70450", "3.00", "4.60", "0.40").imaging().bilateral('0')); // 200.00
    rows.add(row("70450", "3.00", "0.00", "0.00").imaging().modifier("26")); // 75.00
    rows.add(row("70450", "0.00", "4.60", "0.40").imaging().modifier("TC")); // 125.00
    rows.add(row("70486", "4.00", "7.60", "0.40").imaging().bilateral('0')); // 300.00
    rows.add(row("70486", "4.00", "0.00", "0.00").imaging().modifier("26")); // 100.00
    rows.add(row("70486", "0.00", "7.60", "0.40").imaging().modifier("TC")); // 200.00
    rows.add(row("71260", "6.00", "9.60", "0.40").imaging().bilateral('0')); // 400.00
    rows.add(row("71260", "6.00", "0.00", "0.00").imaging().modifier("26")); // 150.00
    rows.add(row("71260", "0.00", "9.60", "0.40").imaging().modifier("TC")); // 250.00
    // An x-ray paid 100% for each side.
    rows.add(row("73560", "0.80", "1.20", "0.00").pcTc('1').bilateral('3')); // 50.00
    rows.add(row("73560", "0.80", "0.00", "0.00").pcTc('1').modifier("26").bilateral('3'));
    rows.add(row("73560", "0.00", "1.20", "0.00").pcTc('1').modifier("TC").bilateral('3'));
    // Diagnostic cardiovascular, MULT PROC 6.
    rows.add(row("93306", "4.00", "6.00", "0.00").pcTc('1').mult('6').bilateral('0')); // 250
    rows.add(row("93306", "4.00", "0.00", "0.00").pcTc('1').mult('6').modifier("26")); // 100
    rows.add(row("93306", "0.00", "6.00", "0.00").pcTc('1').mult('6').modifier("TC")); // 150
    rows.add(row("93880", "2.00", "4.00", "0.00").pcTc('1').mult('6').bilateral('2')); // 150
    rows.add(row("93880", "2.00", "0.00", "0.00").pcTc('1').mult('6').modifier("26")); // 50
    rows.add(row("93880", "0.00", "4.00", "0.00").pcTc('1').mult('6').modifier("TC")); // 100
    rows.add(row("93005", "0.00", "2.00", "0.00").pcTc('3').mult('6').bilateral('0')); // 50
    rows.add(row("93000", "1.00", "2.00", "0.00").pcTc('4').mult('6').bilateral('0')); // 75
    // Diagnostic ophthalmology, MULT PROC 7.
    rows.add(row("92250", "1.60", "2.40", "0.00").pcTc('1').mult('7').bilateral('2')); // 100
    rows.add(row("92250", "1.60", "0.00", "0.00").pcTc('1').mult('7').modifier("26")); // 40
    rows.add(row("92250", "0.00", "2.40", "0.00").pcTc('1').mult('7').modifier("TC")); // 60
    rows.add(row("92134", "0.80", "1.20", "0.00").pcTc('1').mult('7').bilateral('2')); // 50
    rows.add(row("92134", "0.80", "0.00", "0.00").pcTc('1').mult('7').modifier("26")); // 20
    rows.add(row("92134", "0.00", "1.20", "0.00").pcTc('1').mult('7').modifier("TC")); // 30
    // Therapy, MULT PROC 5: amount (practice expense part).
    rows.add(row("97110", "0.40", "0.40", "0.20").pcTc('7').mult('5')); // 25.00 (10.00)
    rows.add(row("97140", "0.40", "0.60", "0.00").pcTc('7').mult('5')); // 25.00 (15.00)
    rows.add(row("97530", "0.40", "0.80", "0.20").pcTc('7').mult('5')); // 35.00 (20.00)
    List<RvuEntry> entries = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      entries.add(someNa && i % 3 == 0 ? r.facilityNa().build() : r.build());
    }
    return entries;
  }

  static MedicareFeeSchedule schedule() {
    return scheduleBuilder().build();
  }

  static MedicareFeeSchedule.Builder scheduleBuilder() {
    return MedicareFeeSchedule.builder()
        .name("test-table")
        .rvus(RvuTable.of(rows()))
        .gpcis(
            GpciTable.of(
                List.of(
                    Gpci.builder()
                        .locality(TEST_LOCALITY)
                        .state("ZZ")
                        .name("TEST LOCALITY")
                        .work(BigDecimal.ONE)
                        .practiceExpense(BigDecimal.ONE)
                        .malpractice(BigDecimal.ONE)
                        .build(),
                    Gpci.builder()
                        .locality(ODD_LOCALITY)
                        .state("ZZ")
                        .name("TEST LOCALITY WITH MANHATTAN GPCIS")
                        .work(new BigDecimal("1.065"))
                        .practiceExpense(new BigDecimal("1.166"))
                        .malpractice(new BigDecimal("1.656"))
                        .build())))
        .conversionFactors(factorOf25(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)));
  }

  /**
   * The same table with one conversion factor of 25 from 2015 through 2025, for the rules whose
   * rates change by date of service.
   */
  static MedicareFeeSchedule.Builder scheduleBuilderSince2015() {
    return scheduleBuilder()
        .conversionFactors(factorOf25(LocalDate.of(2015, 1, 1), LocalDate.of(2025, 12, 31)));
  }

  /** A claim of {@code lines} in {@link io.github.cpt4j.claim.ClaimLine#parse} form. */
  static Claim claimOf(String... lines) {
    Claim.Builder claim = Claim.builder();
    for (String line : lines) {
      claim.add(line);
    }
    return claim.build();
  }

  /** One conversion factor of 25 dollars, for every provider, from {@code from} to {@code to}. */
  static ConversionFactors factorOf25(LocalDate from, LocalDate to) {
    return ConversionFactors.of(
        List.of(
            ConversionFactor.builder()
                .effectiveFrom(from)
                .effectiveTo(to)
                .amount(new BigDecimal("25.0000"))
                .appliesTo(ApmProviders.ALL)
                .build()));
  }

  /**
   * The OPPS caps of 70486 in {@link #TEST_LOCALITY}: its TC (200.00 by the formula) capped at
   * 110.00, its global row (300.00) at 210.00, the PC of 100.00 plus the capped TC.
   */
  static OppsCapTable capsOf70486() {
    return OppsCapTable.of(
        List.of(oppsCap("70486", "TC", "110.00"), oppsCap("70486", "", "210.00")));
  }

  /**
   * An OPPS cap row of {@code code} in {@link #TEST_LOCALITY}, the same amount in both settings;
   * {@code modifier} "" for the global row.
   */
  static OppsCap oppsCap(String code, String modifier, String amount) {
    return OppsCap.builder()
        .code(ProcedureCode.parse(code))
        .modifier(modifier.isEmpty() ? Optional.empty() : Optional.of(Modifier.parse(modifier)))
        .locality(TEST_LOCALITY)
        .status(PaymentStatus.of('A'))
        .facilityAmount(new BigDecimal(amount))
        .nonFacilityAmount(new BigDecimal(amount))
        .build();
  }
}
