package io.github.cpt4j.fee.medicare.pfs.claim;

import static io.github.cpt4j.fee.medicare.pfs.claim.ClaimTables.CONTEXT;
import static io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricerTest.assertAmounts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.code.CptCode;
import io.github.cpt4j.edit.ClaimEdit;
import io.github.cpt4j.edit.DuplicateLinesEdit;
import io.github.cpt4j.edit.EditAction;
import io.github.cpt4j.edit.EditFinding;
import io.github.cpt4j.edit.LiabilityModifiersEdit;
import io.github.cpt4j.edit.ModifierRulesEdit;
import io.github.cpt4j.fee.ClaimWarning;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricedLine;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaBaseUnits;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaConversionFactors;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaFeeSchedule;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaTimeEdit;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.RvuTable;
import io.github.cpt4j.modifier.ModifierRegistry;
import io.github.cpt4j.modifier.PaymentEffect;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The pipeline around the rules: claim edits before pricing, the builder's steps, scrubbing. The
 * amounts are {@link ClaimTables}' (27447 is 1000.00, 27130 900.00, 99213 100.00).
 */
class ClaimPipelineTest {

  /** The standard edits, in the order they run. */
  private static final List<String> STANDARD_EDITS =
      List.of(
          DuplicateLinesEdit.NAME,
          ModifierRulesEdit.NAME,
          AnesthesiaTimeEdit.NAME,
          CriticalCareEdit.NAME,
          LiabilityModifiersEdit.NAME,
          GlobalSurgeryEdit.NAME,
          SameDayVisitsEdit.NAME,
          NewPatientVisitEdit.NAME);

  private static final MedicareFeeSchedule SCHEDULE = ClaimTables.schedule();

