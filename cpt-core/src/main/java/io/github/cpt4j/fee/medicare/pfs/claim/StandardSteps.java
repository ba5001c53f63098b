package io.github.cpt4j.fee.medicare.pfs.claim;

import com.google.common.collect.ImmutableList;
import io.github.cpt4j.fee.medicare.pfs.PaymentStatus;

/**
 * The standard claim steps of {@link MedicareClaimPricer}, in their order, and the one place where
 * they are called without the list (issue 18).
 *
 * <p>What it buys: through the list, every step is an interface call at one call site that sees
 * fifteen classes (megamorphic: a table lookup per call, and nothing inlined), and inside {@link
 * LineStep} the call of {@code apply(LineWork)} sees five classes, once per line. Called here
 * through fields of each step's own class, every call is monomorphic and the JIT can inline it. The
 * pricer calls {@link #apply} only when its steps are exactly {@link #LIST}; a property checks that
 * it prices every claim as the loop over the list does.
 */
final class StandardSteps {

  static final NonParticipatingStep NON_PARTICIPATING = new NonParticipatingStep();
  static final PractitionerStep PRACTITIONER = new PractitionerStep();
  static final InformationalModifiersStep INFORMATIONAL_MODIFIERS =
      new InformationalModifiersStep();
  static final BilateralModifiersStep BILATERAL_MODIFIERS = new BilateralModifiersStep();
  static final SplitCareStep SPLIT_CARE = new SplitCareStep();
  static final SurgeonRoleStep SURGEON_ROLE = new SurgeonRoleStep();
  static final StatusTStep STATUS_T = new StatusTStep();
  static final AddOnStep ADD_ON = new AddOnStep();
  static final BilateralStep BILATERAL = new BilateralStep();
  static final MultipleSurgeryStep MULTIPLE_SURGERY = new MultipleSurgeryStep();
  static final ComponentReductionStep COMPONENT_REDUCTION = new ComponentReductionStep();
  static final ImagingEquipmentStep IMAGING_EQUIPMENT = new ImagingEquipmentStep();
  static final IncreasedReducedServicesStep INCREASED_REDUCED_SERVICES =
      new IncreasedReducedServicesStep();
  static final BilledChargeStep BILLED_CHARGE = new BilledChargeStep();
  static final AnesthesiaStep ANESTHESIA = new AnesthesiaStep();

  /** The standard steps, in the order they apply. */
  static final ImmutableList<ClaimStep> LIST =
      ImmutableList.of(
          NON_PARTICIPATING,
          PRACTITIONER,
          INFORMATIONAL_MODIFIERS,
          BILATERAL_MODIFIERS,
          SPLIT_CARE,
          SURGEON_ROLE,
          STATUS_T,
          ADD_ON,
          BILATERAL,
          MULTIPLE_SURGERY,
          COMPONENT_REDUCTION,
          IMAGING_EQUIPMENT,
          INCREASED_REDUCED_SERVICES,
          BILLED_CHARGE,
          ANESTHESIA);

  private StandardSteps() {}

  /** Applies every step of {@link #LIST} to {@code state}, in order. */
  static void apply(ClaimState state) {
    apply(state, ALL);
  }

  // Issue 18, the steps a claim can need: each bit says that some line of the claim may give the
  // step something to do. A step whose bit no line sets would only walk the lines and change none
  // (most claims have no split care, surgeon role, status T, component or anesthesia line), so it
  // is not called. Decided once from what the lines carry before the first step: their modifiers'
  // payment effects, their rows' indicators, charges and anesthesia answers, none of which a step
  // changes. A property checks that a claim prices as with every step called.
  private static final int INFORMATIONAL = 1;
  private static final int BILATERAL_MODIFIERS_BIT = 1 << 1;
  private static final int SPLIT = 1 << 2;
  private static final int SURGEON = 1 << 3;
  private static final int STATUS = 1 << 4;
  private static final int RANKED = 1 << 5;
  private static final int COMPONENTS = 1 << 6;
  private static final int INCREASED_REDUCED = 1 << 7;
  private static final int CHARGE = 1 << 8;
  private static final int ANESTHESIA_BIT = 1 << 9;
  private static final int EQUIPMENT = 1 << 10;

  /** Every step, as for a claim that could need each one. */
  static final int ALL = -1;

