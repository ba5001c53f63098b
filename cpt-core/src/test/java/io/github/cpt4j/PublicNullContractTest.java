package io.github.cpt4j;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.collect.ImmutableList;
import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.claim.Npi;
import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.code.CptCode;
import io.github.cpt4j.code.HcpcsCode;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.codeset.CodeEntry;
import io.github.cpt4j.edit.ProviderDay;
import io.github.cpt4j.edit.RenderingProviders;
import io.github.cpt4j.edit.ncci.MueClaimEdit;
import io.github.cpt4j.edit.ncci.MueTable;
import io.github.cpt4j.edit.ncci.NcciEdits;
import io.github.cpt4j.edit.ncci.PtpClaimEdit;
import io.github.cpt4j.edit.ncci.PtpEdit;
import io.github.cpt4j.edit.ncci.PtpModifierIndicator;
import io.github.cpt4j.edit.ncci.PtpTable;
import io.github.cpt4j.fee.Explanation;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.FeeSchedule;
import io.github.cpt4j.fee.FlatFeeSchedule;
import io.github.cpt4j.fee.PaymentArea;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.PricingStep;
import io.github.cpt4j.fee.ServicePlace;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.ApmProviders;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.PlaceOfService;
import io.github.cpt4j.fee.medicare.Quarter;
import io.github.cpt4j.fee.medicare.QuarterlyRefusals;
import io.github.cpt4j.fee.medicare.ZipLocalityTable;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaBaseUnits;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaConversionFactors;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaFeeSchedule;
import io.github.cpt4j.fee.medicare.asp.AspFeeSchedule;
import io.github.cpt4j.fee.medicare.clfs.ClfsFeeSchedule;
import io.github.cpt4j.fee.medicare.dmepos.DmeposArea;
import io.github.cpt4j.fee.medicare.dmepos.DmeposCategory;
import io.github.cpt4j.fee.medicare.dmepos.DmeposFee;
import io.github.cpt4j.fee.medicare.dmepos.DmeposFeeSchedule;
import io.github.cpt4j.fee.medicare.dmepos.DmeposJurisdiction;
import io.github.cpt4j.fee.medicare.dmepos.DmeposZipTable;
import io.github.cpt4j.fee.medicare.partb.PartBClaimPricer;
import io.github.cpt4j.fee.medicare.partb.PartBFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.AssistantAtSurgery;
import io.github.cpt4j.fee.medicare.pfs.BilateralRule;
import io.github.cpt4j.fee.medicare.pfs.ConversionFactor;
import io.github.cpt4j.fee.medicare.pfs.ConversionFactors;
import io.github.cpt4j.fee.medicare.pfs.FeeCalculation;
import io.github.cpt4j.fee.medicare.pfs.GlobalPeriod;
import io.github.cpt4j.fee.medicare.pfs.Gpci;
import io.github.cpt4j.fee.medicare.pfs.GpciTable;
import io.github.cpt4j.fee.medicare.pfs.LineEvaluation;
import io.github.cpt4j.fee.medicare.pfs.LineEvaluator;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.MultipleProcedureRule;
import io.github.cpt4j.fee.medicare.pfs.OppsCap;
import io.github.cpt4j.fee.medicare.pfs.PaymentIndicators;
import io.github.cpt4j.fee.medicare.pfs.PaymentStatus;
import io.github.cpt4j.fee.medicare.pfs.PcTcIndicator;
import io.github.cpt4j.fee.medicare.pfs.RvuEntry;
import io.github.cpt4j.fee.medicare.pfs.RvuTable;
import io.github.cpt4j.fee.medicare.pfs.SurgeonsPermission;
import io.github.cpt4j.fee.medicare.pfs.claim.ClaimState;
import io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer;
import io.github.cpt4j.fee.medicare.release.MedicareRelease;
import io.github.cpt4j.fee.medicare.release.MedicareReleases;
import io.github.cpt4j.modifier.CodeWithModifiers;
import io.github.cpt4j.modifier.ModifierRule;
import io.github.cpt4j.modifier.ModifierViolation;
import io.github.cpt4j.testing.NullContractSweep;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The null contract of the whole public API of cpt-core, swept: every public method and constructor
 * of every public type of the packages the module exports (read from its compiled descriptor, so a
 * new type or package is in the sweep at once) refuses a null reference argument at the call with a
 * {@code NullPointerException} naming it, as {@code requireNonNull(x, "x")} does. NullPointerTester
 * checks that one is thrown; the sweep that it is named and not the JVM's, from deep inside ({@link
 * NullContractSweep}, which cpt-data's sweep shares). The methods where null means something, as
 * their Javadoc says, are listed in {@link #NULL_ACCEPTED} with why.
 */
class PublicNullContractTest extends NullContractSweep {
  private static final LocalDate DATE = LocalDate.of(2025, 6, 2);
  private static final Locality LOCALITY = Locality.parse("13282-99");

  /** Samples of the types NullPointerTester cannot make, each a small valid value. */
  private static Map<Class<?>, Supplier<?>> sampleMap() {
    Map<Class<?>, Supplier<?>> samples = new LinkedHashMap<>();
    // Immutable, so made once and shared; a builder is made afresh for each test.
    MedicareFeeSchedule pfs = schedule();
    CptCode cpt = (CptCode) ProcedureCode.parse("99213");
    samples.put(String.class, () -> "x");
    samples.put(int.class, () -> 1);
    samples.put(CharSequence.class, () -> "99213");
    samples.put(LocalDate.class, () -> DATE);
    samples.put(BigDecimal.class, () -> new BigDecimal("10.00"));
    samples.put(ProcedureCode.class, () -> cpt);
    samples.put(CptCode.class, () -> cpt);
    samples.put(HcpcsCode.class, () -> ProcedureCode.parse("G0438"));
    samples.put(
        io.github.cpt4j.modifier.Modifier.class,
        () -> io.github.cpt4j.modifier.Modifier.parse("25"));
    samples.put(ClaimLine.class, () -> ClaimLine.parse("99213-25"));
    samples.put(CodeWithModifiers.class, () -> ClaimLine.parse("99213-25"));
    samples.put(BilledLine.class, () -> BilledLine.parse("99213"));
    samples.put(Claim.class, () -> Claim.ofLines(ClaimLine.parse("99213")));
    samples.put(Npi.class, () -> Npi.parse("1234567893"));
    samples.put(Locality.class, () -> LOCALITY);
    samples.put(PaymentArea.class, () -> LOCALITY);
    samples.put(PlaceOfService.class, () -> PlaceOfService.OFFICE);
    samples.put(ServicePlace.class, () -> PlaceOfService.OFFICE);
    samples.put(Quarter.class, () -> Quarter.of(2025, 1));
    samples.put(
        PricingContext.class, () -> PricingContext.of(DATE, LOCALITY, Setting.NON_FACILITY));
    samples.put(PricingStep.class, () -> PricingStep.note("rule", "words"));
    samples.put(
        FeeResult.class, () -> FeeResult.priced(new BigDecimal("10.00"), Explanation.empty()));
    samples.put(
        FeeResult.Priced.class,
        () -> FeeResult.priced(new BigDecimal("10.00"), Explanation.empty()));
    samples.put(
        FeeResult.Unpriced.class,
        () -> FeeResult.unpriced(UnpricedReason.NOT_IN_SCHEDULE, "x", Explanation.empty()));
    samples.put(FeeSchedule.class, PublicNullContractTest::flat);
    samples.put(FlatFeeSchedule.class, PublicNullContractTest::flat);
    samples.put(MedicareFeeSchedule.class, () -> pfs);
    samples.put(Explanation.class, Explanation::empty);
    samples.put(
        CodeEntry.class,
        () ->
            CodeEntry.builder()
                .code(cpt)
                .shortDescription("a visit")
                .effectiveFrom(CodeEntry.BASELINE_DATE)
                .build());
    samples.put(MueTable.class, () -> MueTable.builder().build());
    samples.put(PtpTable.class, () -> PtpTable.builder().build());
    samples.put(MueClaimEdit.class, () -> MueClaimEdit.of(MueTable.builder().build()));
    samples.put(PtpClaimEdit.class, () -> PtpClaimEdit.of(PtpTable.builder().build()));
    samples.put(
        NcciEdits.class,
        () -> NcciEdits.of(PtpTable.builder().build(), MueTable.builder().build()));
    samples.put(RvuEntry.class, () -> pfs.rvus().all().get(0));
    samples.put(PaymentIndicators.class, () -> pfs.rvus().all().get(0).indicators());
    samples.put(Gpci.class, () -> pfs.gpcis().all().get(0));
    samples.put(ConversionFactor.class, () -> pfs.conversionFactors().all().get(0));
    samples.put(
        OppsCap.class,
        () ->
            OppsCap.builder()
                .code(cpt)
                .modifier(Optional.empty())
                .locality(LOCALITY)
                .status(PaymentStatus.of('A'))
                .facilityAmount(new BigDecimal("60.00"))
                .nonFacilityAmount(new BigDecimal("60.00"))
                .build());
    samples.put(LineEvaluator.class, () -> pfs.evaluator(context()));
    samples.put(
        FeeCalculation.class,
        () -> (FeeCalculation) pfs.evaluator(context()).evaluate(ClaimLine.parse("99213")));
    samples.put(
        LineEvaluation.class, () -> pfs.evaluator(context()).evaluate(ClaimLine.parse("99213")));
    samples.put(
        LineEvaluation.Refused.class,
        () -> (LineEvaluation.Refused) pfs.evaluator(context()).evaluate(ClaimLine.parse("99214")));
    samples.put(MedicareClaimPricer.class, () -> MedicareClaimPricer.of(pfs));
    samples.put(
        MedicareReleases.class,
        () -> MedicareReleases.of(List.of(MedicareRelease.of("2025A", pfs))));
    samples.put(
        RenderingProviders.class,
        () -> RenderingProviders.of(Claim.of(BilledLine.parse("99213")), context()));
    samples.put(
        ProviderDay.class,
        () ->
            ProviderDay.split(
                    Claim.of(
                        BilledLine.parse("99213 on 2025-06-02"),
                        BilledLine.parse("99214 on 2025-06-03")),
                    context())
                .get(0));
    samples.put(
        QuarterlyRefusals.class,
        () ->
            QuarterlyRefusals.of("x", Quarter.of(2025, 1), (line, context) -> Explanation.empty()));
    samples.put(DmeposArea.class, () -> new DmeposArea("NY", false));
    samples.put(
        DmeposFee.class,
        () ->
            DmeposFee.builder(ProcedureCode.parse("E0100"))
                .jurisdiction(DmeposJurisdiction.values()[0])
                .category(DmeposCategory.values()[0])
                .ceilingAndFloor(new BigDecimal("10.00"), new BigDecimal("5.00"))
                .fees(
                    ImmutableList.of("NY"),
                    List.of(new BigDecimal("8.00")),
                    List.of(new BigDecimal("8.00")))
                .build());
    samples.put(
        PtpEdit.class,
        () ->
            new PtpEdit(
                ProcedureCode.parse("27447"),
                cpt,
                false,
                DATE,
                Optional.empty(),
                PtpModifierIndicator.values()[0],
                "x"));
    samples.put(
        ModifierViolation.class,
        () ->
            ModifierViolation.of(
                ModifierRule.values()[0],
                cpt,
                List.of(io.github.cpt4j.modifier.Modifier.parse("25")),
                "x"));
    samples.put(ClfsFeeSchedule.class, () -> ClfsFeeSchedule.builder(Quarter.of(2025, 1)).build());
    samples.put(AspFeeSchedule.class, () -> AspFeeSchedule.builder(Quarter.of(2025, 1)).build());
    samples.put(
        DmeposFeeSchedule.class,
        () ->
            DmeposFeeSchedule.builder(Quarter.of(2025, 1))
                .zips(DmeposZipTable.builder().build())
                .build());
    samples.put(DmeposZipTable.class, () -> DmeposZipTable.builder().build());
    samples.put(
        ZipLocalityTable.class,
        () -> ZipLocalityTable.builder().add(10001, LOCALITY, false).build());
    samples.put(
        AnesthesiaFeeSchedule.class,
        () ->
            AnesthesiaFeeSchedule.builder()
                .name("anesthesia")
                .baseUnits(AnesthesiaBaseUnits.of("x", Map.of(ProcedureCode.parse("00100"), 5)))
                .conversionFactors(
                    AnesthesiaConversionFactors.of("x", Map.of(LOCALITY, new BigDecimal("20.00"))))
                .effective(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31))
                .build());
    samples.put(
        PartBFeeSchedule.class, () -> PartBFeeSchedule.builder().physicianFeeSchedule(pfs).build());
    samples.put(
        PartBClaimPricer.class,
        () ->
            PartBClaimPricer.of(
                PartBFeeSchedule.builder().physicianFeeSchedule(pfs).build(),
                MedicareClaimPricer.of(pfs)));
    samples.put(
        CodeFormatException.class,
        () -> assertThrows(CodeFormatException.class, () -> ProcedureCode.parse("9921")));
    return samples;
  }

  private static PricingContext context() {
    return PricingContext.of(DATE, LOCALITY, Setting.NON_FACILITY);
  }

  private static FlatFeeSchedule flat() {
    return FlatFeeSchedule.builder()
        .name("flat")
        .put(ProcedureCode.parse("99213"), new BigDecimal("80.00"))
        .build();
  }

  private static MedicareFeeSchedule schedule() {
    RvuEntry row =
        RvuEntry.builder()
            .code(ProcedureCode.parse("99213"))
            .modifier(Optional.empty())
            .workRvu(new BigDecimal("1.30"))
            .nonFacilityPeRvu(new BigDecimal("1.35"))
            .nonFacilityNa(false)
            .facilityPeRvu(new BigDecimal("0.57"))
            .facilityNa(false)
            .malpracticeRvu(new BigDecimal("0.10"))
            .indicators(
                PaymentIndicators.builder()
                    .status(PaymentStatus.of('A'))
                    .pcTc(PcTcIndicator.of('0'))
                    .globalPeriod(GlobalPeriod.of("XXX"))
                    .multipleProcedure(MultipleProcedureRule.of('0'))
                    .bilateral(BilateralRule.NO_ADJUSTMENT)
                    .assistantAtSurgery(AssistantAtSurgery.NEVER_PAID)
                    .coSurgeons(SurgeonsPermission.NOT_PERMITTED)
                    .teamSurgery(SurgeonsPermission.NOT_PERMITTED)
                    .endoscopicBase(Optional.empty())
                    .diagnosticImagingFamily(99)
                    .pricingIndicator(Optional.empty())
                    .build())
            .build();
    return MedicareFeeSchedule.builder()
        .name("sweep")
        .rvus(RvuTable.of(List.of(row)))
        .gpcis(
            GpciTable.of(
                List.of(
                    Gpci.builder()
                        .locality(LOCALITY)
                        .state("NY")
                        .name("REST OF NEW YORK")
                        .work(new BigDecimal("1"))
                        .practiceExpense(new BigDecimal("0.949"))
                        .malpractice(new BigDecimal("0.732"))
                        .build())))
        .conversionFactors(
            ConversionFactors.of(
                List.of(
                    ConversionFactor.builder()
                        .effectiveFrom(LocalDate.of(2025, 1, 1))
                        .effectiveTo(LocalDate.of(2025, 12, 31))
                        .amount(new BigDecimal("32.3465"))
                        .appliesTo(ApmProviders.ALL)
                        .build())))
        .effective(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31))
        .build();
  }

  /**
   * The methods that take null on purpose, as their Javadoc says, each with why: a never-throwing
   * check or parse of text from outside, where null is one more input that is no value.
   */
  private static final Map<String, String> NULL_ACCEPTED =
      Map.ofEntries(
          Map.entry("CptCode.isValid(CharSequence)", "never throws: null is not valid"),
          Map.entry("CptCode.tryParse(CharSequence)", "never throws: null gives empty"),
          Map.entry("HcpcsCode.isValid(CharSequence)", "never throws: null is not valid"),
          Map.entry("HcpcsCode.tryParse(CharSequence)", "never throws: null gives empty"),
          Map.entry("ProcedureCode.isValid(CharSequence)", "never throws: null is not valid"),
          Map.entry("ProcedureCode.tryParse(CharSequence)", "never throws: null gives empty"),
          Map.entry("Modifier.isValid(CharSequence)", "never throws: null is not valid"),
          Map.entry("Modifier.tryParse(CharSequence)", "never throws: null gives empty"),
          Map.entry("Npi.isValid(CharSequence)", "never throws: null is not one"),
          Map.entry("Npi.tryParse(CharSequence)", "never throws: null gives empty"),
          Map.entry("ClaimLine.tryParse(CharSequence)", "never throws: null gives empty"));

  /** The public types with no public way to make one, each with why. */
  private static final Map<Class<?>, String> NO_SAMPLE =
      Map.of(
          ClaimState.class,
          "made by the claim pricer alone and handed to a ClaimStep; its methods are the steps'");

  @Override
  protected Class<?> anchor() {
    return ProcedureCode.class;
  }

  @Override
  protected Map<Class<?>, Supplier<?>> samples() {
    return sampleMap();
  }

  @Override
  protected Map<String, String> nullAccepted() {
    return NULL_ACCEPTED;
  }

  @Override
  protected Map<Class<?>, String> noSample() {
    return NO_SAMPLE;
  }
}