  /** Denies or flags every line of one code, as a payer's policy might. */
  private static ClaimEdit onCode(String name, String code, EditAction action, int units) {
    return new ClaimEdit() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public List<EditFinding> check(Claim claim, PricingContext context) {
        List<EditFinding> found = new ArrayList<>();
        for (int i = 0; i < claim.size(); i++) {
          if (claim.line(i).line().code().toString().equals(code)) {
            found.add(
                EditFinding.builder()
                    .edit(name)
                    .line(i)
                    .action(action)
                    .deniedUnits(units)
                    .reason(
                        action == EditAction.DENY_UNITS
                            ? UnpricedReason.NCCI_MUE
                            : UnpricedReason.EDIT_DENIED)
                    .message(code + " by payer policy")
                    .putData("code", code)
                    .build());
          }
        }
        return found;
      }
    };
  }

  private static PricedClaim price(MedicareClaimPricer pricer, String... lines) {
    Claim.Builder claim = Claim.builder();
    for (String line : lines) {
      claim.add(BilledLine.parse(line)); // a charge after "$", as billed
    }
    return pricer.price(claim.build(), CONTEXT);
  }

  @Test
  void aDeniedLineIsUnpricedWithTheEditsReasonAndLeavesTheRanking() {
    MedicareClaimPricer pricer =
        MedicareClaimPricer.builder(SCHEDULE)
            .addEdit(onCode("payer-knee", "27447", EditAction.DENY_LINE, 1))
            .build();
    // Without the edit 27130 ranks second (450.00); with 27447 denied it is the only procedure.
    PricedClaim claim = assertAmounts(price(pricer, "27447", "27130"), "900.00", null, "900.00");
    PricedLine denied = claim.line(0);
    assertEquals(UnpricedReason.EDIT_DENIED, denied.reason().orElseThrow());
    assertEquals("payer-knee", denied.refusedBy().orElseThrow());
    assertEquals("27447 by payer policy", denied.detail());
    assertTrue(denied.explanation().has("payer-knee"), denied.toString());
    assertFalse(claim.line(1).explanation().has("multiple-procedure"), claim.toString());
  }

  /** {@link ClaimTables}' schedule with anesthesia: 00790 of 7 base units, 00840 of 6, CF 20. */
  private static MedicareFeeSchedule withAnesthesia() {
    AnesthesiaFeeSchedule anesthesia =
        AnesthesiaFeeSchedule.builder()
            .name("anesthesia-test")
            .baseUnits(
                AnesthesiaBaseUnits.of(
                    "test", Map.of(CptCode.parse("00790"), 7, CptCode.parse("00840"), 6)))
            .conversionFactors(
                AnesthesiaConversionFactors.of(
                    "test", Map.of(ClaimTables.TEST_LOCALITY, new BigDecimal("20.00"))))
            .effective(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31))
            .build();
    return ClaimTables.scheduleBuilder().anesthesia(anesthesia).build();
  }

  @Test
  void aDeniedAnesthesiaLineLeavesTheSession() {
    MedicareFeeSchedule schedule = withAnesthesia();
    // One session: 00790 (7 base units) is paid with the total 105 minutes, 7.0 time units:
    // (7 + 7.0) x 20.00 = 280.00, and 00840 through it.
    assertAmounts(
        price(MedicareClaimPricer.of(schedule), "00840-AA 45min", "00790-AA 60min"),
        "280.00",
        null,
        "280.00");
    // With 00790 denied, its time was never paid: 00840 is paid alone with its own 45 minutes,
    // 3.0 time units: (6 + 3.0) x 20.00 = 180.00.
    MedicareClaimPricer denying =
        MedicareClaimPricer.builder(schedule)
            .addEdit(onCode("payer-anesthesia", "00790", EditAction.DENY_LINE, 1))
            .build();
    PricedClaim claim =
        assertAmounts(price(denying, "00840-AA 45min", "00790-AA 60min"), "180.00", "180.00", null);
    assertEquals(UnpricedReason.EDIT_DENIED, claim.line(1).reason().orElseThrow());
    assertFalse(claim.line(0).explanation().has("anesthesia-session"), claim.toString());
  }

  @Test
  void aSessionWithDifferentRolesWarnsOnThePaidLine() {
    MedicareClaimPricer pricer = MedicareClaimPricer.of(withAnesthesia());
    PricedClaim claim =
        assertAmounts(price(pricer, "00840-QK 45min", "00790-AA 60min"), "280.00", null, "280.00");
    assertEquals(List.of(), claim.line(0).warnings(), claim.toString());
    assertEquals(1, claim.line(1).warnings().size(), claim.toString());
    ClaimWarning warning = claim.line(1).warnings().get(0);
    assertEquals(ClaimWarning.Kind.ANESTHESIA_ROLES_DIFFER, warning.kind());
    assertEquals("anesthesia", warning.rule());
    assertTrue(warning.message().contains("QK on line 1, AA on line 2"), warning.message());
    PricedClaim same = price(pricer, "00840-AA 45min", "00790-AA 60min");
    assertEquals(List.of(), same.line(1).warnings(), same.toString());
  }

  @Test
  void oneCodeTwiceWithOtherRolesIsPaidAlikeInEitherOrder() {
    // 00790 is 7 base units at 20.00: AA pays 100%, QK 50%. The tie was broken by position, so
    // reversing the lines halved the session.
    MedicareClaimPricer pricer = MedicareClaimPricer.of(withAnesthesia());
    PricedClaim forward = price(pricer, "00790-AA 60min", "00790-QK 60min");
    PricedClaim reversed = price(pricer, "00790-QK 60min", "00790-AA 60min");
    assertEquals(forward.total(), reversed.total(), reversed.toString());
    assertAmounts(reversed, "300.00", null, "300.00");
    assertTrue(
        reversed.line(0).toString().contains("as many base units, first by code and modifiers"),
        reversed.line(0)::toString);
  }

  @Test
  void aPayersPricerTakesAnotherScheduleWithItsEditsStepsAndModifiers() {
    ModifierRegistry plain =
        ModifierRegistry.of(
            ModifierRegistry.standard().all().stream()
                .map(
                    i ->
                        io.github.cpt4j.modifier.ModifierInfo.of(
                            i.modifier(), i.kind(), i.description()))
                .toList());
    MedicareClaimPricer payer =
        MedicareClaimPricer.builder(SCHEDULE)
            .addEdit(onCode("payer-knee", "27447", EditAction.DENY_LINE, 1))
            .removeStep("status-t")
            .modifiers(plain)
            .build();
    MedicareFeeSchedule anesthesia = withAnesthesia();
    MedicareClaimPricer given = payer.toBuilder().schedule(anesthesia).build();
    assertSame(anesthesia, given.schedule());
    assertSame(SCHEDULE, payer.schedule(), "the pricer itself is unchanged");
    assertEquals(payer.steps(), given.steps());
    assertEquals(
        payer.edits().stream().map(ClaimEdit::name).toList(),
        given.edits().stream().map(ClaimEdit::name).toList());
    // The new schedule's anesthesia prices the session: (7 + 4.0) x 20.00; the old one has none.
    assertAmounts(price(given, "00790-AA 60min"), "220.00", "220.00");
    assertFalse(price(payer, "00790-AA 60min").line(0).isPriced());
    // The payer's edit, its steps (no status-t: 36591 is paid beside 99213) and its modifier
    // registry (62 priced in full) come along.
    assertAmounts(price(given, "27447", "27130"), "900.00", null, "900.00");
    assertAmounts(price(given, "99213", "36591"), "125.00", "100.00", "25.00");
    assertAmounts(price(given, "27130-62"), "900.00", "900.00");
  }

  @Test
  void theStandardGlobalSurgeryEditReadsTheNewSchedule() {
    // 99213 on the day of 20610 (global 000) is in its package; a schedule without 20610's row
    // has no global period for it, so the visit is paid.
    assertAmounts(
        price(MedicareClaimPricer.of(SCHEDULE), "20610", "99213"), "100.00", "100.00", null);
    MedicareFeeSchedule without20610 =
        ClaimTables.scheduleBuilder()
            .rvus(
                RvuTable.of(
                    ClaimTables.rows().stream()
                        .filter(row -> !row.code().equals(CptCode.parse("20610")))
                        .toList()))
            .build();
    MedicareClaimPricer given =
        MedicareClaimPricer.builder(SCHEDULE).schedule(without20610).build();
    PricedClaim claim = price(given, "20610", "99213");
    assertEquals(UnpricedReason.NOT_IN_SCHEDULE, claim.line(0).reason().orElseThrow());
    assertEquals(new BigDecimal("100.00"), claim.line(1).amountOrThrow(), claim.toString());
    assertThrows(
        NullPointerException.class, () -> MedicareClaimPricer.builder(SCHEDULE).schedule(null));
  }

  @Test
  void aDeniedSideBreaksTheBilateralPair() {
    MedicareClaimPricer pricer =
        MedicareClaimPricer.builder(SCHEDULE)
            .addEdit(onCode("payer-knee", "27447", EditAction.DENY_LINE, 1))
            .build();
    assertAmounts(price(pricer, "27447-LT", "27130-RT"), "900.00", null, "900.00");
    MedicareClaimPricer rightOnly =
        MedicareClaimPricer.builder(SCHEDULE)
            .addEdit(
                new ClaimEdit() {
                  @Override
                  public String name() {
                    return "payer-right";
                  }

                  @Override
                  public List<EditFinding> check(Claim claim, PricingContext context) {
                    return List.of(EditFinding.denyLine(name(), 1, 1, "right side not covered"));
                  }
                })
            .build();
    // The LT and RT pair would be one bilateral procedure of 1500.00; alone, LT is one side.
    assertAmounts(price(rightOnly, "27447-LT", "27447-RT"), "1000.00", "1000.00", null);
  }

  /**
   * The standard pricer but for the same-day visits edit, which denies a visit's units beyond one:
   * these tests deny units of 99213 by payers' edits, and 99213 is the tables' flat 100.00 code.
   */
  private static MedicareClaimPricer.Builder withoutVisitUnitsRule() {
    return MedicareClaimPricer.builder(SCHEDULE).removeEdit(SameDayVisitsEdit.NAME);
  }

  @Test
  void deniedUnitsLeaveTheRestPriced() {
    MedicareClaimPricer pricer =
        withoutVisitUnitsRule().addEdit(onCode("mue", "99213", EditAction.DENY_UNITS, 1)).build();
    PricedClaim claim = assertAmounts(price(pricer, "99213 x3"), "200.00", "200.00");
    assertTrue(claim.line(0).explanation().has("mue"), claim.toString());
    // A warning too, so that a reader of the warnings (a FHIR response) learns why the amount is
    // lower than billed: the explanation's words, by the edit.
    assertEquals(
        List.of(
            ClaimWarning.of(
                ClaimWarning.Kind.UNITS_DENIED,
                "mue",
                "1 of 3 units denied: 99213 by payer policy")),
        claim.line(0).warnings());
    // Denying every unit denies the line, with the finding's reason.
    MedicareClaimPricer all =
        withoutVisitUnitsRule().addEdit(onCode("mue", "99213", EditAction.DENY_UNITS, 3)).build();
    PricedLine line = price(all, "99213 x3").line(0);
    assertEquals(UnpricedReason.NCCI_MUE, line.reason().orElseThrow());
    assertEquals("mue", line.refusedBy().orElseThrow());
  }

  /**
   * A line an edit denies whole has no warning that units were denied and the rest priced, whether
   * the edit denying units ran before or after: the reason says why it is not paid.
   */
  @Test
  void aLineDeniedWholeHasNoUnitsDeniedWarningInEitherOrder() {
    for (boolean unitsFirst : new boolean[] {true, false}) {
      MedicareClaimPricer.Builder builder = withoutVisitUnitsRule();
      ClaimEdit units = onCode("payer-units", "99213", EditAction.DENY_UNITS, 2);
      ClaimEdit line = onCode("payer-line", "99213", EditAction.DENY_LINE, 3);
      builder.addEdit(unitsFirst ? units : line);
      builder.addEdit(unitsFirst ? line : units);
      PricedLine priced = price(builder.build(), "99213 x3").line(0);
      assertFalse(priced.isPriced(), priced.toString());
      assertEquals(List.of(), priced.warnings(), "units first: " + unitsFirst);
    }
  }

  @Test
  void twoEditsDenyingUnitsLeaveWhatTheStricterAllows() {
    // Each counts the 5 units billed: 1 and 2 denied leave 3, not 2, in either order.
    for (boolean mueFirst : new boolean[] {true, false}) {
      MedicareClaimPricer.Builder builder = withoutVisitUnitsRule();
      builder.addEdit(
          onCode(mueFirst ? "mue" : "payer-cap", "99213", EditAction.DENY_UNITS, mueFirst ? 1 : 2));
      builder.addEdit(
          onCode(mueFirst ? "payer-cap" : "mue", "99213", EditAction.DENY_UNITS, mueFirst ? 2 : 1));
      PricedClaim claim = assertAmounts(price(builder.build(), "99213 x5"), "300.00", "300.00");
      assertTrue(claim.line(0).explanation().has("mue"), claim.toString());
      assertTrue(claim.line(0).explanation().has("payer-cap"), claim.toString());
      // Each edit's denial is a warning, the second saying that it denied no more than the first.
      assertEquals(
          mueFirst
              ? List.of(
                  "1 of 5 units denied: 99213 by payer policy",
                  "2 of 5 units denied: 99213 by payer policy")
              : List.of(
                  "2 of 5 units denied: 99213 by payer policy",
                  "1 of 5 units denied, no more than an earlier finding denied: 99213 by payer policy"),
          claim.line(0).warnings().stream().map(ClaimWarning::message).toList());
      assertTrue(
          claim.line(0).warnings().stream()
              .allMatch(w -> w.kind() == ClaimWarning.Kind.UNITS_DENIED));
    }
  }

  /**
   * One edit's two denials of units of one line: they do not add up, the stricter stands, and the
   * second's warning does not speak of an earlier edit, as there is none.
   */
  @Test
  void oneEditDenyingUnitsTwiceLeavesWhatTheStricterAllows() {
    ClaimEdit twice =
        new ClaimEdit() {
          @Override
          public String name() {
            return "payer-units";
          }

          @Override
          public List<EditFinding> check(Claim claim, PricingContext context) {
            return List.of(unitsOfLine0(3, "the plan pays 2 a day"), unitsOfLine0(2, "and 3"));
          }

          private EditFinding unitsOfLine0(int units, String message) {
            return EditFinding.builder()
                .edit(name())
                .line(0)
                .action(EditAction.DENY_UNITS)
                .deniedUnits(units)
                .reason(UnpricedReason.EDIT_DENIED)
                .message(message)
                .build();
          }
        };
    MedicareClaimPricer pricer = withoutVisitUnitsRule().addEdit(twice).build();
    // 5 billed less the 3 the stricter denies: 2 units of 100.00, not 0.
    PricedClaim claim = assertAmounts(price(pricer, "99213 x5"), "200.00", "200.00");
    assertEquals(
        List.of(
            "3 of 5 units denied: the plan pays 2 a day",
            "2 of 5 units denied, no more than an earlier finding denied: and 3"),
        claim.line(0).warnings().stream().map(ClaimWarning::message).toList());
  }

  @Test
  void aFlagIsAWarningAndTheLineIsPaid() {
    MedicareClaimPricer pricer =
        MedicareClaimPricer.builder(SCHEDULE)
            .addEdit(onCode("payer-note", "99213", EditAction.FLAG, 0))
            .build();
    PricedLine line = assertAmounts(price(pricer, "99213"), "100.00", "100.00").line(0);
    assertEquals(ClaimWarning.Kind.EDIT_FLAG, line.warnings().get(0).kind());
    assertEquals("payer-note", line.warnings().get(0).rule());
  }

  @Test
  void scrubbingRunsTheEditsAlone() {
    MedicareClaimPricer pricer =
        MedicareClaimPricer.builder(SCHEDULE)
            .addEdit(onCode("payer-knee", "27447", EditAction.DENY_LINE, 1))
            .build();
    Claim claim = Claim.builder().add("99213-25-59").add("27447").build();
    List<EditFinding> findings = pricer.scrub(claim, CONTEXT);
    assertEquals(2, findings.size(), findings.toString());
    assertEquals(ModifierRulesEdit.NAME, findings.get(0).edit());
    assertEquals(EditAction.FLAG, findings.get(0).action());
    assertEquals("payer-knee", findings.get(1).edit());
    assertEquals(1, findings.get(1).line());
    assertEquals(List.of(), pricer.scrub(Claim.builder().add("99213").build(), CONTEXT));
  }

  @Test
  void aPayersStepRunsWhereItIsAdded() {
    ClaimStep cap =
        new ClaimStep() {
          @Override
          public String name() {
            return "payer-cap";
          }

          @Override
          public void apply(ClaimState claim) {
            BigDecimal most = new BigDecimal("800");
            for (int i = 0; i < claim.size(); i++) {
              if (claim.isPriced(i) && claim.exactAmount(i).compareTo(most) > 0) {
                claim.setAmount(i, most, name(), () -> "the payer pays at most 800.00");
              }
            }
          }
        };
    // Before the ranking both are capped at 800; the tie is broken by code: 27130 800, 27447 400.
    MedicareClaimPricer early =
        MedicareClaimPricer.builder(SCHEDULE).addStepBefore("bilateral", cap).build();
    PricedClaim claim =
        assertAmounts(price(early, "27447", "27130"), "1200.00", "400.00", "800.00");
    assertTrue(claim.line(0).explanation().has("payer-cap"));
    // Last, after the ranking: 1000 -> 800, 450 stays.
    MedicareClaimPricer late = MedicareClaimPricer.builder(SCHEDULE).addStep(cap).build();
    assertAmounts(price(late, "27447", "27130"), "1250.00", "800.00", "450.00");
  }

  /** A payer's step that sets every priced line to {@code amount}, or multiplies it by it. */
  private static ClaimStep payer(String name, String amount, boolean multiply) {
    BigDecimal value = new BigDecimal(amount);
    return new ClaimStep() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public void apply(ClaimState claim) {
        for (int i = 0; i < claim.size(); i++) {
          if (claim.isPriced(i)) {
            if (multiply) {
              claim.multiply(i, value, name, () -> "the payer pays " + amount + " of it");
            } else {
              claim.setAmount(i, value, name, () -> "the payer pays " + amount);
            }
          }
        }
      }
    };
  }

  @Test
  void aPayersAmountBeforeTheFactorStepsIsWhatTheyMultiply() {
    // The factor steps once worked the amount out again from the posted fee, dropping the 40.00.
    MedicareClaimPricer capped =
        MedicareClaimPricer.builder(SCHEDULE)
            .addStepBefore("non-participating", payer("payer-cap", "40.00", false))
            .build();
    // 80: 16% of 40.00; 62: 62.5% of 40.00.
    assertAmounts(price(capped, "27447-80"), "6.40", "6.40");
    assertAmounts(price(capped, "27447-62"), "25.00", "25.00");
    // Set, then multiplied in one step: the multiplication is of what was set.
    ClaimStep both =
        new ClaimStep() {
          @Override
          public String name() {
            return "payer-both";
          }

          @Override
          public void apply(ClaimState claim) {
            claim.setAmount(0, new BigDecimal("40.00"), name(), () -> "the payer pays 40.00");
            claim.multiply(0, new BigDecimal("0.5"), name(), () -> "and half of it");
          }
        };
    MedicareClaimPricer twice =
        MedicareClaimPricer.builder(SCHEDULE).addStepBefore("non-participating", both).build();
    assertAmounts(price(twice, "99213"), "20.00", "20.00");
  }

  @Test
  void aPayersStepAnywhereSeesThePricedAnesthesiaLines() {
    // The session is 00790 with 60 + 45 minutes: (7 + 7.0) x 20.00 = 280.00; 99213 is 100.00.
    // The anesthesia line once had no amount until the anesthesia step, the last: a payer's step
    // before it skipped the line (isPriced false), and exactAmount threw.
    String[] lines = {"00790-AA 60min $1000.00", "00840-AA 45min", "99213 $1000.00"};
    for (String before : List.of("non-participating", "bilateral", "billed-charge")) {
      MedicareClaimPricer halved =
          MedicareClaimPricer.builder(withAnesthesia())
              .addStepBefore(before, payer("payer-half", "0.5", true))
              .build();
      PricedClaim claim = assertAmounts(price(halved, lines), "190.00", "140.00", null, "50.00");
      assertTrue(claim.line(0).explanation().has("payer-half"), claim.toString());
      assertEquals(
          UnpricedReason.NOT_PAYABLE_ON_CLAIM, claim.line(1).reason().orElseThrow(), before);
      // Capped, the session is then paid the lower of that and its charge.
      MedicareClaimPricer capped =
          MedicareClaimPricer.builder(withAnesthesia())
              .addStepBefore(before, payer("payer-cap", "300.00", false))
              .build();
      assertAmounts(price(capped, "00790-AA 60min $250.00"), "250.00", "250.00");
      assertAmounts(price(capped, "00790-AA 60min $400.00"), "300.00", "300.00");
    }
    // Without the anesthesia step, the session's amount, (7 + 4.0) x 20.00, without the charge.
    MedicareClaimPricer without =
        MedicareClaimPricer.builder(withAnesthesia()).removeStep("anesthesia").build();
    assertAmounts(price(without, "00790-AA 60min $100.00"), "220.00", "220.00");
  }

  @Test
  void aDescriptionThatIsNullIsNamedByItsRuleAndLine() {
    ClaimStep silent =
        new ClaimStep() {
          @Override
          public String name() {
            return "payer-silent";
          }

          @Override
          public void apply(ClaimState claim) {
            claim.note(1, name(), () -> null);
          }
        };
    PricedClaim claim =
        price(MedicareClaimPricer.builder(SCHEDULE).addStep(silent).build(), "27447", "99213");
    // Pricing is done; the words are written when read. The message once said only "the
    // describer returned null".
    NullPointerException e = assertThrows(NullPointerException.class, claim::toString);
    assertEquals("the describer of step 'payer-silent' on line 2 returned null", e.getMessage());
  }

  @Test
  void aPayersStepBeforeTheBilledChargeMovesThePairsAmountToo() {
    // A pair of 27447 is 1500.00 (150%), halved by the payer: 750.00, 375.00 a side, whatever
    // the charges, which are higher. The charge step once split the pair's old 1500.00.
    MedicareClaimPricer halved =
        MedicareClaimPricer.builder(SCHEDULE)
            .addStepBefore("billed-charge", payer("payer-half", "0.5", true))
            .build();
    assertAmounts(
        price(halved, "27447-LT $2000.00", "27447-RT $2000.00"), "750.00", "375.00", "375.00");
    assertAmounts(price(halved, "27447-LT $2000.00", "27447-RT"), "750.00", "375.00", "375.00");
    assertAmounts(price(halved, "27447-LT", "27447-RT"), "750.00", "375.00", "375.00");
  }

  @Test
  void theBilateralStepCannotFollowAStepThatPricesProcedures() {
    // Placed after them it grouped the lines a second time: 20610 x3 was paid its units twice,
    // 252.84 on a charge of 130.00.
    MedicareClaimPricer standard = MedicareClaimPricer.builder(SCHEDULE).build();
    ClaimStep bilateral =
        standard.steps().stream().filter(s -> s.name().equals("bilateral")).findFirst().get();
    for (String grouping :
        List.of("multiple-surgery", "component-reduction", "imaging-equipment", "billed-charge")) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  standard.toBuilder()
                      .removeStep("bilateral")
                      .addStepAfter(grouping, bilateral)
                      .build(),
              grouping);
      assertTrue(
          e.getMessage().startsWith("the claim step 'bilateral' must come before '"),
          e::getMessage);
    }
    // Before them, anywhere, it is the standard pricing.
    MedicareClaimPricer moved =
        standard.toBuilder()
            .removeStep("bilateral")
            .addStepBefore("multiple-surgery", bilateral)
            .build();
    assertEquals(
        price(standard, "27447 x3", "27130").total(), price(moved, "27447 x3", "27130").total());
  }

  @Test
  void nullFindingsAreNamed() {
    MedicareClaimPricer pricer = MedicareClaimPricer.builder(SCHEDULE).build();
    Claim claim = Claim.ofLines(ClaimLine.parse("99213"));
    assertEquals(
        "findings",
        assertThrows(NullPointerException.class, () -> pricer.price(claim, CONTEXT, null))
            .getMessage());
    assertEquals(
        "findings",
        assertThrows(
                NullPointerException.class,
                () ->
                    pricer.priceLines(
                        claim, java.util.BitSet.valueOf(new long[] {1}), CONTEXT, null))
            .getMessage());
  }

  @Test
  void stepsAreRemovedAndReplacedByName() {
    MedicareClaimPricer noRanking =
        MedicareClaimPricer.builder(SCHEDULE).removeStep("multiple-surgery").build();
    assertAmounts(price(noRanking, "27447", "27130"), "1900.00", "1000.00", "900.00");
    // Without the bilateral rule, units are still multiplied and an LT and RT pair is two lines.
    MedicareClaimPricer noBilateral =
        MedicareClaimPricer.builder(SCHEDULE)
            .removeStep("bilateral")
            .removeStep("multiple-surgery")
            .build();
    assertAmounts(price(noBilateral, "12004 x2"), "200.00", "200.00");
    ClaimStep noop =
        new ClaimStep() {
          @Override
          public String name() {
            return "payer-noop";
          }

          @Override
          public void apply(ClaimState claim) {}
        };
    MedicareClaimPricer replaced =
        MedicareClaimPricer.builder(SCHEDULE).replaceStep("multiple-surgery", noop).build();
    assertAmounts(price(replaced, "27447", "27130"), "1900.00", "1000.00", "900.00");
    assertEquals(
        MedicareClaimPricer.standardSteps().size(), replaced.steps().size(), replaced.toString());
    assertEquals(
        replaced.steps(), replaced.toBuilder().build().steps(), "toBuilder keeps the steps");
    assertThrows(
        IllegalArgumentException.class,
        () -> MedicareClaimPricer.builder(SCHEDULE).removeStep("no-such-step"));
    assertThrows(
        IllegalArgumentException.class,
        () -> MedicareClaimPricer.builder(SCHEDULE).addStep(noop).addStep(noop).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> MedicareClaimPricer.builder(SCHEDULE).addEdit(ModifierRulesEdit.standard()).build());
    MedicareClaimPricer noEdits =
        MedicareClaimPricer.builder(SCHEDULE)
            .removeEdit(DuplicateLinesEdit.NAME)
            .removeEdit(ModifierRulesEdit.NAME)
            .removeEdit(AnesthesiaTimeEdit.NAME)
            .removeEdit(CriticalCareEdit.NAME)
            .removeEdit(LiabilityModifiersEdit.NAME)
            .removeEdit(GlobalSurgeryEdit.NAME)
            .removeEdit(SameDayVisitsEdit.NAME)
            .removeEdit(NewPatientVisitEdit.NAME)
            .build();
    assertEquals(List.of(), noEdits.edits());
    assertTrue(price(noEdits, "99213-25-59").line(0).warnings().isEmpty());
  }

  @Test
  void anEditsNameThatIsNoRuleIdIsRefusedWhenThePricerIsBuilt() {
    // Before, the pricer was built and scrubbing worked; price() then threw from inside
    // PricedLine.of on the first line the edit denied, without naming the edit.
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                MedicareClaimPricer.builder(SCHEDULE)
                    .addEdit(onCode("payer not covered", "27130", EditAction.FLAG, 0))
                    .build());
    assertTrue(
        refused.getMessage().startsWith("the name of claim edit ")
            && refused
                .getMessage()
                .endsWith(
                    " is refused: a rule is a non-empty word without spaces, ';' or ':', not"
                        + " 'payer not covered'"),
        refused.getMessage());
  }

  @Test
  void aNullFindingIsNamedByItsEdit() {
    ClaimEdit broken =
        new ClaimEdit() {
          @Override
          public String name() {
            return "payer-broken";
          }

          @Override
          public List<EditFinding> check(Claim claim, PricingContext context) {
            return java.util.Arrays.asList((EditFinding) null);
          }
        };
    MedicareClaimPricer pricer = MedicareClaimPricer.builder(SCHEDULE).addEdit(broken).build();
    assertEquals(
        "claim edit payer-broken returned null as finding 1",
        assertThrows(
                IllegalArgumentException.class,
                () -> pricer.price(Claim.ofLines(ClaimLine.parse("99213")), CONTEXT))
            .getMessage());
  }

  @Test
  void anEditThatThrowsIsNamedByPriceAndScrub() {
    ClaimEdit broken =
        new ClaimEdit() {
          @Override
          public String name() {
            return "payer-broken";
          }

          @Override
          public List<EditFinding> check(Claim claim, PricingContext context) {
            throw new IllegalStateException("no connection");
          }
        };
    MedicareClaimPricer pricer = MedicareClaimPricer.builder(SCHEDULE).addEdit(broken).build();
    Claim claim = Claim.ofLines(ClaimLine.parse("99213"));
    String expected =
        "claim edit payer-broken threw java.lang.IllegalStateException: no connection, checking"
            + " the claim's 1 line";
    assertEquals(
        expected,
        assertThrows(IllegalArgumentException.class, () -> pricer.price(claim, CONTEXT))
            .getMessage());
    assertEquals(
        expected,
        assertThrows(IllegalArgumentException.class, () -> pricer.scrub(claim, CONTEXT))
            .getMessage());
  }

  @Test
  void editsAreReplacedByNameInTheirPlace() {
    // README: "the builder adds, removes or replaces edits and steps by name".
    ClaimEdit payerModifiers = onCode(ModifierRulesEdit.NAME, "27130", EditAction.DENY_LINE, 1);
    MedicareClaimPricer replaced =
        MedicareClaimPricer.builder(SCHEDULE)
            .replaceEdit(ModifierRulesEdit.NAME, payerModifiers)
            .build();
    assertEquals(payerModifiers, replaced.edits().get(1));
    assertEquals(STANDARD_EDITS, replaced.edits().stream().map(ClaimEdit::name).toList());
    PricedClaim priced = price(replaced, "27447", "27130");
    assertEquals(Optional.of(ModifierRulesEdit.NAME), priced.line(1).refusedBy());
    assertThrows(
        IllegalArgumentException.class,
        () -> MedicareClaimPricer.builder(SCHEDULE).replaceEdit("ncci", payerModifiers));
    assertThrows(
        NullPointerException.class,
        () -> MedicareClaimPricer.builder(SCHEDULE).replaceEdit(ModifierRulesEdit.NAME, null));
  }

  /** {@code edit}, writing its name into {@code calls} each time it checks a claim. */
  private static ClaimEdit recording(List<String> calls, ClaimEdit edit) {
    return new ClaimEdit() {
      @Override
      public String name() {
        return edit.name();
      }

      @Override
      public List<EditFinding> check(Claim claim, PricingContext context) {
        calls.add(edit.name());
        return edit.check(claim, context);
      }

      @Override
      public List<EditFinding> check(
          Claim claim, PricingContext context, java.util.function.IntPredicate denied) {
        calls.add(edit.name());
        return edit.check(claim, context, denied);
      }

      @Override
      public boolean perProviderDay() {
        return edit.perProviderDay();
      }

      @Override
      public boolean judgesAfterDenials() {
        return edit.judgesAfterDenials();
      }
    };
  }

  private static List<String> names(MedicareClaimPricer pricer) {
    return pricer.edits().stream().map(ClaimEdit::name).toList();
  }

  @Test
  void anEditAddedBeforeAStandardEditRunsBeforeIt() {
    // A payer's rule between the standard edits: before, it could only be added after them.
    List<String> calls = new ArrayList<>();
    MedicareClaimPricer pricer =
        MedicareClaimPricer.builder(SCHEDULE)
            .replaceEdit(DuplicateLinesEdit.NAME, recording(calls, DuplicateLinesEdit.standard()))
            .replaceEdit(ModifierRulesEdit.NAME, recording(calls, ModifierRulesEdit.standard()))
            .replaceEdit(AnesthesiaTimeEdit.NAME, recording(calls, AnesthesiaTimeEdit.standard()))
            .replaceEdit(CriticalCareEdit.NAME, recording(calls, CriticalCareEdit.standard()))
            .replaceEdit(
                LiabilityModifiersEdit.NAME, recording(calls, LiabilityModifiersEdit.standard()))
            .replaceEdit(GlobalSurgeryEdit.NAME, recording(calls, GlobalSurgeryEdit.of(SCHEDULE)))
            .replaceEdit(SameDayVisitsEdit.NAME, recording(calls, SameDayVisitsEdit.of(SCHEDULE)))
            .replaceEdit(NewPatientVisitEdit.NAME, recording(calls, NewPatientVisitEdit.standard()))
            .addEditBefore(
                ModifierRulesEdit.NAME,
                recording(calls, onCode("payer-first", "99213", EditAction.FLAG, 0)))
            .addEditBefore(
                GlobalSurgeryEdit.NAME,
                recording(calls, onCode("payer-middle", "99213", EditAction.FLAG, 0)))
            .build();
    assertEquals(
        List.of(
            DuplicateLinesEdit.NAME,
            "payer-first",
            ModifierRulesEdit.NAME,
            AnesthesiaTimeEdit.NAME,
            CriticalCareEdit.NAME,
            LiabilityModifiersEdit.NAME,
            "payer-middle",
            GlobalSurgeryEdit.NAME,
            SameDayVisitsEdit.NAME,
            NewPatientVisitEdit.NAME),
        names(pricer));
    // 25 and 59 on one visit break a modifier rule: three flags on the line, in edit order.
    List<EditFinding> findings =
        pricer.scrub(Claim.ofLines(ClaimLine.parse("99213-25-59")), CONTEXT);
    // The edits that judge after the others' denials (critical care, global surgery and the two
    // visit edits) run after all of them, in their order.
    assertEquals(
        List.of(
            DuplicateLinesEdit.NAME,
            "payer-first",
            ModifierRulesEdit.NAME,
            AnesthesiaTimeEdit.NAME,
            LiabilityModifiersEdit.NAME,
            "payer-middle",
            CriticalCareEdit.NAME,
            GlobalSurgeryEdit.NAME,
            SameDayVisitsEdit.NAME,
            NewPatientVisitEdit.NAME),
        calls,
        "the edits ran in this order");
    assertEquals(
        List.of("payer-first", ModifierRulesEdit.NAME, "payer-middle"),
        findings.stream().map(EditFinding::edit).toList(),
        findings::toString);
  }

  @Test
  void ofTwoEditsDenyingOneLineTheOneAddedBeforeStands() {
    ClaimEdit later = onCode("payer-later", "27447", EditAction.DENY_LINE, 1);
    ClaimEdit earlier = onCode("payer-earlier", "27447", EditAction.DENY_LINE, 1);
    MedicareClaimPricer pricer =
        MedicareClaimPricer.builder(SCHEDULE)
            .addEdit(later)
            .addEditBefore("payer-later", earlier)
            .build();
    assertEquals(
        List.of(
            DuplicateLinesEdit.NAME,
            ModifierRulesEdit.NAME,
            AnesthesiaTimeEdit.NAME,
            CriticalCareEdit.NAME,
            LiabilityModifiersEdit.NAME,
            GlobalSurgeryEdit.NAME,
            SameDayVisitsEdit.NAME,
            NewPatientVisitEdit.NAME,
            "payer-earlier",
            "payer-later"),
        names(pricer));
    // Scrubbing reports both, the earlier edit's first; pricing keeps the earlier denial only.
    List<EditFinding> findings =
        pricer.scrub(Claim.builder().add("27447").add("27130").build(), CONTEXT);
    assertEquals(
        List.of("payer-earlier", "payer-later"), findings.stream().map(EditFinding::edit).toList());
    PricedLine denied = price(pricer, "27447", "27130").line(0);
    assertEquals(Optional.of("payer-earlier"), denied.refusedBy());
    assertTrue(denied.explanation().has("payer-earlier"), denied.toString());
    assertFalse(denied.explanation().has("payer-later"), denied.toString());
    // Added after instead, the other denial stands.
    MedicareClaimPricer after =
        MedicareClaimPricer.builder(SCHEDULE).addEdit(later).addEdit(earlier).build();
    assertEquals(Optional.of("payer-later"), price(after, "27447", "27130").line(0).refusedBy());
  }

  @Test
  void anEditIsAddedBeforeAKnownEditOnly() {
    ClaimEdit payer = onCode("payer-knee", "27447", EditAction.DENY_LINE, 1);
    MedicareClaimPricer.Builder builder = MedicareClaimPricer.builder(SCHEDULE);
    assertEquals(
        "no claim edit named 'ncci'; there are [duplicate-lines, modifier-rules, anesthesia-time,"
            + " critical-care, liability-modifiers, global-surgery, same-day-visits,"
            + " new-patient-visit]",
        assertThrows(IllegalArgumentException.class, () -> builder.addEditBefore("ncci", payer))
            .getMessage());
    assertEquals(
        "name",
        assertThrows(NullPointerException.class, () -> builder.addEditBefore(null, payer))
            .getMessage());
    assertEquals(
        "edit",
        assertThrows(
                NullPointerException.class,
                () -> builder.addEditBefore(GlobalSurgeryEdit.NAME, null))
            .getMessage());
    // Nothing was added by the refused calls.
    assertEquals(STANDARD_EDITS, names(builder.build()));
  }

  @Test
  void anUnknownNameIsQuotedAsEveryMessageQuotesInput() {
    // A name read from a payer's configuration: a line break or a megabyte of it once went into
    // the message raw, which is then neither one line nor short.
    String name = "ncci\n" + "x".repeat(1_000_000);
    MedicareClaimPricer.Builder builder = MedicareClaimPricer.builder(SCHEDULE);
    ClaimEdit payer = onCode("payer-knee", "27447", EditAction.DENY_LINE, 1);
    String quoted = CodeFormatException.quote(name);
    for (Executable call :
        List.<Executable>of(
            () -> builder.addEditBefore(name, payer),
            () -> builder.replaceEdit(name, payer),
            () -> builder.removeEdit(name))) {
      String message = assertThrows(IllegalArgumentException.class, call).getMessage();
      assertTrue(message.startsWith("no claim edit named " + quoted + "; there are ["), message);
    }
    String step =
        assertThrows(IllegalArgumentException.class, () -> builder.removeStep(name)).getMessage();
    assertTrue(step.startsWith("no claim step named " + quoted + "; there are ["), step);
    assertTrue(step.length() < 1_000, step);
  }

  @Test
  void anEditAddedBeforeAnotherOfItsNameIsRefusedWhenThePricerIsBuilt() {
    // As with addEdit and replaceEdit: two edits of one name would make refusedBy ambiguous.
    MedicareClaimPricer.Builder builder =
        MedicareClaimPricer.builder(SCHEDULE)
            .addEditBefore(
                GlobalSurgeryEdit.NAME,
                onCode(ModifierRulesEdit.NAME, "27447", EditAction.DENY_LINE, 1));
    assertEquals(
        "two claim edits are named 'modifier-rules'; the edits are [duplicate-lines,"
            + " modifier-rules, anesthesia-time, critical-care, liability-modifiers, modifier-rules,"
            + " global-surgery, same-day-visits, new-patient-visit]",
        assertThrows(IllegalArgumentException.class, builder::build).getMessage());
  }

  @Test
  void theStandardPipelineIsInTheDocumentedOrder() {
    List<String> names = new ArrayList<>();
    for (ClaimStep step : MedicareClaimPricer.standardSteps()) {
      names.add(step.name());
    }
    assertEquals(
        List.of(
            "non-participating",
            "practitioner",
            "informational-modifiers",
            "bilateral-modifiers",
            "split-care",
            "surgeon-role",
            "status-t",
            "add-on",
            "bilateral",
            "multiple-surgery",
            "component-reduction",
            "imaging-equipment",
            "increased-reduced-services",
            "billed-charge",
            "anesthesia"),
        names);
    assertEquals(
        STANDARD_EDITS,
        MedicareClaimPricer.of(SCHEDULE).edits().stream().map(ClaimEdit::name).toList());
  }

  @Test
  void paymentModifiersComeFromTheRegistrysTable() {
    ModifierRegistry registry = ModifierRegistry.standard();
    assertEquals(
        PaymentEffect.BILATERAL,
        registry.paymentEffect(io.github.cpt4j.modifier.Modifier.BILATERAL));
    assertEquals(
        PaymentEffect.ASSISTANT_SURGEON,
        registry.paymentEffect(io.github.cpt4j.modifier.Modifier.parse("82")));
    assertEquals(
        PaymentEffect.NONE, registry.paymentEffect(io.github.cpt4j.modifier.Modifier.parse("59")));
    // A registry without payment effects: 62 is then no co-surgeon and is priced in full.
    ModifierRegistry plain =
        ModifierRegistry.of(
            registry.all().stream()
                .map(
                    i ->
                        io.github.cpt4j.modifier.ModifierInfo.of(
                            i.modifier(), i.kind(), i.description()))
                .toList());
    MedicareClaimPricer pricer = MedicareClaimPricer.builder(SCHEDULE).modifiers(plain).build();
    assertAmounts(price(pricer, "27447-62"), "1000.00", "1000.00");
    assertAmounts(price(MedicareClaimPricer.of(SCHEDULE), "27447-62"), "625.00", "625.00");
  }

  @Test
  void theBilateralWordsNameThePayersOwnBilateralModifier() {
    // A payer's registry: the standard entries and ZZ, which pays as 50 does.
    List<io.github.cpt4j.modifier.ModifierInfo> infos =
        new ArrayList<>(ModifierRegistry.standard().all());
    infos.add(
        io.github.cpt4j.modifier.ModifierInfo.of(
                io.github.cpt4j.modifier.Modifier.parse("ZZ"),
                io.github.cpt4j.modifier.ModifierKind.HCPCS_LEVEL_II,
                "a payer's own code for both sides")
            .withPaymentEffect(PaymentEffect.BILATERAL));
    MedicareClaimPricer payer =
        MedicareClaimPricer.builder(SCHEDULE).modifiers(ModifierRegistry.of(infos)).build();
    // 27447 is BILAT SURG 1: 150% of 1000.00; the words named 50, which the line does not have.
    PricedLine both = assertAmounts(price(payer, "27447-ZZ"), "1500.00", "1500.00").line(0);
    assertEquals(
        "modifier ZZ, BILAT SURG 1: both sides, 150% of the amount for one side",
        both.explanation().find("bilateral").orElseThrow().description());
    assertEquals(
        "modifier ZZ reports both sides; LT or RT on the same line contradicts it (27447-ZZ-LT)",
        price(payer, "27447-ZZ-LT").line(0).detail());
    assertTrue(
        price(payer, "99213-ZZ").line(0).detail().endsWith(", so modifier ZZ is not allowed"),
        () -> price(payer, "99213-ZZ").toString());
    assertEquals(
        "a bilateral procedure billed with modifier ZZ on one line is 1 unit, not 2",
        price(payer, "27447-ZZ x2").line(0).detail());
    // The standard registry's words are unchanged.
    assertEquals(
        "modifier 50, BILAT SURG 1: both sides, 150% of the amount for one side",
        price(MedicareClaimPricer.of(SCHEDULE), "27447-50")
            .line(0)
            .explanation()
            .find("bilateral")
            .orElseThrow()
            .description());
  }

  @Test
  void aStepsChangesAreChecked() {
    ClaimStep bad =
        new ClaimStep() {
          @Override
          public String name() {
            return "bad-step";
          }

          @Override
          public void apply(ClaimState claim) {
            claim.setAmount(0, new BigDecimal("-1"), name(), () -> "negative");
          }
        };
    MedicareClaimPricer pricer = MedicareClaimPricer.builder(SCHEDULE).addStep(bad).build();
    Claim claim = Claim.ofLines(ClaimLine.parse("99213"));
    assertThrows(IllegalArgumentException.class, () -> pricer.price(claim, CONTEXT));
  }

  /**
   * An amount a step sets is bounded as a fee is, when the step sets it: a line's explanation is
   * written only when read, and an amount of a quadrillion dollars on its way to a smaller one
   * failed only then, long after pricing, where it had been written and refused when read back.
   */
  @Test
  void aStepsAmountIsBoundedAsAFeeIsWhenSet() {
    Claim claim = Claim.ofLines(ClaimLine.parse("99213"));
    // Before the procedures are formed a factor scales the line's own fee; after, it sets the
    // amount: both paths are checked.
    for (boolean early : new boolean[] {false, true}) {
      for (boolean multiply : new boolean[] {false, true}) {
        ClaimStep huge =
            new ClaimStep() {
              @Override
              public String name() {
                return "huge-step";
              }

              @Override
              public void apply(ClaimState state) {
                if (multiply) {
                  state.multiply(0, new BigDecimal("1E+20"), name(), () -> "a huge factor");
                } else {
                  state.setAmount(0, new BigDecimal("1E+20"), name(), () -> "a huge amount");
                }
                state.multiply(0, new BigDecimal("1E-20"), name() + "-back", () -> "and back");
              }
            };
        MedicareClaimPricer pricer =
            early
                ? MedicareClaimPricer.builder(SCHEDULE)
                    .addStepBefore("non-participating", huge)
                    .build()
                : MedicareClaimPricer.builder(SCHEDULE).addStep(huge).build();
        IllegalArgumentException e =
            assertThrows(IllegalArgumentException.class, () -> pricer.price(claim, CONTEXT));
        assertTrue(
            e.getMessage().contains("a fee is less than a quadrillion dollars"), e::getMessage);
        assertTrue(e.getMessage().contains("huge-step"), e::getMessage);
      }
    }
  }

  /** A pricer with {@code step} early (before the non-participating step) or last. */
  private static MedicareClaimPricer withStep(ClaimStep step, boolean early) {
    return early
        ? MedicareClaimPricer.builder(SCHEDULE).addStepBefore("non-participating", step).build()
        : MedicareClaimPricer.builder(SCHEDULE).addStep(step).build();
  }

  /**
   * A payer's amount of more than 100 decimal places is refused when its step sets it, as a fee of
   * them is: 0E-999999999 would be written out in JSON as a gigabyte of zeros, and 1E-101 refused
   * when read back.
   */
  @Test
  void aStepsAmountOfMoreThanAHundredDecimalPlacesIsRefusedWhenSet() {
    Claim claim = Claim.ofLines(ClaimLine.parse("99213"));
    for (boolean early : new boolean[] {false, true}) {
      MedicareClaimPricer pricer = withStep(payer("long-step", "0E-999999999", false), early);
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> pricer.price(claim, CONTEXT));
      assertEquals(
          "step 'long-step': a fee has at most 100 decimal places: 0E-999999999", e.getMessage());
    }
    // After the procedures are formed, a factor multiplies the amount itself: 101.06 x 1E-99 has
    // 101 places, rounded half-up to 100 as every product is, on both paths.
    for (boolean early : new boolean[] {false, true}) {
      MedicareClaimPricer pricer = withStep(payer("tiny-factor", "1E-99", true), early);
      FeeResult result = pricer.price(claim, CONTEXT).line(0).result();
      assertEquals(new BigDecimal("0.00"), result.amountOrThrow(), () -> "early " + early);
      assertTrue(result.exactAmount().orElseThrow().scale() <= FeeResult.MAX_SCALE);
    }
  }

  /**
   * A payer's amount of 100 places, which setAmount takes, is then halved or raised by the standard
   * rules (multiple procedures, bilateral 150%, an LT/RT pair): their products of 101 or 102 places
   * are rounded to 100, and the claim prices, its explanation written in full.
   */
  @Test
  void aPayersAmountOfAHundredPlacesStillPricesThroughTheStandardRules() {
    ClaimStep long100 = payer("long-amount", "100." + "0".repeat(100), false);
    for (String before : new String[] {"bilateral", "split-care", "non-participating"}) {
      MedicareClaimPricer pricer =
          MedicareClaimPricer.builder(SCHEDULE).addStepBefore(before, long100).build();
      for (Claim claim :
          List.of(
              Claim.ofLines(ClaimLine.parse("27447"), ClaimLine.parse("27130")),
              Claim.ofLines(ClaimLine.parse("27447-50")),
              Claim.ofLines(ClaimLine.parse("27447-LT"), ClaimLine.parse("27447-RT")))) {
        PricedClaim priced = pricer.price(claim, CONTEXT);
        for (PricedLine line : priced.lines()) {
          BigDecimal exact = line.result().exactAmount().orElseThrow();
          assertTrue(exact.scale() <= FeeResult.MAX_SCALE, () -> before + " " + claim + exact);
          assertTrue(line.explanation().toString().contains("long-amount"), before);
        }
        assertTrue(priced.total().signum() > 0, () -> before + " " + claim);
      }
    }
  }

  /**
   * A factor of more than 100 decimal places is refused as an argument, on both of multiply's paths
   * (a line's own factor before the procedures are formed, and a procedure's amount after), before
   * any product: 1E-2147483647 threw from inside BigDecimal, 1E-10000000 took seconds to round
   * away, and 0.5 at 120 places priced on one path and was refused on the other.
   */
  @Test
  void aFactorOfMoreThanAHundredPlacesIsRefusedOnBothPaths() {
    Claim claim = Claim.ofLines(ClaimLine.parse("99213"));
    for (String factor :
        new String[] {"1E-2147483647", "1E-10000000", "0.5" + "0".repeat(119), "1E-101"}) {
      for (boolean early : new boolean[] {false, true}) {
        MedicareClaimPricer pricer = withStep(payer("long-factor", factor, true), early);
        IllegalArgumentException e =
            assertThrows(IllegalArgumentException.class, () -> pricer.price(claim, CONTEXT));
        assertEquals(
            "a fee factor has at most 100 decimal places: " + new BigDecimal(factor),
            e.getMessage(),
            () -> factor + " early " + early);
      }
    }
  }
}
