package io.github.cpt4j.data.medicare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.claim.Npi;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.data.BundledData;
import io.github.cpt4j.data.MedicareFiles;
import io.github.cpt4j.edit.ClaimEdit;
import io.github.cpt4j.edit.DuplicateLinesEdit;
import io.github.cpt4j.edit.RenderingProviders;
import io.github.cpt4j.edit.ncci.MueAdjudicationIndicator;
import io.github.cpt4j.edit.ncci.MueClaimEdit;
import io.github.cpt4j.edit.ncci.MueEdit;
import io.github.cpt4j.edit.ncci.MueTable;
import io.github.cpt4j.fee.ClaimWarning;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricedLine;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.asp.AspFeeSchedule;
import io.github.cpt4j.fee.medicare.asp.AspLimit;
import io.github.cpt4j.fee.medicare.clfs.ClfsFeeSchedule;
import io.github.cpt4j.fee.medicare.clfs.ClfsRate;
import io.github.cpt4j.fee.medicare.dmepos.DmeposFee;
import io.github.cpt4j.fee.medicare.dmepos.DmeposFeeSchedule;
import io.github.cpt4j.fee.medicare.partb.PartBClaimPricer;
import io.github.cpt4j.fee.medicare.partb.PartBFeeSchedule;
import io.github.cpt4j.fee.medicare.partb.PartBPayer;
import io.github.cpt4j.fee.medicare.pfs.Gpci;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer;
import io.github.cpt4j.fee.medicare.pfs.claim.NewPatientVisitEdit;
import io.github.cpt4j.modifier.Modifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Laws of Part B claim pricing over random mixed claims of the bundled 2025 Q1 data, and of CMS's
 * January 2025 files when {@code CPT4J_CMS_DIR} names the directory holding them (as the other
 * full-file tests do): what a user may rely on whatever the claim, as the README's "Part B:
 * laboratory tests, equipment and drugs" section states it. Each claim mixes lab panels and tests
 * (with QW, 90, 91), specimen collection and travel, DME rentals and purchases (RR, NU, UE, KJ, KH,
 * KI) for beneficiaries of rural and non-rural ZIP codes, drugs (JW, JZ, units) and physician
 * services, with charges, dates and rendering providers, priced by {@link PartBClaimPricer} with an
 * MUE edit that sees every line. The physician fee schedule's own laws are {@code
 * ClaimPricingLawsProperties}'.
 */
class PartBClaimLawsProperties {

  /** The travel allowance given to the laboratory schedule: §60.2's examples. */
  private static final BigDecimal PER_MILE = new BigDecimal("1.035");

  private static final BigDecimal PER_TRIP = new BigDecimal("9.55");

  /** A Part B schedule to price with, its pricer, the dates it covers and its codes. */
  private record Source(
      String name,
      PartBFeeSchedule partB,
      PartBClaimPricer pricer,
      List<Gpci> gpcis,
      LocalDate from,
      LocalDate to,
      List<List<String>> codes) {}

  /** Physician services, some of which meet the others (a visit, an injection, a debridement). */
  private static final List<String> PHYSICIAN =
      List.of(
          "99213", "99214", "99203", "96372", "97597", "20610", "93000", "71046", "36600", "88305");

  /** Specimen collection and the travel allowance, drawn often so that they meet. */
  private static final List<String> COLLECTION =
      List.of("36415", "36415", "G0471", "P9603", "P9604", "P9612", "P9615");

  /**
   * Codes every claim may draw: status P supplies, codes CMS's files do not list, a waived test.
   */
  private static final List<String> ALWAYS = List.of("A6212", "A4649", "J9999", "81002", "81025");

  private static final Npi FIRST = Npi.parse("1234567893");
  private static final Npi SECOND = Npi.parse("1000000004");

  /** Beneficiary ZIP codes: rural (35010 AL, 72643 AR, 85135 AZ), non-rural, out of the 48. */
  private static final List<String> ZIPS =
      List.of("10001", "90001", "35203", "35010", "72643", "85135", "99501", "00901", "60601");

