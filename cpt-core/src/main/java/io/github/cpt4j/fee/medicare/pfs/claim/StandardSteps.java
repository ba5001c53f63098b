package io.github.cpt4j.fee.medicare.pfs.claim;

import com.google.common.collect.ImmutableList;

/**
 * The standard claim steps of {@link MedicareClaimPricer}, in their order, and the one place where
 * they are called without the list (issue 18).
 *
 * <p>What it buys: through the list, every step is an interface call at one call site that sees
 * fourteen classes (megamorphic: a table lookup per call, and nothing inlined), and inside {@link
 * LineStep} the call of {@code apply(LineWork)} sees six classes, once per line. Called here
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
          INCREASED_REDUCED_SERVICES,
          BILLED_CHARGE,
          ANESTHESIA);

  private StandardSteps() {}

  /** Applies every step of {@link #LIST} to {@code state}, in order. */
  static void apply(ClaimState state) {
    NON_PARTICIPATING.apply(state);
    PRACTITIONER.apply(state);
    INFORMATIONAL_MODIFIERS.apply(state);
    BILATERAL_MODIFIERS.apply(state);
    SPLIT_CARE.apply(state);
    SURGEON_ROLE.apply(state);
    STATUS_T.apply(state);
    ADD_ON.apply(state);
    BILATERAL.apply(state);
    MULTIPLE_SURGERY.apply(state);
    COMPONENT_REDUCTION.apply(state);
    INCREASED_REDUCED_SERVICES.apply(state);
    BILLED_CHARGE.apply(state);
    ANESTHESIA.apply(state);
  }
}
