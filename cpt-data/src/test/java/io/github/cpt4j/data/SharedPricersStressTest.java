package io.github.cpt4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.codeset.CodeSet;
import io.github.cpt4j.edit.ncci.MueAdjudicationIndicator;
import io.github.cpt4j.edit.ncci.MueEdit;
import io.github.cpt4j.edit.ncci.MueTable;
import io.github.cpt4j.edit.ncci.NcciEdits;
import io.github.cpt4j.edit.ncci.PtpEdit;
import io.github.cpt4j.edit.ncci.PtpModifierIndicator;
import io.github.cpt4j.edit.ncci.PtpTable;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PractitionerType;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricedLine;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.PlaceOfService;
import io.github.cpt4j.fee.medicare.partb.PartBClaimPricer;
import io.github.cpt4j.fee.medicare.partb.PartBFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer;
import io.github.cpt4j.fee.medicare.release.MedicareReleases;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The bundled pricers, schedules, code set and NCCI tables shared by a few threads, as a claims
 * server on a thread pool shares them: every thread, pricing a few thousand claims of varied shapes
 * in its own order (so that the caches of the last context and conversion factor keep changing
 * hands), and reading the explanations of claims priced by the others (written when first read),
 * gets exactly the texts one thread gets. Seeded, so a failure repeats.
 */
class SharedPricersStressTest {

  private static final int THREADS = 4;
  private static final int CASES = 400;

  private static final List<String> CODES =
      List.of(
          "99213", "99214", "99203", "99291", "99292", "99232", "20610", "27447", "29880", "29881",
          "45380", "45385", "71046", "74177", "72148", "97110", "97140", "93306", "93000", "64483",
          "64484", "G2211", "69210", "12001", "12002", "96372", "77065", "10060", "0446T", "36415",
          "80053", "85025", "J1100", "J0696", "E0114", "E0601", "A4253", "00790", "00840", "12345");

  private static final List<String> MODIFIERS =
      List.of(
          "", "", "", "-26", "-TC", "-50", "-LT", "-RT", "-51", "-59", "-25", "-80", "-62", "-NU",
          "-RR", "-QW", "-GA", "-AA", "-QK", "-QX", "-52", "-XU");

  private static final List<String> ZIPS =
      List.of("10001", "14620", "35004", "90210", "60601", "99501", "96813", "00901", "82001");

  /** One claim and where it is priced. */
  private record Case(Claim claim, PricingContext context) {}

