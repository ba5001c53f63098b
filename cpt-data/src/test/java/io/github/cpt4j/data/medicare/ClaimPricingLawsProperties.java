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
import io.github.cpt4j.edit.DuplicateLinesEdit;
import io.github.cpt4j.edit.RenderingProviders;
import io.github.cpt4j.fee.ClaimWarning;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PractitionerType;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricedLine;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.PricingStep;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.pfs.BilateralRule;
import io.github.cpt4j.fee.medicare.pfs.Gpci;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.MultipleProcedureRule;
import io.github.cpt4j.fee.medicare.pfs.PaymentStatus;
import io.github.cpt4j.fee.medicare.pfs.RvuEntry;
import io.github.cpt4j.fee.medicare.pfs.claim.GlobalSurgeryEdit;
import io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer;
import io.github.cpt4j.fee.medicare.pfs.claim.NewPatientVisitEdit;
import io.github.cpt4j.modifier.Modifier;
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
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Laws of claim pricing over random claims of the bundled 2025 data, and of the full CMS relative
 * value file of October 2025 when {@code CPT4J_CMS_DIR} names the directory holding it (as the
 * other full-file tests do): what a user may rely on whatever the claim, stated as the README's
 * "Claim pricing" section states it. Each claim is drawn from a few codes (so that lines meet: a
 * pair, a family, a visit beside a procedure), with payment modifiers, units, charges, dates and
 * rendering providers, in a random locality, setting and participation.
 */
class ClaimPricingLawsProperties {

  /** A schedule to price with, the dates it covers and its codes. */
  private record Source(
      String name, MedicareFeeSchedule schedule, LocalDate from, LocalDate to, List<String> codes) {

    MedicareClaimPricer pricer() {
      return PRICERS.computeIfAbsent(name, n -> MedicareClaimPricer.of(schedule));
    }
  }

  private static final Map<String, MedicareClaimPricer> PRICERS =
      Collections.synchronizedMap(new TreeMap<>());

  /** Codes that meet other codes under the claim rules, where the schedule has them. */
  private static final List<String> MEETING =
      List.of(
          "99213", "99214", "99203", "99204", "99291", "99292", "99223", "99232", "99238", "99285",
          "20610", "27447", "29880", "29881", "29870", "45380", "45385", "45378", "71046", "74177",
          "72148", "97110", "97140", "93306", "93880", "93000", "64483", "64484", "G2211", "G2212",
          "69210", "12001", "12002", "22612", "63047", "96372", "77065", "77066", "10060", "73721",
          "92134", "92250", "36600", "43752", "00790", "00840", "01953", "12345");

  private static final Npi FIRST = Npi.parse("1234567893");
  private static final Npi SECOND = Npi.parse("1000000004");
  private static final Npi THIRD = Npi.parse("2000000002");

  private static final List<Modifier> MODIFIERS =
      List.of(
          Modifier.PROFESSIONAL_COMPONENT,
          Modifier.TECHNICAL_COMPONENT,
          Modifier.BILATERAL,
          Modifier.LEFT_SIDE,
          Modifier.RIGHT_SIDE,
          Modifier.MULTIPLE_PROCEDURES,
          Modifier.CO_SURGEONS,
          Modifier.TEAM_SURGERY,
          Modifier.ASSISTANT_SURGEON,
          Modifier.NON_PHYSICIAN_ASSISTANT,
          Modifier.SURGICAL_CARE_ONLY,
          Modifier.POSTOPERATIVE_CARE_ONLY,
          Modifier.PREOPERATIVE_CARE_ONLY,
          Modifier.INCREASED_SERVICES,
          Modifier.REDUCED_SERVICES,
          Modifier.SEPARATE_EM,
          Modifier.DISTINCT_SERVICE,
          Modifier.DISCONTINUED,
          Modifier.FILM_X_RAY,
          Modifier.PHYSICAL_THERAPY_ASSISTANT,
          Modifier.parse("24"),
          Modifier.parse("57"),
          Modifier.parse("78"),
          Modifier.parse("79"),
          Modifier.parse("76"),
          Modifier.parse("XE"),
          Modifier.parse("XS"),
          Modifier.parse("GZ"),
          Modifier.parse("GA"),
          Modifier.parse("PD"),
          Modifier.parse("AA"),
          Modifier.parse("QK"),
          Modifier.parse("QX"),
          Modifier.parse("FT"));