  /** The steps after {@code component-reduction}, all of them called only when needed. */
  private static final int AFTER_COMPONENTS =
      EQUIPMENT | INCREASED_REDUCED | CHARGE | ANESTHESIA_BIT;

  /** Tells whether {@code needs} calls the {@code component-reduction} step. */
  static boolean needsComponents(int needs) {
    return (needs & COMPONENTS) != 0;
  }

  /** The steps some line of {@code lines} may give something to do, as bits of this class. */
  static int needed(LineWork[] lines) {
    int needs = 0;
    for (LineWork w : lines) {
      if (w.has(LineWork.M25 | LineWork.M51)) {
        needs |= INFORMATIONAL;
      }
      if (w.has(LineWork.M50) || w.has(LineWork.MLT) && w.has(LineWork.MRT)) {
        needs |= BILATERAL_MODIFIERS_BIT;
      }
      if (w.has(LineWork.GLOBAL_SHARE)) {
        needs |= SPLIT;
      }
      if (w.has(LineWork.M62 | LineWork.M66 | LineWork.ASSISTANT)) {
        needs |= SURGEON;
      }
      if (w.has(LineWork.M22 | LineWork.M52)) {
        needs |= INCREASED_REDUCED;
      }
      if (w.has(ImagingEquipmentStep.MODIFIERS)) {
        needs |= EQUIPMENT;
      }
      if (w.entry != null) {
        if (w.entry.status() == PaymentStatus.T) {
          needs |= STATUS;
        }
        needs |=
            switch (w.indicators.multipleProcedure()) {
              case STANDARD_100_50_25, STANDARD_100_50, ENDOSCOPY_FAMILY -> RANKED;
              case DIAGNOSTIC_IMAGING,
                  THERAPY,
                  DIAGNOSTIC_CARDIOVASCULAR,
                  DIAGNOSTIC_OPHTHALMOLOGY ->
                  COMPONENTS;
              case NONE, NOT_APPLICABLE -> 0;
            };
      }
      if (w.billed.charge().isPresent()) {
        needs |= CHARGE;
      }
      if (w.anesthesia != null) {
        needs |= ANESTHESIA_BIT;
      }
    }
    return needs;
  }

  /**
   * Applies the steps of {@link #LIST} to {@code state}, in order, leaving out those whose bit
   * {@code needs} (from {@link #needed}, or {@link #ALL}) does not set.
   */
  static void apply(ClaimState state, int needs) {
    NON_PARTICIPATING.apply(state);
    PRACTITIONER.apply(state);
    if ((needs & INFORMATIONAL) != 0) {
      INFORMATIONAL_MODIFIERS.apply(state);
    }
    if ((needs & BILATERAL_MODIFIERS_BIT) != 0) {
      BILATERAL_MODIFIERS.apply(state);
    }
    if ((needs & SPLIT) != 0) {
      SPLIT_CARE.apply(state);
    }
    if ((needs & SURGEON) != 0) {
      SURGEON_ROLE.apply(state);
    }
    if ((needs & STATUS) != 0) {
      STATUS_T.apply(state);
    }
    ADD_ON.apply(state);
    BILATERAL.apply(state);
    if ((needs & RANKED) != 0) {
      MULTIPLE_SURGERY.apply(state);
    }
    if ((needs & COMPONENTS) != 0) {
      COMPONENT_REDUCTION.apply(state);
    }
    applyAfterComponents(state, needs);
  }

  /**
   * Applies the steps of {@link #LIST} before {@code component-reduction}: for one rendering
   * provider's lines of a date several providers share, whose component reductions run over all of
   * them ({@link ComponentReductionStep#apply(ClaimState[])}).
   */
  static void applyBeforeComponents(ClaimState state, int needs) {
    apply(state, needs & ~(COMPONENTS | AFTER_COMPONENTS));
  }

  /** Applies the steps of {@link #LIST} after {@code component-reduction}. */
  static void applyAfterComponents(ClaimState state, int needs) {
    if ((needs & EQUIPMENT) != 0) {
      IMAGING_EQUIPMENT.apply(state);
    }
    if ((needs & INCREASED_REDUCED) != 0) {
      INCREASED_REDUCED_SERVICES.apply(state);
    }
    if ((needs & CHARGE) != 0) {
      BILLED_CHARGE.apply(state);
    }
    if ((needs & ANESTHESIA_BIT) != 0) {
      ANESTHESIA.apply(state);
    }
  }
}
