package io.github.cpt4j.fee.medicare.partb;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.code.CptCode;
import io.github.cpt4j.code.HcpcsCode;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.code.Section;
import io.github.cpt4j.fee.Explanation;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.FeeSchedule;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.PricingStep;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.PlaceOfService;
import io.github.cpt4j.fee.medicare.asp.AspFeeSchedule;
import io.github.cpt4j.fee.medicare.asp.AspLimit;
import io.github.cpt4j.fee.medicare.clfs.ClfsFeeSchedule;
import io.github.cpt4j.fee.medicare.clfs.ClfsRate;
import io.github.cpt4j.fee.medicare.dmepos.DmeposFee;
import io.github.cpt4j.fee.medicare.dmepos.DmeposFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.PaymentStatus;
import io.github.cpt4j.fee.medicare.pfs.RvuEntry;
import io.github.cpt4j.fee.medicare.release.MedicareRelease;
import io.github.cpt4j.fee.medicare.release.MedicareReleases;
import io.github.cpt4j.modifier.Modifier;
import io.github.cpt4j.text.OneLine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Medicare Part B as one fee schedule: each line goes to the schedule that pays it, and the answer
 * is that schedule's.
 *
 * <h2>Routing</h2>
 *
 * <ol>
 *   <li>A code the Physician Fee Schedule pays (status A, R, T or C on its global row) goes to the
 *       Physician Fee Schedule. So does a line with modifier 26 (or TC) whose code's professional
 *       (or technical) component row the Physician Fee Schedule pays, whoever pays the whole
 *       service: the interpretation of a few laboratory tests (PC/TC indicator 6, such as 86320-26)
 *       is paid by the Physician Fee Schedule while the test itself is paid by the CLFS.
 *   <li>Otherwise a code listed in a loaded Clinical Laboratory, DMEPOS or drug (ASP) schedule goes
 *       to that schedule: status X laboratory tests to the CLFS, drugs (status E) to ASP, DME
 *       (status X, P or absent from the relative value file) to DMEPOS.
 *   <li>Otherwise the code's shape decides which schedule should pay it: anesthesia (00100-01999,
 *       to the anesthesia schedule when one is loaded, else the Physician Fee Schedule), laboratory
 *       tests, PLA and MAAA codes, 36415, the breath tests 78267-78268, HCPCS U codes, P codes but
 *       albumin and the G codes of laboratory tests (CLFS); HCPCS J, albumin, the Q codes of drugs,
 *       immune globulins and vaccines (drugs); HCPCS E, K, L, B and A4-A8 codes, V2 lenses,
 *       Q4001-Q4099 casts and Q0477-Q0509 device supplies (DMEPOS); everything else (the Physician
 *       Fee Schedule). Every code of CMS's 2025 CLFS, DMEPOS and ASP files goes by its shape to the
 *       schedule whose file lists it.
 * </ol>
 *
 * <p>The route of every code listed by a loaded schedule is worked out once, when the schedule is
 * built, into an array indexed by {@link ProcedureCode#packed()}: routing a line is one array read
 * (and, for a code no loaded schedule lists, one switch on its shape).
 *
 * <p>A code no loaded schedule lists is answered by the schedule that should have paid it (a lab
 * test missing from the CLFS is {@link UnpricedReason#NOT_IN_SCHEDULE} from the CLFS, not "status
 * X, not payable" from the Physician Fee Schedule); when that schedule is not loaded at all, the
 * answer is {@link UnpricedReason#NO_SCHEDULE_LOADED}. Every answer's explanation ends with a
 * {@code part-b} step naming the schedule the line went to.
 *
 * <p>A line of the laboratory, DMEPOS or drug schedules at a place of service CMS's code set leaves
 * unassigned ({@link PlaceOfService#isAssigned()}: 30, 75...) is {@link
 * UnpricedReason#NOT_PAYABLE_IN_PLACE}, as the Physician Fee Schedule's and the anesthesia
 * schedule's lines there are: a claim that reports such a place is returned as unprocessable
 * (Claims Processing Manual, ch. 26, §10.5). So is a laboratory test or a drug for a hospital
 * inpatient or outpatient ({@link PlaceOfService#isHospital()}: 19, 21, 22, 23, 51, 61), which the
 * hospital furnishes and is paid for (Social Security Act §1862(a)(14); 42 CFR 410.42(a); Claims
 * Processing Manual, ch. 16, §40.3), and a DMEPOS item for a hospital inpatient ({@link
 * PlaceOfService#isHospitalInpatient()}: 21, 51, 61), for whom a hospital is no home (§1861(n)).
 *
 * <pre>{@code
 * PartBFeeSchedule partB = PartBFeeSchedule.builder()
 *     .physicianFeeSchedule(BundledData.medicareReleases())
 *     .clinicalLaboratory(BundledData.clinicalLabFeeSchedule())
 *     .dmepos(BundledData.dmeposFeeSchedule())
 *     .drugs(BundledData.aspFeeSchedule())
 *     .build();
 * // The bundled CLFS sample is of 2025-Q1: a date of another quarter is DATE_NOT_COVERED.
 * PricingContext context = PricingContext.of(LocalDate.of(2025, 2, 3),
 *     Locality.parse("13282-99"), Setting.NON_FACILITY);
 * partB.payerOf(ProcedureCode.parse("80053"));                      // CLINICAL_LABORATORY
 * FeeResult panel = partB.price(ClaimLine.parse("80053"), context); // 10.56, from the CLFS
 * }</pre>
 *
 * <p>Claim rules (multiple procedures, bilateral pairs) belong to the Physician Fee Schedule's
 * claim pricer; this schedule prices lines one by one. {@link PartBClaimPricer} prices whole claims
 * with it: claim edits over every line, the Physician Fee Schedule's lines together. Immutable and
 * thread-safe.
 */
public final class PartBFeeSchedule implements FeeSchedule {

  private static final PartBPayer[] PAYERS = PartBPayer.values();

  private final String name;
  private final EnumMap<PartBPayer, FeeSchedule> schedules;
  private final FeeSchedule[] byPayer;
  private final PricingStep[] routeSteps;

  /**
   * Per packed code: the payer's ordinal plus one in the low bits (0: decided by the code's shape),
   * and whether the Physician Fee Schedule pays the code's 26 or TC row.
   */
  private final byte[] routes;

  private static final int PAYER_BITS = 0x1F;
  private static final int PFS_PAYS_26 = 0x20;
  private static final int PFS_PAYS_TC = 0x40;

  private PartBFeeSchedule(Builder builder) {
    this.name = builder.name;
    this.schedules = new EnumMap<>(PartBPayer.class);
    this.byPayer = new FeeSchedule[PAYERS.length];
    this.routeSteps = new PricingStep[PAYERS.length];
    for (Map.Entry<PartBPayer, List<? extends FeeSchedule>> e : builder.schedules.entrySet()) {
      List<? extends FeeSchedule> list = e.getValue();
      FeeSchedule schedule = list.size() == 1 ? list.get(0) : FeeSchedule.firstThatPrices(list);
      schedules.put(e.getKey(), schedule);
      byPayer[e.getKey().ordinal()] = schedule;
    }
    for (PartBPayer payer : PAYERS) {
      FeeSchedule schedule = byPayer[payer.ordinal()];
      routeSteps[payer.ordinal()] =
          PricingStep.note(
              "part-b",
              "the line goes to "
                  + payer.words()
                  + (schedule == null ? "" : " (" + schedule.name() + ")"));
    }
    this.routes = new byte[ProcedureCode.PACKED_BOUND];
    for (ClfsFeeSchedule clfs : builder.clfs) {
      for (ClfsRate rate : clfs.rates()) {
        route(rate.code(), PartBPayer.CLINICAL_LABORATORY);
      }
    }
    for (DmeposFeeSchedule dmepos : builder.dmepos) {
      for (DmeposFee fee : dmepos.fees()) {
        route(fee.code(), PartBPayer.DMEPOS);
      }
    }
    for (AspFeeSchedule asp : builder.asp) {
      for (AspLimit limit : asp.limits()) {
        route(limit.code(), PartBPayer.DRUGS);
      }
    }
    // Last, so that it wins: what the Physician Fee Schedule pays, it pays.
    for (MedicareFeeSchedule pfs : builder.pfs) {
      for (RvuEntry entry : pfs.rvus().all()) {
        // Anesthesia (J) goes by its shape: to the anesthesia schedule when one is loaded.
        if (!entry.status().isPaid() || entry.status() == PaymentStatus.J) {
          continue;
        }
        if (entry.modifier().isEmpty()) {
          route(entry.code(), PartBPayer.PHYSICIAN_FEE_SCHEDULE);
        } else if (entry.modifier().get().equals(Modifier.PROFESSIONAL_COMPONENT)) {
          routes[entry.code().packed()] |= PFS_PAYS_26;
        } else if (entry.modifier().get().equals(Modifier.TECHNICAL_COMPONENT)) {
          routes[entry.code().packed()] |= PFS_PAYS_TC;
        }
      }
    }
  }

  private void route(ProcedureCode code, PartBPayer payer) {
    int packed = code.packed();
    routes[packed] = (byte) (routes[packed] & ~PAYER_BITS | payer.ordinal() + 1);
  }

  /** {@return an empty builder} */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public FeeResult price(ClaimLine line, PricingContext context) {
    requireNonNull(line, "line");
    requireNonNull(context, "context");
    PartBPayer payer = payerOf(line);
    FeeSchedule schedule = byPayer[payer.ordinal()];
    if (schedule == null) {
      return FeeResult.unpriced(
          UnpricedReason.NO_SCHEDULE_LOADED,
          line.code() + " is paid from " + payer.words() + ", and " + name + " has none",
          Explanation.of(routeSteps[payer.ordinal()]));
    }
    FeeResult refused = notPaidInPlace(line, context, payer);
    if (refused != null) {
      return refused;
    }
    return schedule.price(line, context).withStep(routeSteps[payer.ordinal()]);
  }

  /**
   * Refuses a line of the CLFS, DMEPOS or drug schedules at a place of service where Part B pays no
   * supplier for it; null otherwise. Those schedules do not read the place, and the Physician Fee
   * Schedule and the anesthesia schedule judge it themselves ({@link AnesthesiaFeeSchedule} refuses
   * its lines at an unassigned place too).
   */
  private FeeResult notPaidInPlace(ClaimLine line, PricingContext context, PartBPayer payer) {
    if (payer == PartBPayer.PHYSICIAN_FEE_SCHEDULE || payer == PartBPayer.ANESTHESIA) {
      return null;
    }
    PlaceOfService place = PlaceOfService.in(context).orElse(null);
    if (place == null) {
      return null;
    }
    String detail;
    if (!place.isAssigned()) {
      // The claim is unprocessable whatever pays the line (Pub. 100-04, ch. 26, §10.5), as the
      // Physician Fee Schedule already answers for its lines.
      detail =
          line.code()
              + ": place of service "
              + place
              + " is unassigned in CMS's place-of-service code set (Claims Processing Manual"
              + " ch. 26 §10.5), and a claim that reports it is returned as unprocessable";
    } else if (!place.isHospital()) {
      return null;
    } else if (payer != PartBPayer.DMEPOS) {
      // Tests and drugs are not among the professional services that section excepts; the
      // hospital bills them (directly or under arrangements: Pub. 100-04, ch. 16, §40.3).
      detail =
          line.code()
              + (payer == PartBPayer.DRUGS ? " is a drug" : " is a clinical laboratory service")
              + " for a hospital inpatient or outpatient (place of service "
              + place
              + "): the hospital furnishes it and is paid for it, and Part B pays no other entity"
              + " for it (Social Security Act §1862(a)(14); 42 CFR 410.42(a) for an outpatient)";
    } else if (place.isHospitalInpatient()) {
      detail =
          line.code()
              + " is furnished to a hospital inpatient (place of service "
              + place
              + "): a hospital is no patient's home for equipment (Social Security Act §1861(n)),"
              + " and Part B pays no entity but the hospital for an inpatient's items"
              + " (§1862(a)(14))";
    } else {
      // An outpatient's equipment for use at home: no text found that settles it, left as billed.
      return null;
    }
    return FeeResult.unpriced(
        UnpricedReason.NOT_PAYABLE_IN_PLACE, detail, Explanation.of(routeSteps[payer.ordinal()]));
  }

  /** Returns the {@code part-b} step naming the schedule {@code payer} stands for. */
  PricingStep routeStep(PartBPayer payer) {
    return routeSteps[payer.ordinal()];
  }

  /**
   * {@return the schedule that pays {@code code}, as described on this class: one array read, or a
   * switch on the code's shape for a code no loaded schedule lists}
   *
   * @param code the code billed
   */
  public PartBPayer payerOf(ProcedureCode code) {
    requireNonNull(code, "code");
    int route = routes[code.packed()] & PAYER_BITS;
    if (route != 0) {
      return PAYERS[route - 1];
    }
    PartBPayer payer = byShape(code);
    return payer == PartBPayer.ANESTHESIA && byPayer[PartBPayer.ANESTHESIA.ordinal()] == null
        ? PartBPayer.PHYSICIAN_FEE_SCHEDULE
        : payer;
  }

  /**
   * {@return the schedule that pays {@code line}: that of its code ({@link
   * #payerOf(ProcedureCode)}), except that a line with modifier 26 or TC goes to the Physician Fee
   * Schedule when it pays that component of the code (86320-26 there, 86320 to the CLFS)}
   *
   * @param line the line billed
   */
  public PartBPayer payerOf(ClaimLine line) {
    requireNonNull(line, "line");
    int route = routes[line.code().packed()];
    if ((route & PFS_PAYS_26) != 0 && line.hasModifier(Modifier.PROFESSIONAL_COMPONENT)
        || (route & PFS_PAYS_TC) != 0 && line.hasModifier(Modifier.TECHNICAL_COMPONENT)) {
      return PartBPayer.PHYSICIAN_FEE_SCHEDULE;
    }
    return payerOf(line.code());
  }

  /**
   * The G codes of laboratory tests, which CMS's CLFS file lists (2025): cytopathology screening,
   * specimen collection (G0471), infectious disease and drug tests; every other G code is a
   * professional service.
   */
  private static final int[] LABORATORY_G_CODES = {
    27, 103, 123, 143, 144, 145, 147, 148, 306, 307, 327, 328, 432, 433, 435, 471, 472, 475, 476,
    480, 481, 482, 483, 499, 659, 9143
  };

  /**
   * Tells which schedule should pay {@code code} by its shape alone: for a code no loaded schedule
   * lists (a quarter that lacks it, or a sample). Every code of CMS's 2025 CLFS, DMEPOS and ASP
   * files is routed here to the schedule whose file lists it.
   */
  static PartBPayer byShape(ProcedureCode code) {
    if (code instanceof CptCode cpt) {
      return switch (cpt.kind()) {
        case PLA, MAAA -> PartBPayer.CLINICAL_LABORATORY;
        case STANDARD -> byNumber(cpt);
        default -> PartBPayer.PHYSICIAN_FEE_SCHEDULE;
      };
    }
    HcpcsCode hcpcs = (HcpcsCode) code;
    int n = hcpcs.number();
    return switch (hcpcs.letter()) {
      case 'J' -> PartBPayer.DRUGS;
      case 'E', 'K', 'L', 'B' -> PartBPayer.DMEPOS;
      case 'G' ->
          Arrays.binarySearch(LABORATORY_G_CODES, n) >= 0
              ? PartBPayer.CLINICAL_LABORATORY
              : PartBPayer.PHYSICIAN_FEE_SCHEDULE;
      // P9041 and P9045-P9047 are albumin, a drug; the other P codes are laboratory services.
      case 'P' ->
          n == 9041 || n >= 9045 && n <= 9047 ? PartBPayer.DRUGS : PartBPayer.CLINICAL_LABORATORY;
      case 'U' -> PartBPayer.CLINICAL_LABORATORY;
      // A4000-A8999 are medical and surgical supplies, A9270-A9300 and A9900-A9999 equipment
      // supplies and services (the equipment supplier's); A9500-A9899 radiopharmaceuticals and
      // contrast, priced as drugs.
      case 'A' ->
          n >= 4000 && n < 9000 || n >= 9270 && n <= 9300 || n >= 9900
              ? PartBPayer.DMEPOS
              : n >= 9500 ? PartBPayer.DRUGS : PartBPayer.PHYSICIAN_FEE_SCHEDULE;
      case 'Q' -> byQNumber(n);
      case 'V' -> n >= 2000 && n < 3000 ? PartBPayer.DMEPOS : PartBPayer.PHYSICIAN_FEE_SCHEDULE;
      default -> PartBPayer.PHYSICIAN_FEE_SCHEDULE;
    };
  }

  /**
   * The Q codes, by what CMS's files list in their ranges: laboratory tests (Q0111-Q0115), drugs
   * (antiemetics, monoclonal antibodies, cell therapies, skin substitutes from Q4100), ventricular
   * assist device supplies (Q0477-Q0509) and casting supplies (Q4001-Q4099, but for two drugs).
   */
  private static PartBPayer byQNumber(int n) {
    if (n >= 111 && n <= 115) {
      return PartBPayer.CLINICAL_LABORATORY;
    }
    if (n >= 477 && n <= 509 || n >= 4001 && n < 4100 && n != 4074 && n != 4081) {
      return PartBPayer.DMEPOS;
    }
    if (n >= 138 && n <= 139
        || n >= 144 && n <= 181
        || n >= 220 && n <= 249
        || n >= 2000 && n <= 2099
        || n >= 3027 && n <= 3028
        || n >= 4001) {
      return PartBPayer.DRUGS;
    }
    return PartBPayer.PHYSICIAN_FEE_SCHEDULE;
  }

  private static PartBPayer byNumber(CptCode cpt) {
    if (cpt.section() == Section.ANESTHESIA) {
      return PartBPayer.ANESTHESIA;
    }
    int n = cpt.number();
    // 78267 and 78268 are breath tests the CLFS lists, in the radiology range.
    if (n >= 80047 && n <= 89398 || n == 36415 || n == 78267 || n == 78268) {
      return PartBPayer.CLINICAL_LABORATORY;
    }
    if (n >= 90281 && n <= 90399 || n >= 90476 && n <= 90759 || n >= 91300 && n <= 91399) {
      return PartBPayer.DRUGS; // immune globulins and vaccines (913xx: COVID-19 vaccines)
    }
    return PartBPayer.PHYSICIAN_FEE_SCHEDULE;
  }

  /**
   * {@return the schedule loaded for {@code payer}, if any}
   *
   * @param payer the schedule wanted
   */
  public Optional<FeeSchedule> schedule(PartBPayer payer) {
    return Optional.ofNullable(schedules.get(requireNonNull(payer, "payer")));
  }

  /** {@return the payers with a loaded schedule} */
  public ImmutableList<PartBPayer> loaded() {
    return ImmutableList.copyOf(schedules.keySet());
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String toString() {
    return name
        + " ("
        + schedules.values().stream().map(FeeSchedule::name).collect(Collectors.joining(", "))
        + ")";
  }

  /** Builds a {@link PartBFeeSchedule}; every schedule is optional. */
  public static final class Builder {
    private String name = "medicare-part-b";
    private final List<MedicareFeeSchedule> pfs = new ArrayList<>();
    private final List<ClfsFeeSchedule> clfs = new ArrayList<>();
    private final List<DmeposFeeSchedule> dmepos = new ArrayList<>();
    private final List<AspFeeSchedule> asp = new ArrayList<>();
    private final Map<PartBPayer, List<? extends FeeSchedule>> schedules =
        new EnumMap<>(PartBPayer.class);

    private Builder() {}

    /**
     * Sets the name used in messages (default {@code medicare-part-b}).
     *
     * @param newName the name, one line, not blank
     * @return this builder
     * @throws IllegalArgumentException if {@code newName} is blank or not one line: a message would
     *     read it torn over lines, or say nothing
     */
    public Builder name(String newName) {
      this.name = OneLine.checked(requireNonNull(newName, "newName"), "a fee schedule's name");
      return this;
    }

    /**
     * Sets the Physician Fee Schedule: one, or several periods (years, releases), asked in turn.
     *
     * @param periods the schedules, at least one, asked in this order
     * @return this builder
     * @throws IllegalArgumentException if {@code periods} is empty
     */
    public Builder physicianFeeSchedule(MedicareFeeSchedule... periods) {
      return set(PartBPayer.PHYSICIAN_FEE_SCHEDULE, pfs, periods);
    }

    /**
     * Sets the Physician Fee Schedule to CMS's releases: each line is priced with the release in
     * force on its date of service, as {@link MedicareReleases#price(ClaimLine, PricingContext)}
     * prices it, and a code that any release pays goes to the Physician Fee Schedule. Unlike {@link
     * #physicianFeeSchedule(MedicareFeeSchedule...)} given each release's schedule, which asks them
     * in turn, the answer is the one release's, and so is its explanation.
     *
     * @param releases CMS's releases of the Physician Fee Schedule
     * @return this builder
     */
    public Builder physicianFeeSchedule(MedicareReleases releases) {
      requireNonNull(releases, "releases");
      pfs.clear();
      for (MedicareRelease release : releases.releases()) {
        pfs.add(release.schedule());
      }
      schedules.put(PartBPayer.PHYSICIAN_FEE_SCHEDULE, List.of(releases));
      return this;
    }

    /**
     * Sets the anesthesia schedule, which prices anesthesia codes (00100-01999).
     *
     * @param anesthesia the anesthesia schedule
     * @return this builder
     */
    public Builder anesthesia(FeeSchedule anesthesia) {
      schedules.put(PartBPayer.ANESTHESIA, List.of(requireNonNull(anesthesia, "anesthesia")));
      return this;
    }

    /**
     * Sets the Clinical Laboratory Fee Schedule: one or several quarters, asked in turn.
     *
     * @param quarters the schedules, at least one, asked in this order
     * @return this builder
     * @throws IllegalArgumentException if {@code quarters} is empty
     */
    public Builder clinicalLaboratory(ClfsFeeSchedule... quarters) {
      return set(PartBPayer.CLINICAL_LABORATORY, clfs, quarters);
    }

    /**
     * Sets the DMEPOS fee schedule: one or several quarters, asked in turn.
     *
     * @param quarters the schedules, at least one, asked in this order
     * @return this builder
     * @throws IllegalArgumentException if {@code quarters} is empty
     */
    public Builder dmepos(DmeposFeeSchedule... quarters) {
      return set(PartBPayer.DMEPOS, dmepos, quarters);
    }

    /**
     * Sets the Part B drug payment limits: one or several quarters, asked in turn.
     *
     * @param quarters the schedules, at least one, asked in this order
     * @return this builder
     * @throws IllegalArgumentException if {@code quarters} is empty
     */
    public Builder drugs(AspFeeSchedule... quarters) {
      return set(PartBPayer.DRUGS, asp, quarters);
    }

    @SafeVarargs
    private <T extends FeeSchedule> Builder set(PartBPayer payer, List<T> list, T... periods) {
      requireNonNull(periods, "quarters");
      if (periods.length == 0) {
        throw new IllegalArgumentException(payer.words() + ": give at least one schedule");
      }
      list.clear();
      for (T period : periods) {
        list.add(requireNonNull(period, "period"));
      }
      schedules.put(payer, List.copyOf(list));
      return this;
    }

    /** {@return the schedule} */
    public PartBFeeSchedule build() {
      return new PartBFeeSchedule(this);
    }
  }
}