  private static List<Source> sources;

  /** The bundled 2025 schedule, and the full October 2025 file when CPT4J_CMS_DIR is set. */
  private static synchronized List<Source> sources() {
    if (sources == null) {
      List<Source> all = new ArrayList<>();
      all.add(
          source(
              "bundled",
              BundledData.medicareFeeSchedule(),
              LocalDate.of(2025, 1, 1),
              LocalDate.of(2025, 12, 31)));
      String dir = System.getenv("CPT4J_CMS_DIR");
      if (dir != null
          && !dir.isBlank()
          && Files.isRegularFile(Path.of(dir, "2025", "PPRRVU2025_Oct.csv"))) {
        all.add(
            source(
                "full",
                CmsFiles.schedule2025(),
                LocalDate.of(2025, 10, 1),
                LocalDate.of(2025, 12, 31)));
      }
      sources = List.copyOf(all);
    }
    return sources;
  }

  private static Source source(
      String name, MedicareFeeSchedule schedule, LocalDate from, LocalDate to) {
    Set<String> codes = new TreeSet<>();
    for (RvuEntry row : schedule.rvus().all()) {
      codes.add(row.code().toString());
    }
    return new Source(name, schedule, from, to, List.copyOf(codes));
  }

  /** A claim to price, with its source and context. */
  record Case(Source source, PricingContext context, Claim claim) {
    @Override
    public String toString() {
      return source.name() + " " + context + ": " + claim.lines();
    }
  }

  @Provide
  Arbitrary<Source> sourcesToUse() {
    return Arbitraries.of(sources());
  }

  /** A context in one of the source's localities, on a date it covers. */
  private static Arbitrary<PricingContext> contexts(Source source) {
    List<Gpci> gpcis = source.schedule().gpcis().all();
    int days = (int) (source.to().toEpochDay() - source.from().toEpochDay()) - 3;
    return Combinators.combine(
            Arbitraries.of(gpcis),
            Arbitraries.of(Setting.FACILITY, Setting.NON_FACILITY),
            Arbitraries.of(true, true, false),
            Arbitraries.integers().between(0, days),
            Arbitraries.of(
                PractitionerType.PHYSICIAN,
                PractitionerType.PHYSICIAN,
                PractitionerType.NURSE_PRACTITIONER))
        .as(
            (gpci, setting, participating, day, type) ->
                PricingContext.of(source.from().plusDays(day), gpci.locality(), setting)
                    .withParticipating(participating)
                    .withPractitioner(type));
  }

  /** The few codes a claim's lines are drawn from: some that meet others, some of the file. */
  private static Arbitrary<List<String>> pools(Source source) {
    List<String> meeting = MEETING.stream().filter(c -> known(source, c)).toList();
    return Arbitraries.frequencyOf(
            Tuple.of(2, Arbitraries.of(meeting)), Tuple.of(1, Arbitraries.of(source.codes())))
        .list()
        .ofMinSize(1)
        .ofMaxSize(4);
  }

  private static boolean known(Source source, String code) {
    return code.equals("12345") // not in any schedule
        || code.startsWith("0") && code.length() == 5 && code.charAt(1) <= '1' // anesthesia
        || source.codes().contains(code);
  }