  private static final List<Modifier> MODIFIERS =
      List.of(
          ClfsFeeSchedule.WAIVED_TEST,
          ClfsFeeSchedule.REFERENCE_LABORATORY,
          ClfsFeeSchedule.REPEAT_TEST,
          Modifier.PROFESSIONAL_COMPONENT,
          Modifier.TECHNICAL_COMPONENT,
          DmeposFeeSchedule.RENTAL,
          Modifier.parse("NU"),
          Modifier.parse("UE"),
          DmeposFeeSchedule.CAPPED_RENTAL_LATER_MONTHS,
          Modifier.parse("KH"),
          Modifier.parse("KI"),
          Modifier.parse("KU"),
          Modifier.parse("KX"),
          Modifier.parse("QE"),
          Modifier.parse("QG"),
          Modifier.parse("QF"),
          Modifier.parse("QB"),
          Modifier.LEFT_SIDE,
          Modifier.RIGHT_SIDE,
          AspFeeSchedule.DISCARDED,
          AspFeeSchedule.NONE_DISCARDED,
          Modifier.SEPARATE_EM,
          Modifier.DISTINCT_SERVICE,
          Modifier.MULTIPLE_PROCEDURES);

  private static List<Source> sources;

  /** The bundled 2025 Q1 data, and CMS's January 2025 files when CPT4J_CMS_DIR is set. */
  private static synchronized List<Source> sources() {
    if (sources == null) {
      List<Source> all = new ArrayList<>();
      ClfsFeeSchedule clfs =
          BundledData.clinicalLabFeeSchedule().withTravelAllowance(PER_MILE, PER_TRIP);
      PartBFeeSchedule bundled =
          PartBFeeSchedule.builder()
              .physicianFeeSchedule(BundledData.medicareReleases())
              .clinicalLaboratory(clfs)
              .dmepos(BundledData.dmeposFeeSchedule())
              .drugs(BundledData.aspFeeSchedule())
              .build();
      all.add(
          source(
              "bundled",
              bundled,
              PartBClaimPricer.of(bundled, BundledData.medicareReleases(), b -> b.addEdit(mue())),
              BundledData.medicareFeeSchedule(),
              clfs,
              BundledData.dmeposFeeSchedule(),
              BundledData.aspFeeSchedule()));
      String dir = System.getenv("CPT4J_CMS_DIR");
      if (dir != null
          && !dir.isBlank()
          && Files.isRegularFile(Path.of(dir, "2025", "quarterly", "PPRRVU25_JAN.csv"))
          && Files.isRegularFile(Path.of(dir, "dmepos", "DMEPOS_2025_JAN.csv"))) {
        all.add(full());
      }
      sources = List.copyOf(all);
    }
    return sources;
  }