  @Test
  void sharedPricersGiveEveryThreadTheAnswersOfOneThread() throws Exception {
    MedicareFeeSchedule schedule = BundledData.medicareFeeSchedule();
    MedicareReleases releases = BundledData.medicareReleases();
    PartBFeeSchedule partB = BundledData.partBFeeSchedule();
    CodeSet codes = BundledData.codeSet();
    NcciEdits ncci = NcciEdits.of(ptp(), mue());
    MedicareClaimPricer claims = MedicareClaimPricer.builder(schedule).addEdit(ncci).build();
    PartBClaimPricer partBClaims = PartBClaimPricer.of(partB, releases, b -> b.addEdit(ncci));
    List<Case> cases = cases(new Random(20261207L));

    // What each case gives on one thread, then claims priced here whose explanations are first
    // written on the other threads, all at once.
    List<String> expected = new ArrayList<>();
    List<PricedClaim> pricedHere = new ArrayList<>();
    for (Case c : cases) {
      expected.add(text(c, schedule, releases, partB, codes, claims, partBClaims));
      pricedHere.add(claims.price(c.claim(), c.context()));
    }
    List<String> expectedClaims = new ArrayList<>();
    for (Case c : cases) {
      expectedClaims.add(text(claims.price(c.claim(), c.context())));
    }

    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Callable<List<String>>> tasks = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
          order.add(i);
        }
        Collections.shuffle(order, new Random(t));
        tasks.add(
            () -> {
              start.await();
              List<String> failures = new ArrayList<>();
              for (int i : order) {
                Case c = cases.get(i);
                String got = text(c, schedule, releases, partB, codes, claims, partBClaims);
                if (!got.equals(expected.get(i))) {
                  failures.add("case " + i + "\nexpected " + expected.get(i) + "\n     got " + got);
                }
                String read = text(pricedHere.get(i));
                if (!read.equals(expectedClaims.get(i))) {
                  failures.add(
                      "read " + i + "\nexpected " + expectedClaims.get(i) + "\n got " + read);
                }
              }
              return failures;
            });
      }
      List<Future<List<String>>> done = new ArrayList<>();
      for (Callable<List<String>> task : tasks) {
        done.add(pool.submit(task));
      }
      start.countDown();
      List<String> failures = new ArrayList<>();
      for (Future<List<String>> f : done) {
        failures.addAll(f.get(60, TimeUnit.SECONDS));
      }
      assertEquals(
          List.of(),
          failures.subList(0, Math.min(3, failures.size())),
          failures.size() + " differ");
    } finally {
      pool.shutdownNow();
    }
  }

  /** Everything a caller reads of a case, through every shared entry point. */
  private static String text(
      Case c,
      MedicareFeeSchedule schedule,
      MedicareReleases releases,
      PartBFeeSchedule partB,
      CodeSet codes,
      MedicareClaimPricer claims,
      PartBClaimPricer partBClaims) {
    StringBuilder sb = new StringBuilder();
    PricingContext context = c.context();
    for (BilledLine billed : c.claim().lines()) {
      ClaimLine line = billed.line();
      sb.append(text(schedule.price(line, context))).append('\n');
      sb.append(text(schedule.limitingCharge(line, context))).append('\n');
      sb.append(text(releases.price(line, context))).append('\n');
      sb.append(text(partB.price(line, context))).append('\n');
      ProcedureCode code = line.code();
      sb.append(codes.find(code.toString()).map(Object::toString).orElse("-")).append('\n');
    }
    sb.append(text(claims.price(c.claim(), context))).append('\n');
    sb.append(text(claims.limitingCharges(c.claim(), context))).append('\n');
    sb.append(text(partBClaims.price(c.claim(), context))).append('\n');
    return sb.toString();
  }

  private static String text(FeeResult result) {
    return result + " / " + result.exactAmount() + " / " + result.detail();
  }

  private static String text(PricedClaim claim) {
    StringBuilder sb = new StringBuilder(claim.toString());
    sb.append(" total ").append(claim.total()).append(' ').append(claim.pricedTotal());
    for (PricedLine line : claim.lines()) {
      sb.append('\n')
          .append(line.amount())
          .append(' ')
          .append(line.exactAmount())
          .append(' ')
          .append(line.reason())
          .append(' ')
          .append(line.refusedBy())
          .append(' ')
          .append(line.detail())
          .append(" | ")
          .append(line.explanation())
          .append(" | ")
          .append(line.warnings());
    }
    return sb.toString();
  }

  private static List<Case> cases(Random random) {
    List<Locality> localities = new ArrayList<>();
    for (String zip : ZIPS) {
      BundledData.zipLocalities().find(zip).ifPresent(localities::add);
    }
    List<Case> cases = new ArrayList<>();
    for (int i = 0; i < CASES; i++) {
      LocalDate date =
          random.nextInt(4) == 0
              ? LocalDate.of(2026, 1, 1).plusDays(random.nextInt(120))
              : LocalDate.of(2025, 1, 1).plusDays(random.nextInt(365));
      Setting setting = random.nextBoolean() ? Setting.FACILITY : Setting.NON_FACILITY;
      String zip = ZIPS.get(random.nextInt(ZIPS.size()));
      PricingContext context =
          PricingContext.of(date, localities.get(random.nextInt(localities.size())), setting)
              .withBeneficiaryZip(zip)
              .withParticipating(random.nextInt(5) != 0)
              .withQualifyingApmParticipant(random.nextInt(6) == 0);
      if (random.nextInt(5) == 0) {
        context = context.withPractitioner(PractitionerType.NURSE_PRACTITIONER);
      }
      if (random.nextInt(6) == 0) {
        context = context.withPlaceOfService(PlaceOfService.of(random.nextBoolean() ? 11 : 22));
      }
      Claim.Builder claim = Claim.builder();
      int lines = 1 + random.nextInt(6);
      for (int l = 0; l < lines; l++) {
        String code = CODES.get(random.nextInt(CODES.size()));
        String text = code + MODIFIERS.get(random.nextInt(MODIFIERS.size()));
        if (code.startsWith("00")) {
          text = code + "-AA " + (15 + random.nextInt(200)) + "min";
        } else if (random.nextInt(4) == 0) {
          text += " x" + (1 + random.nextInt(4));
        }
        if (random.nextInt(3) == 0) {
          text += " $" + (5 + random.nextInt(3000)) + ".00";
        }
        if (random.nextInt(8) == 0) {
          text += " on " + date.minusDays(random.nextInt(3));
        }
        try {
          claim.add(BilledLine.parse(text));
        } catch (IllegalArgumentException e) {
          claim.add(ClaimLine.parse(code));
        }
      }
      cases.add(new Case(claim.build(), context));
    }
    return cases;
  }

  /** A few pairs of the codes above, of both indicators, one deleted in mid-2025. */
  private static PtpTable ptp() {
    PtpTable.Builder table = PtpTable.builder();
    String[][] pairs = {
      {"27447", "20610", "1"}, {"29880", "29881", "1"}, {"45385", "45380", "1"},
      {"99291", "93000", "0"}, {"27447", "29880", "1"}, {"74177", "72148", "1"},
      {"97110", "97140", "1"}, {"93306", "93000", "0"}
    };
    for (String[] pair : pairs) {
      table.add(
          new PtpEdit(
              ProcedureCode.parse(pair[0]),
              ProcedureCode.parse(pair[1]),
              false,
              LocalDate.of(2020, 1, 1),
              pair[1].equals("72148") ? Optional.of(LocalDate.of(2025, 6, 30)) : Optional.empty(),
              PtpModifierIndicator.of(pair[2].charAt(0)),
              "Standards of medical / surgical services"));
    }
    return table.build();
  }

  private static MueTable mue() {
    MueTable.Builder table = MueTable.builder();
    table.add(mue("99213", 1, '2'));
    table.add(mue("20610", 2, '1'));
    table.add(mue("J1100", 10, '3'));
    table.add(mue("36415", 1, '2'));
    table.add(mue("97110", 4, '3'));
    return table.build();
  }

  private static MueEdit mue(String code, int value, char mai) {
    return new MueEdit(
        ProcedureCode.parse(code), value, MueAdjudicationIndicator.of(mai), "Clinical: Data");
  }
}
