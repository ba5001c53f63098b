package io.github.cpt4j.fee.medicare.pfs.claim;

/**
 * One payment rule of {@link MedicareClaimPricer}: a step that reads and changes the {@link
 * ClaimState} of the claim being priced — the amounts of its lines, their refusals, steps and
 * warnings. The pricer runs its steps in order after the fee schedule and the claim edits; a
 * payer's own rule is one class implementing this interface, added with {@link
 * MedicareClaimPricer.Builder#addStep}.
 *
 * <pre>{@code
 * ClaimStep cap = new ClaimStep() {
 *   public String name() { return "payer-visit-cap"; }
 *   public void apply(ClaimState claim) {
 *     for (int i = 0; i < claim.size(); i++) {
 *       if (claim.isPriced(i) && claim.exactAmount(i).compareTo(CAP) > 0) {
 *         claim.setAmount(i, CAP, name(), () -> "the payer caps a visit at " + CAP);
 *       }
 *     }
 *   }
 * };
 * MedicareClaimPricer pricer = MedicareClaimPricer.builder(schedule).addStep(cap).build();
 * }</pre>
 *
 * <p>A step sees every line that still has an amount, wherever it runs: the priced anesthesia lines
 * too, whose amount is the anesthesia session's from the first step on ({@link ClaimState}).
 *
 * <p>Implementations must be immutable and thread-safe (one step serves every claim) and must never
 * throw for data.
 */
public interface ClaimStep {

  /**
   * Returns the step's short, stable name, such as {@code "bilateral"}: the builder finds steps by
   * it, and a pricer refuses two steps of one name. A rule id: no spaces, {@code ';'} or {@code
   * ':'}.
   *
   * @return the step's name, a rule id
   */
  String name();

  /**
   * Applies the rule to the claim being priced.
   *
   * @param claim the lines of the claim and their amounts so far, which the step changes
   */
  void apply(ClaimState claim);
}