  /** CMS's January 2025 files, as {@code PartBClaimFullFilesTest} reads them. */
  private static Source full() {
    try {
      MedicareFeeSchedule pfs =
          MedicareFiles.none()
              .withRvu(CmsFiles.file("2025/quarterly/PPRRVU25_JAN.csv"))
              .withGpci(CmsFiles.file("2025/GPCI2025.csv"))
              .schedule();
      ClfsFeeSchedule clfs =
          ClfsFile.read(CmsFiles.file("clfs/CLFS_2025_Q1V1.csv"))
              .withTravelAllowance(PER_MILE, PER_TRIP);
      AspFeeSchedule asp = AspFile.read(CmsFiles.file("asp/ASP_2025_JAN.csv"));
      DmeposFeeSchedule dmepos =
          DmeposFile.read(
              CmsFiles.file("dmepos/DMEPOS_2025_JAN.csv"),
              DmeposRuralZipFile.read(
                  CmsFiles.file("dmepos/DME_Rural_ZIP_2025_Q1.csv"),
                  Zip5File.readStates(CmsFiles.file("2025/ZIP5_OCT2025.txt"))));
      PartBFeeSchedule partB =
          PartBFeeSchedule.builder()
              .physicianFeeSchedule(pfs)
              .clinicalLaboratory(clfs)
              .dmepos(dmepos)
              .drugs(asp)
              .build();
      return source(
          "full",
          partB,
          PartBClaimPricer.of(partB, MedicareClaimPricer.builder(pfs).addEdit(mue()).build()),
          pfs,
          clfs,
          dmepos,
          asp);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Hand-written MUE rows (not CMS's values): a drug, a panel and the collection fee. */
  private static ClaimEdit mue() {
    return MueClaimEdit.of(
        MueTable.builder()
            .add(
                new MueEdit(
                    ProcedureCode.parse("J1100"),
                    20,
                    MueAdjudicationIndicator.of('1'),
                    "test: clinical limit"))
            .add(
                new MueEdit(
                    ProcedureCode.parse("80053"),
                    1,
                    MueAdjudicationIndicator.of('2'),
                    "test: policy"))
            .add(
                new MueEdit(
                    ProcedureCode.parse("36415"),
                    2,
                    MueAdjudicationIndicator.of('3'),
                    "test: clinical limit"))
            .build());
  }

  @SuppressWarnings("TooManyParameters") // each schedule named
  private static Source source(
      String name,
      PartBFeeSchedule partB,
      PartBClaimPricer pricer,
      MedicareFeeSchedule pfs,
      ClfsFeeSchedule clfs,
      DmeposFeeSchedule dmepos,
      AspFeeSchedule asp) {
    Set<String> labs = new TreeSet<>();
    for (ClfsRate rate : clfs.rates()) {
      labs.add(rate.code().toString());
    }
    Set<String> equipment = new TreeSet<>();
    for (DmeposFee fee : dmepos.fees()) {
      equipment.add(fee.code().toString());
    }
    Set<String> drugs = new TreeSet<>();
    for (AspLimit limit : asp.limits()) {
      drugs.add(limit.code().toString());
    }
    return new Source(
        name,
        partB,
        pricer,
        pfs.gpcis().all(),
        LocalDate.of(2025, 1, 1),
        // A few days of April: the Part B files of the first quarter do not cover them.
        LocalDate.of(2025, 4, 6),
        List.of(
            List.copyOf(labs),
            List.copyOf(equipment),
            List.copyOf(drugs),
            PHYSICIAN,
            ALWAYS,
            COLLECTION));
  }

  /** A claim to price, with its source and context. */
  record Case(Source source, PricingContext context, Claim claim) {
    @Override
    public String toString() {
      return source.name() + " " + context + ": " + claim.lines();
    }
  }

  /** A context in one of the source's localities, on a date of the quarter, for a ZIP or none. */
  private static Arbitrary<PricingContext> contexts(Source source) {
    int days = (int) (source.to().toEpochDay() - source.from().toEpochDay()) - 3;
    return Combinators.combine(
            Arbitraries.of(source.gpcis()),
            Arbitraries.of(Setting.FACILITY, Setting.NON_FACILITY),
            Arbitraries.of(true, true, false),
            Arbitraries.integers().between(0, days),
            Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of(ZIPS).map(Optional::of)),
                Tuple.of(1, Arbitraries.just(Optional.<String>empty()))))
        .as(
            (gpci, setting, participating, day, zip) -> {
              PricingContext context =
                  PricingContext.of(source.from().plusDays(day), gpci.locality(), setting)
                      .withParticipating(participating);
              return zip.map(context::withBeneficiaryZip).orElse(context);
            });
  }

  /** The few codes a claim's lines are drawn from, of every kind, so that lines meet. */
  private static Arbitrary<List<String>> pools(Source source) {
    List<List<String>> kinds = source.codes();
    return Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.of(kinds.get(0))),
            Tuple.of(3, Arbitraries.of(kinds.get(1))),
            Tuple.of(2, Arbitraries.of(kinds.get(2))),
            Tuple.of(2, Arbitraries.of(kinds.get(3))),
            Tuple.of(1, Arbitraries.of(kinds.get(4))),
            Tuple.of(3, Arbitraries.of(kinds.get(5))))
        .list()
        .ofMinSize(1)
        .ofMaxSize(5);
  }

  private static Arbitrary<BilledLine> lines(List<String> pool, PricingContext context) {
    Arbitrary<List<Modifier>> modifiers =
        Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.just(List.<Modifier>of())),
            Tuple.of(
                3, Arbitraries.of(MODIFIERS).list().ofMinSize(1).ofMaxSize(3).uniqueElements()));
    Arbitrary<Integer> units =
        Arbitraries.frequencyOf(
            Tuple.of(6, Arbitraries.just(1)),
            Tuple.of(2, Arbitraries.integers().between(2, 3)),
            Tuple.of(1, Arbitraries.integers().between(4, 60)));
    Arbitrary<Optional<BigDecimal>> charges =
        Arbitraries.frequencyOf(
            Tuple.of(2, Arbitraries.just(Optional.<BigDecimal>empty())),
            Tuple.of(
                1,
                Arbitraries.bigDecimals()
                    .between(new BigDecimal("0.01"), new BigDecimal("500"))
                    .ofScale(2)
                    .map(Optional::of)));
    Arbitrary<Integer> dayAfter =
        Arbitraries.frequencyOf(
            Tuple.of(4, Arbitraries.just(0)), Tuple.of(1, Arbitraries.integers().between(-2, 2)));
    Arbitrary<Optional<Npi>> providers =
        Arbitraries.of(Optional.empty(), Optional.of(FIRST), Optional.of(SECOND));
    return Combinators.combine(Arbitraries.of(pool), modifiers, units, charges, dayAfter, providers)
        .as(
            (code, mods, n, charge, day, npi) -> {
              ClaimLine line = ClaimLine.of(ProcedureCode.parse(code), mods, n);
              BilledLine billed =
                  charge.isPresent() ? BilledLine.of(line, charge.get()) : BilledLine.of(line);
              billed = billed.withDateOfService(context.dateOfService().plusDays(day));
              return npi.map(billed::withRenderingProvider).orElse(billed);
            });
  }

  @Provide
  Arbitrary<Case> cases() {
    return Arbitraries.of(sources())
        .flatMap(
            source ->
                Combinators.combine(contexts(source), pools(source))
                    .flatAs(
                        (context, pool) ->
                            lines(pool, context)
                                .list()
                                .ofMinSize(1)
                                .ofMaxSize(7)
                                .map(l -> new Case(source, context, Claim.of(l)))));
  }

  private static PricedClaim price(Case c) {
    return c.source().pricer().price(c.claim(), c.context());
  }

  /**
   * Every line is priced or refused: a refused line has a reason, the rule, edit or schedule that
   * refused it and a detail, and pays nothing; a paid line has whole cents, never negative, and no
   * reason; the claim's total is the sum of its lines' amounts. Its limiting charges likewise.
   */
  @Property(tries = 300)
  void everyLineIsPaidOrRefusedWithAReasonAndTheTotalIsTheirSum(@ForAll("cases") Case c) {
    PricedClaim priced = price(c);
    checkLines(c, priced);
    PricedClaim limits = c.source().pricer().limitingCharges(c.claim(), c.context());
    checkLines(c, limits);
  }

  private static void checkLines(Case c, PricedClaim priced) {
    assertEquals(c.claim().size(), priced.lines().size());
    BigDecimal sum = new BigDecimal("0.00");
    for (PricedLine line : priced.lines()) {
      String text = PricedClaimText.of(line) + "\n" + priced;
      if (line.isPriced()) {
        BigDecimal amount = line.amountOrThrow();
        assertTrue(amount.signum() >= 0, text);
        assertEquals(2, amount.scale(), text);
        assertTrue(line.reason().isEmpty() && line.refusedBy().isEmpty(), text);
        sum = sum.add(amount);
      } else {
        assertTrue(line.amount().isEmpty(), text);
        assertTrue(line.reason().isPresent(), text);
        assertTrue(line.refusedBy().isPresent(), text);
        assertTrue(!line.detail().isBlank(), text);
      }
    }
    boolean any = priced.lines().stream().anyMatch(PricedLine::isPriced);
    if (priced.isLimitingCharges()) {
      // No limiting charge on any line is no total, not one of 0.00.
      assertEquals(
          any ? Optional.of(sum) : Optional.empty(),
          priced.pricedTotal(),
          PricedClaimText.of(priced));
    } else {
      assertEquals(sum, priced.total(), priced.toString());
    }
  }

  /**
   * The priced claim does not depend on the order of its lines: each line keeps its amount, its
   * reason, the rule that refused it and its warnings' kinds and rules when the lines are shuffled
   * (the texts name lines by number, so they are left out), but the flags that name an earlier line
   * on purpose (a suspect duplicate, a new patient's visit after another). Lines alike in every
   * field may trade outcomes, so each billed line's outcomes are compared as a sorted list.
   */
  @Property(tries = 300)
  void thePricedClaimDoesNotDependOnTheOrderOfItsLines(
      @ForAll("cases") Case c, @ForAll Random random) {
    List<BilledLine> shuffled = new ArrayList<>(c.claim().lines());
    Collections.shuffle(shuffled, random);
    PricedClaim before = price(c);
    PricedClaim after = c.source().pricer().price(Claim.of(shuffled), c.context());
    assertEquals(
        outcomesByLine(before),
        outcomesByLine(after),
        () ->
            c
                + "\n"
                + PricedClaimText.of(before)
                + "\n--- reordered:\n"
                + PricedClaimText.of(after));
    assertEquals(before.total(), after.total());
  }

  /**
   * Each billed line's outcomes, without the texts that number lines. A line naming no provider is
   * read as the provider {@link RenderingProviders} gives it (the claim's one NPI): it is alike the
   * lines that name that provider, and may trade outcomes with them (one is the others' duplicate).
   */
  private static Map<String, List<String>> outcomesByLine(PricedClaim claim) {
    Map<String, List<String>> outcomes = new TreeMap<>();
    RenderingProviders whose =
        RenderingProviders.of(
            Claim.of(claim.lines().stream().map(PricedLine::billed).toList()), claim.context());
    for (PricedLine line : claim.lines()) {
      BilledLine billed =
          whose.of(line.billed()).map(line.billed()::withRenderingProvider).orElse(line.billed());
      List<String> warnings = new ArrayList<>();
      for (ClaimWarning warning : line.warnings()) {
        // A suspect duplicate is the line that repeats an earlier one, on purpose (as in
        // ClaimPricingLawsProperties); a new patient's visit is flagged after another visit.
        if (!warning.rule().equals(DuplicateLinesEdit.NAME)
            && !warning.rule().equals(NewPatientVisitEdit.NAME)) {
          warnings.add(warning.kind() + "/" + warning.rule());
        }
      }
      Collections.sort(warnings);
      outcomes
          .computeIfAbsent(billed.toString(), k -> new ArrayList<>())
          .add(line.amount() + " " + line.reason() + " " + line.refusedBy() + " " + warnings);
    }
    outcomes.values().forEach(Collections::sort);
    return outcomes;
  }

  /**
   * A line of a schedule other than the Physician Fee Schedule (lab, equipment, drug) is priced as
   * that schedule prices it alone ({@link PartBFeeSchedule#price}, on the line's date of service),
   * then paid the lower of that and its billed charge, but where a documented claim rule says
   * otherwise: the claim edits (here the MUE) deny it or some of its units ({@code UNITS_DENIED}
   * warning), or a status P supply is bundled into a paid physician service of its provider and
   * date (rule {@code status-p}). The specimen collection and travel rule only warns: it changes no
   * amount. A line its schedule refuses alone is refused with the same reason and detail (rule
   * {@code fee-schedule}), unless an edit denied it first.
   */
  @Property(tries = 300)
  void aLineOfAnotherScheduleIsPricedAsItsScheduleAloneButWhereAClaimRuleSaysOtherwise(
      @ForAll("cases") Case c) {
    PricedClaim priced = price(c);
    PartBFeeSchedule partB = c.source().partB();
    Set<String> edits = new TreeSet<>();
    c.source().pricer().edits().forEach(e -> edits.add(e.name()));
    for (PricedLine line : priced.lines()) {
      PartBPayer payer = partB.payerOf(line.line());
      if (payer == PartBPayer.PHYSICIAN_FEE_SCHEDULE || payer == PartBPayer.ANESTHESIA) {
        continue;
      }
      LocalDate on = line.billed().dateOfServiceOr(c.context().dateOfService());
      FeeResult alone = partB.price(line.line(), c.context().withDateOfService(on));
      String why =
          "line " + line.lineNumber() + ": alone " + alone + "\n" + PricedClaimText.of(priced);
      boolean unitsDenied =
          line.warnings().stream().anyMatch(w -> w.kind() == ClaimWarning.Kind.UNITS_DENIED);
      if (line.isPriced()) {
        assertTrue(alone.isPriced(), why);
        BigDecimal fee = alone.exactAmount().orElseThrow();
        BigDecimal expected =
            line.billed().charge().filter(charge -> charge.compareTo(fee) < 0).orElse(fee);
        expected = expected.setScale(FeeResult.CENTS, FeeResult.ROUNDING);
        if (unitsDenied) {
          assertTrue(line.amountOrThrow().compareTo(expected) <= 0, why);
        } else {
          assertEquals(expected, line.amountOrThrow(), why);
        }
        continue;
      }
      String rule = line.refusedBy().orElseThrow();
      if (rule.equals("fee-schedule")) {
        assertTrue(!alone.isPriced() || unitsDenied, why);
        if (!unitsDenied) {
          assertEquals(alone.reason(), line.reason(), why);
          assertEquals(alone.detail(), line.detail(), why);
        }
      } else if (rule.equals("status-p")) {
        assertEquals(PartBPayer.DMEPOS, payer, why);
        assertTrue(
            priced.lines().stream()
                .anyMatch(
                    service ->
                        service.isPriced()
                            && partB.payerOf(service.line()) == PartBPayer.PHYSICIAN_FEE_SCHEDULE
                            && service
                                .billed()
                                .dateOfServiceOr(c.context().dateOfService())
                                .equals(on)),
            why);
      } else {
        assertTrue(edits.contains(rule), why);
      }
    }
    // Their limiting charges: none, the approved amount said, or the line's own reason.
    PricedClaim limits = c.source().pricer().limitingCharges(c.claim(), c.context());
    for (PricedLine line : priced.lines()) {
      PartBPayer payer = partB.payerOf(line.line());
      if (payer == PartBPayer.PHYSICIAN_FEE_SCHEDULE || payer == PartBPayer.ANESTHESIA) {
        continue;
      }
      PricedLine limit = limits.line(line.index());
      String why = PricedClaimText.of(limit) + "\n" + PricedClaimText.of(priced);
      assertTrue(!limit.isPriced(), why);
      if (line.isPriced()) {
        assertEquals(
            payer == PartBPayer.DMEPOS
                ? UnpricedReason.NO_LIMITING_CHARGE
                : UnpricedReason.ASSIGNMENT_REQUIRED,
            limit.reason().orElseThrow(),
            why);
        assertTrue(limit.detail().contains(line.amountOrThrow().toPlainString()), why);
      } else {
        assertEquals(line.reason(), limit.reason(), why);
      }
    }
  }

  /**
   * Specimen collection (Pub. 100-04, ch. 16, §60.1 and §60.2) only warns: each paid collection
   * line of a date with more than one collection paid (units counted) has a {@code
   * DOCUMENTATION_REQUIRED} warning of rule {@code specimen-collection}, and no other collection
   * line has one; a paid travel line (P9603, P9604) has it exactly when no collection is paid on
   * its date. Lines with units denied by an edit are left out (their units paid are fewer).
   */
  @Property(tries = 300)
  void specimenCollectionsAreFlaggedAsTheReadmeSays(@ForAll("cases") Case c) {
    PricedClaim priced = price(c);
    PartBFeeSchedule partB = c.source().partB();
    Map<LocalDate, Integer> collected = new TreeMap<>();
    for (PricedLine line : priced.lines()) {
      if (line.warnings().stream().anyMatch(w -> w.kind() == ClaimWarning.Kind.UNITS_DENIED)) {
        return; // the units paid are the edits', not the line's
      }
      if (line.isPriced() && isCollection(partB, line.line())) {
        collected.merge(dateOf(c, line), line.line().units(), Integer::sum);
      }
    }
    for (PricedLine line : priced.lines()) {
      boolean flagged =
          line.warnings().stream()
              .anyMatch(
                  w ->
                      w.rule().equals("specimen-collection")
                          && w.kind() == ClaimWarning.Kind.DOCUMENTATION_REQUIRED);
      int units = collected.getOrDefault(dateOf(c, line), 0);
      String why = PricedClaimText.of(line) + "\n" + PricedClaimText.of(priced);
      if (!line.isPriced()) {
        assertTrue(!flagged, why);
      } else if (isCollection(partB, line.line())) {
        assertEquals(units > 1, flagged, why);
      } else if (isTravel(partB, line.line())) {
        assertEquals(units == 0, flagged, why);
      } else {
        assertTrue(!flagged, why);
      }
    }
  }

  private static LocalDate dateOf(Case c, PricedLine line) {
    return line.billed().dateOfServiceOr(c.context().dateOfService());
  }

  private static boolean isCollection(PartBFeeSchedule partB, ClaimLine line) {
    return ClfsFeeSchedule.isSpecimenCollection(line.code())
        && partB.payerOf(line) == PartBPayer.CLINICAL_LABORATORY;
  }

  private static boolean isTravel(PartBFeeSchedule partB, ClaimLine line) {
    return (line.code().equals(ClfsFeeSchedule.TRAVEL_PER_MILE)
            || line.code().equals(ClfsFeeSchedule.TRAVEL_PER_TRIP))
        && partB.payerOf(line) == PartBPayer.CLINICAL_LABORATORY;
  }

  private static final ExecutorService THREADS =
      Executors.newFixedThreadPool(OnManyThreads.THREADS);

  @AfterContainer
  static void stopThreads() {
    THREADS.shutdownNow();
  }

  /**
   * One pricer prices alike on many threads at once: the claims priced by four threads together,
   * each claim twice, and explanations read by every thread at once, equal the claims priced on one
   * thread, amounts, explanations and warnings.
   */
  @Property(tries = 40)
  void onePricerPricesAlikeOnManyThreads(@ForAll("caseLists") List<Case> cases) throws Exception {
    OnManyThreads.assertPricedAlike(THREADS, cases, PartBClaimLawsProperties::price);
  }

  @Provide
  Arbitrary<List<Case>> caseLists() {
    return cases().list().ofMinSize(1).ofMaxSize(8);
  }

  /**
   * Pricing throws nothing for any claim of valid lines, in any context: not for a date no schedule
   * covers, a code none has, any modifiers, many units, no beneficiary ZIP code; nor do the
   * limiting charges, nor reading what was priced. A line that cannot be priced says why ({@link
   * PartBClaimPricer#price}: "never throws for data").
   */
  @Property(tries = 300)
  void pricingThrowsNothingForValidClaims(
      @ForAll("cases") Case c,
      @ForAll("anyModifiers") List<Modifier> odd,
      @ForAll("farDays") int days,
      @ForAll("manyUnits") int units) {
    List<BilledLine> lines = new ArrayList<>(c.claim().lines());
    BilledLine first = lines.get(0);
    lines.add(
        BilledLine.of(first.line().withModifiers(odd).withUnits(units))
            .withDateOfService(c.context().dateOfService().plusDays(days)));
    Claim claim = Claim.of(lines);
    PricingContext far = c.context().withDateOfService(c.context().dateOfService().plusDays(days));
    try {
      for (PricingContext context : List.of(far, c.context(), far.withoutBeneficiaryZip())) {
        PricedClaimText.of(c.source().pricer().price(claim, context));
        PricedClaimText.of(c.source().pricer().limitingCharges(claim, context));
      }
    } catch (RuntimeException e) {
      fail(c + "\n" + claim + " threw", e);
    }
  }

  @Provide
  Arbitrary<List<Modifier>> anyModifiers() {
    return Arbitraries.strings()
        .withCharRange('A', 'Z')
        .withCharRange('0', '9')
        .ofLength(2)
        .map(Modifier::parse)
        .list()
        .ofMaxSize(4)
        .uniqueElements();
  }

  @Provide
  Arbitrary<Integer> farDays() {
    return Arbitraries.integers().between(-800, 800);
  }

  @Provide
  Arbitrary<Integer> manyUnits() {
    return Arbitraries.of(1, 2, 5, 13, 99, 999, 9999);
  }
}