  private static Arbitrary<BilledLine> lines(List<String> pool, PricingContext context) {
    Arbitrary<List<Modifier>> modifiers =
        Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.just(List.<Modifier>of())),
            Tuple.of(
                3, Arbitraries.of(MODIFIERS).list().ofMinSize(1).ofMaxSize(2).uniqueElements()));
    Arbitrary<Integer> units =
        Arbitraries.frequencyOf(
            Tuple.of(8, Arbitraries.just(1)),
            Tuple.of(2, Arbitraries.just(2)),
            Tuple.of(1, Arbitraries.just(3)));
    Arbitrary<Integer> minutes =
        Arbitraries.frequencyOf(
            Tuple.of(2, Arbitraries.just(0)), Tuple.of(1, Arbitraries.integers().between(1, 240)));
    Arbitrary<Optional<BigDecimal>> charges =
        Arbitraries.frequencyOf(
            Tuple.of(2, Arbitraries.just(Optional.<BigDecimal>empty())),
            Tuple.of(
                1,
                Arbitraries.bigDecimals()
                    .between(BigDecimal.ONE, new BigDecimal("3000"))
                    .ofScale(2)
                    .map(Optional::of)));
    Arbitrary<Integer> dayAfter =
        Arbitraries.frequencyOf(
            Tuple.of(4, Arbitraries.just(0)), Tuple.of(1, Arbitraries.integers().between(1, 2)));
    Arbitrary<Optional<Npi>> providers =
        Arbitraries.of(Optional.empty(), Optional.of(FIRST), Optional.of(SECOND));
    return Combinators.combine(
            Arbitraries.of(pool), modifiers, units, minutes, charges, dayAfter, providers)
        .as(
            (code, mods, n, min, charge, day, npi) -> {
              ClaimLine line = ClaimLine.of(ProcedureCode.parse(code), mods, n);
              if (min > 0) {
                line = line.withMinutes(min);
              }
              BilledLine billed =
                  charge.isPresent() ? BilledLine.of(line, charge.get()) : BilledLine.of(line);
              billed = billed.withDateOfService(context.dateOfService().plusDays(day));
              return npi.map(billed::withRenderingProvider).orElse(billed);
            });
  }

  @Provide
  Arbitrary<Case> cases() {
    return sourcesToUse()
        .flatMap(
            source ->
                Combinators.combine(contexts(source), pools(source))
                    .flatAs(
                        (context, pool) ->
                            lines(pool, context)
                                .list()
                                .ofMinSize(1)
                                .ofMaxSize(6)
                                .map(l -> new Case(source, context, Claim.of(l)))));
  }

  private static PricedClaim price(Case c) {
    return c.source().pricer().price(c.claim(), c.context());
  }

  private static PricedClaim price(Case c, Claim claim) {
    return c.source().pricer().price(claim, c.context());
  }

  /**
   * Every line is priced or refused: a refused line has a reason, the rule or edit that refused it
   * and a detail, and pays nothing; a paid line has whole cents, never negative, and no reason; the
   * claim's total is the sum of its lines' amounts. Reading a line's explanation, warnings and text
   * (written only when read) throws nothing.
   */
  @Property(tries = 300)
  void everyLineIsPaidOrRefusedWithAReasonAndTheTotalIsTheirSum(@ForAll("cases") Case c) {
    PricedClaim priced = price(c);
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
    assertEquals(sum, priced.total(), priced.toString());
  }

  /**
   * The priced claim does not depend on the order of its lines: each line keeps its amount, its
   * reason, the rule that refused it, its explanation and its warnings when the lines are shuffled,
   * but for the numbers of the lines their texts name: where several lines could be named (the
   * procedure whose package holds a visit, the critical care a visit is denied beside), which one
   * is may follow the order, and the law does not hold the texts to it. Two lines alike in every
   * field may trade outcomes (one of them is the other's duplicate), so the outcomes of such lines
   * are compared as a sorted list.
   */
  @Property(tries = 300)
  void thePricedClaimDoesNotDependOnTheOrderOfItsLines(
      @ForAll("cases") Case c, @ForAll Random random) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < c.claim().size(); i++) {
      order.add(i);
    }
    Collections.shuffle(order, random);
    List<BilledLine> shuffled = new ArrayList<>();
    // Each line read as the first of the lines alike it (one of them may be the other's duplicate).
    List<String> keys = alikeKeys(c.claim(), c.context());
    int[] first = new int[order.size() + 1];
    for (int i = 0; i < order.size(); i++) {
      first[i + 1] = keys.indexOf(keys.get(i)) + 1;
    }
    int[] identity = new int[order.size() + 1];
    int[] original = new int[order.size() + 1];
    for (int i = 0; i < order.size(); i++) {
      shuffled.add(c.claim().line(order.get(i)));
      identity[i + 1] = first[i + 1];
      original[i + 1] = first[order.get(i) + 1];
    }
    PricedClaim before = price(c);
    PricedClaim after = price(c, Claim.of(shuffled));
    assertEquals(
        outcomesByLine(before, identity),
        outcomesByLine(after, original),
        () -> c + "\n" + before + "\n--- reordered:\n" + after);
    assertEquals(before.total(), after.total());
  }

  /** Each line's outcome under its billed form, the line named by {@code numbers}. */
  private static Map<String, List<String>> outcomesByLine(PricedClaim claim, int[] numbers) {
    Map<String, List<String>> outcomes = new TreeMap<>();
    Map<String, Integer> alike = new TreeMap<>();
    List<String> keys =
        alikeKeys(
            Claim.of(claim.lines().stream().map(PricedLine::billed).toList()), claim.context());
    for (String key : keys) {
      alike.merge(key, 1, Integer::sum);
    }
    for (PricedLine line : claim.lines()) {
      String key = keys.get(line.index());
      String text =
          alike.get(key) > 1
              ? NPIS.matcher(
                      LINES
                          .matcher(orderFreeOutcome(line).replace(line.billed().toString(), key))
                          .replaceAll("line #"))
                  .replaceAll("")
              : "line "
                  + numbers[line.lineNumber()]
                  + ": "
                  + LINES.matcher(orderFreeOutcome(line)).replaceAll("line #");
      outcomes.computeIfAbsent(key, k -> new ArrayList<>()).add(text);
    }
    outcomes.values().forEach(Collections::sort);
    return outcomes;
  }

  /**
   * Each line as billed, with the provider {@link RenderingProviders} gives it: lines alike in
   * these are alike to the claim rules (one may be the other's exact duplicate), whatever they say.
   */
  private static List<String> alikeKeys(Claim claim, PricingContext context) {
    RenderingProviders whose = RenderingProviders.of(claim, context);
    List<String> keys = new ArrayList<>();
    for (BilledLine line : claim.lines()) {
      keys.add(whose.of(line).map(line::withRenderingProvider).orElse(line).toString());
    }
    return keys;
  }

  /**
   * The flags that name an earlier line on purpose, and so depend on the order of the lines: a
   * suspect duplicate is the line that repeats an earlier one's code and modifiers, and a new
   * patient's visit is flagged after another visit of that date "billed before it" (README).
   */
  private static final Set<String> ORDERED_FLAGS =
      Set.of(DuplicateLinesEdit.NAME, NewPatientVisitEdit.NAME);

  /**
   * {@link PricedClaimText#of(PricedLine)} without the steps and warnings of {@link
   * #ORDERED_FLAGS}, and without the procedure a visit held in a global package is denied for: the
   * edit names the first procedure in claim order whose package holds it ({@link
   * GlobalSurgeryEdit}), a design the README leaves open; the denial itself is compared.
   */
  private static String orderFreeOutcome(PricedLine line) {
    List<String> warnings = new ArrayList<>();
    for (ClaimWarning warning : line.warnings()) {
      if (!ORDERED_FLAGS.contains(warning.rule())) {
        warnings.add(warning.toString());
      }
    }
    if (line.refusedBy().equals(Optional.of(GlobalSurgeryEdit.NAME))) {
      // A visit in a package keeps the other edits' flags, the ordered ones left out as above.
      return line.billed() + " -> " + line.reason() + " " + line.refusedBy() + " " + warnings;
    }
    List<String> steps = new ArrayList<>();
    for (PricingStep step : line.explanation().steps()) {
      if (!ORDERED_FLAGS.contains(step.rule())
          || line.refusedBy().equals(Optional.of(step.rule()))) {
        steps.add(step.toString());
      }
    }
    return line.billed()
        + " -> "
        + line.amount().map(BigDecimal::toPlainString).orElse("none")
        + " "
        + line.reason()
        + " "
        + line.refusedBy()
        + " "
        + line.detail()
        + " | "
        + steps
        + " | "
        + warnings;
  }

  /**
   * " by 1234567893": lines alike to the claim rules may differ in whether they name their NPI or
   * take the claim's (which of them is paid, the others exact duplicates, follows their order), and
   * their texts write the line as billed.
   */
  private static final Pattern NPIS = Pattern.compile(" by \\d{10}");

  /** "line 2", "lines 1 and 3", "lines 1, 2 and 4": the numbers of lines in a text. */
  private static final Pattern LINES =
      Pattern.compile("\\blines? \\d+(?:(?:, and |, | and )\\d+)*");

  private static final ExecutorService THREADS =
      Executors.newFixedThreadPool(OnManyThreads.THREADS);

  @AfterContainer
  static void stopThreads() {
    THREADS.shutdownNow();
  }

  /**
   * One pricer prices alike on many threads at once: the claims priced by four threads together,
   * each claim priced anew and read of one priced before, equal the claims priced on one thread,
   * amounts, explanations (written when first read, here by several threads at once) and warnings.
   */
  @Property(tries = 40)
  void onePricerPricesAlikeOnManyThreads(@ForAll("caseLists") List<Case> cases) throws Exception {
    OnManyThreads.assertPricedAlike(THREADS, cases, ClaimPricingLawsProperties::price);
  }

  @Provide
  Arbitrary<List<Case>> caseLists() {
    return cases().list().ofMinSize(1).ofMaxSize(8);
  }

  /**
   * A line is never paid more on the claim than the fee schedule pays it alone, with no claim rule
   * ({@link MedicareFeeSchedule#price}, which ignores 50, 51, 62, 80...): the claim's rules only
   * reduce, deny or leave to the contractor, but for the rules that can raise a line above its own
   * fee. They are: both sides on one line (50, or LT and RT), 150% (BILAT SURG 1) or 200% (3); an
   * LT and RT pair (or two lines of a code without a side, taken as both sides), paid as one
   * bilateral procedure of 150% or 200%, whose lower charge caps one side and leaves the other the
   * rest (CMS compares the pair's amount with the total charge of both sides), and which is rounded
   * once and split, the first side taking the odd cent (see "Rounding rules"); and an anesthesia
   * line, paid the session's amount (the base of its highest code and the time of all its lines).
   * 22 raises nothing here: the line is left to the contractor.
   */
  @Property(tries = 300)
  void aLineIsNeverPaidMoreThanAloneButWhereARuleRaisesIt(@ForAll("cases") Case c) {
    PricedClaim priced = price(c);
    MedicareFeeSchedule schedule = c.source().schedule();
    for (PricedLine line : priced.lines()) {
      if (!line.isPriced() || isAnesthesia(schedule, line.line())) {
        continue;
      }
      PricingContext context =
          c.context().withDateOfService(line.billed().dateOfServiceOr(c.context().dateOfService()));
      FeeResult alone = schedule.price(line.line(), context);
      assertTrue(alone.isPriced(), () -> "paid on the claim, not alone: " + alone + "\n" + priced);
      BigDecimal bound =
          alone
              .exactAmount()
              .orElseThrow()
              .multiply(
                  line.explanation().has("bilateral")
                      ? bilateral(schedule, line.line())
                      : bothSides(schedule, line.line()))
              .setScale(FeeResult.CENTS, FeeResult.ROUNDING)
              .add(new BigDecimal("0.01")); // a pair's odd cent
      assertTrue(
          line.amountOrThrow().compareTo(bound) <= 0,
          () ->
              "line " + line.lineNumber() + " above " + bound + " alone: " + alone + "\n" + priced);
    }
  }

  private static boolean isAnesthesia(MedicareFeeSchedule schedule, ClaimLine line) {
    return schedule
        .rvuEntry(line.code(), Optional.empty())
        .map(row -> row.status() == PaymentStatus.J)
        .orElse(line.code().toString().startsWith("0"));
  }

  /** The factor of a line of a bilateral procedure: its row's 150% or 200%. */
  private static BigDecimal bilateral(MedicareFeeSchedule schedule, ClaimLine line) {
    return schedule
        .rvuEntry(line)
        .map(row -> row.indicators().bilateral())
        .map(
            rule ->
                rule == BilateralRule.PAY_150_PERCENT
                    ? new BigDecimal("1.5")
                    : rule == BilateralRule.PAY_EACH_SIDE ? new BigDecimal("2") : BigDecimal.ONE)
        .orElse(BigDecimal.ONE);
  }

  private static BigDecimal bothSides(MedicareFeeSchedule schedule, ClaimLine line) {
    boolean both =
        line.hasModifier(Modifier.BILATERAL)
            || line.hasModifier(Modifier.LEFT_SIDE) && line.hasModifier(Modifier.RIGHT_SIDE);
    Optional<RvuEntry> row = schedule.rvuEntry(line);
    if (!both || row.isEmpty()) {
      return BigDecimal.ONE;
    }
    BilateralRule rule = row.get().indicators().bilateral();
    return rule == BilateralRule.PAY_150_PERCENT
        ? new BigDecimal("1.5")
        : rule == BilateralRule.PAY_EACH_SIDE ? new BigDecimal("2") : BigDecimal.ONE;
  }

  /**
   * A claim's lines of several dates are priced as each date's lines priced as a claim of their
   * own, in the context of that date: the claim rules work per provider and day. The global surgery
   * edit is left out, as it judges the days around a surgery on purpose (the day before, the
   * postoperative days); so is the new patient flag's warning, which looks at earlier dates on
   * purpose: amounts, reasons and the refusing rules are compared.
   */
  @Property(tries = 300)
  void splittingAClaimByDayGivesTheSameLines(@ForAll("cases") Case c) {
    MedicareClaimPricer sameDay =
        c.source().pricer().toBuilder().removeEdit(GlobalSurgeryEdit.NAME).build();
    Claim claim = namingProviders(c.claim(), c.context());
    PricedClaim whole = sameDay.price(claim, c.context());
    Map<LocalDate, List<Integer>> byDate = new TreeMap<>();
    for (int i = 0; i < claim.size(); i++) {
      byDate
          .computeIfAbsent(claim.line(i).dateOfService().orElseThrow(), d -> new ArrayList<>())
          .add(i);
    }
    for (Map.Entry<LocalDate, List<Integer>> date : byDate.entrySet()) {
      List<BilledLine> lines = new ArrayList<>();
      for (int i : date.getValue()) {
        lines.add(claim.line(i));
      }
      PricedClaim day =
          sameDay.price(Claim.of(lines), c.context().withDateOfService(date.getKey()));
      for (int j = 0; j < lines.size(); j++) {
        PricedLine a = day.line(j);
        PricedLine w = whole.line(date.getValue().get(j));
        String why = c + "\n" + whole + "\n--- " + date.getKey() + ":\n" + day;
        assertEquals(a.amount(), w.amount(), why);
        assertEquals(a.reason(), w.reason(), why);
        assertEquals(a.refusedBy(), w.refusedBy(), why);
      }
    }
  }

  /**
   * Names on each line the provider {@link RenderingProviders} gives it, and a provider of its own
   * ({@link #THIRD}) to a line whose provider cannot be told: whose a line naming none is depends
   * on the NPIs of the whole claim, not of its date (README, "Lines without an NPI"), so a day's
   * lines alone may say otherwise.
   */
  private static Claim namingProviders(Claim claim, PricingContext context) {
    RenderingProviders whose = RenderingProviders.of(claim, context);
    boolean named = claim.lines().stream().anyMatch(l -> l.renderingProvider().isPresent());
    List<BilledLine> lines = new ArrayList<>();
    for (BilledLine line : claim.lines()) {
      Optional<Npi> npi = whose.of(line);
      lines.add(
          npi.isPresent()
              ? line.withRenderingProvider(npi.get())
              : named ? line.withRenderingProvider(THIRD) : line);
    }
    return Claim.of(lines);
  }

  /**
   * Lines of another rendering provider do not change a line's amount: the claim rules are each
   * provider's (README, "Rendering providers"), but for the component reductions (MULT PROC 4 to
   * 7), which are the group's and rank every provider's lines of a date. The claim's lines are all
   * by one NPI and the added lines all by another, so that no line without an NPI changes hands.
   */
  @Property(tries = 300)
  void linesOfAnotherProviderChangeNoLinesAmount(
      @ForAll("cases") Case c, @ForAll("cases") Case other) {
    List<BilledLine> mine = new ArrayList<>();
    for (BilledLine line : c.claim().lines()) {
      mine.add(line.withRenderingProvider(FIRST));
    }
    List<BilledLine> all = new ArrayList<>(mine);
    for (BilledLine line : other.claim().lines()) {
      if (c.source().codes().contains(line.line().code().toString())) {
        all.add(
            line.withRenderingProvider(SECOND)
                .withDateOfService(
                    c.claim().line(0).dateOfService().orElseThrow())); // a date of the claim
      }
    }
    PricedClaim alone = price(c, Claim.of(mine));
    PricedClaim together = price(c, Claim.of(all));
    for (int i = 0; i < mine.size(); i++) {
      if (isComponentLine(c.source().schedule(), mine.get(i).line())) {
        continue;
      }
      PricedLine a = alone.line(i);
      PricedLine t = together.line(i);
      String why = alone + "\n--- with another provider's lines:\n" + together;
      assertEquals(a.amount(), t.amount(), why);
      assertEquals(a.reason(), t.reason(), why);
    }
  }

  /**
   * Lines of another date do not change a line's amount, the global surgery edit left out (it
   * judges the days around a surgery on purpose). The added lines are 10 to 20 days later; they
   * name the claim's one NPI or none, so that no line without an NPI changes hands.
   */
  @Property(tries = 300)
  void linesOfAnotherDateChangeNoLinesAmount(
      @ForAll("cases") Case c, @ForAll("cases") Case other, @ForAll Random random) {
    MedicareClaimPricer sameDay =
        c.source().pricer().toBuilder().removeEdit(GlobalSurgeryEdit.NAME).build();
    List<BilledLine> mine = new ArrayList<>();
    for (BilledLine line : c.claim().lines()) {
      mine.add(
          random.nextBoolean()
              ? line.withRenderingProvider(FIRST)
              : line.withoutRenderingProvider());
    }
    LocalDate later = c.context().dateOfService().plusDays(10 + random.nextInt(11));
    if (later.isAfter(c.source().to())) {
      return;
    }
    List<BilledLine> all = new ArrayList<>(mine);
    for (BilledLine line : other.claim().lines()) {
      if (c.source().codes().contains(line.line().code().toString())) {
        BilledLine moved = line.withDateOfService(later);
        all.add(
            random.nextBoolean()
                ? moved.withRenderingProvider(FIRST)
                : moved.withoutRenderingProvider());
      }
    }
    PricedClaim alone = sameDay.price(Claim.of(mine), c.context());
    PricedClaim together = sameDay.price(Claim.of(all), c.context());
    for (int i = 0; i < mine.size(); i++) {
      PricedLine a = alone.line(i);
      PricedLine t = together.line(i);
      String why = alone + "\n--- with lines of " + later + ":\n" + together;
      assertEquals(a.amount(), t.amount(), why);
      assertEquals(a.reason(), t.reason(), why);
    }
  }

  private static boolean isComponentLine(MedicareFeeSchedule schedule, ClaimLine line) {
    return schedule
        .rvuEntry(line)
        .map(row -> COMPONENT_RULES.contains(row.indicators().multipleProcedure()))
        .orElse(false);
  }

  private static final Set<MultipleProcedureRule> COMPONENT_RULES =
      Set.of(
          MultipleProcedureRule.DIAGNOSTIC_IMAGING,
          MultipleProcedureRule.THERAPY,
          MultipleProcedureRule.DIAGNOSTIC_CARDIOVASCULAR,
          MultipleProcedureRule.DIAGNOSTIC_OPHTHALMOLOGY);

  /**
   * Pricing throws nothing for any claim of valid lines, in any context: not for a date the
   * schedule does not cover, a code it does not have, minutes on any code, many units, any
   * modifiers; nor do the limiting charges, nor reading what was priced. A line that cannot be
   * priced says why ({@link MedicareClaimPricer#price}: "never throws for data").
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
    PricingContext context =
        c.context().withDateOfService(c.context().dateOfService().plusDays(days));
    try {
      PricedClaimText.of(c.source().pricer().price(claim, context));
      PricedClaimText.of(c.source().pricer().limitingCharges(claim, context));
      PricedClaimText.of(c.source().pricer().price(claim, c.context()));
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
    return Arbitraries.of(1, 2, 5, 6, 7, 99, 999);
  }

  // ---------------------------------------------------------------------------------------------

}
