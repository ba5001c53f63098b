package io.github.cpt4j.fee.medicare.pfs.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.testing.EqualsTester;
import com.google.common.testing.NullPointerTester;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.fee.ClaimWarning;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.PricingStep;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClaimWarningTest {

  @Test
  void warningsAreValues() {
    ClaimWarning doc =
        ClaimWarning.of(
            ClaimWarning.Kind.DOCUMENTATION_REQUIRED, ClaimRule.CO_SURGERY.id(), "CO-SURG 1");
    new EqualsTester()
        .addEqualityGroup(
            doc,
            ClaimWarning.of(
                ClaimWarning.Kind.DOCUMENTATION_REQUIRED, ClaimRule.CO_SURGERY.id(), "CO-SURG 1"))
        .addEqualityGroup(
            ClaimWarning.of(
                ClaimWarning.Kind.DOCUMENTATION_REQUIRED,
                ClaimRule.ASSISTANT_AT_SURGERY.id(),
                "CO-SURG 1"))
        .addEqualityGroup(
            ClaimWarning.of(
                ClaimWarning.Kind.ADD_ON_WITHOUT_PRIMARY, ClaimRule.CO_SURGERY.id(), "CO-SURG 1"))
        .testEquals();
    assertEquals("DOCUMENTATION_REQUIRED (co-surgery): CO-SURG 1", doc.toString());
    new NullPointerTester().testAllPublicStaticMethods(ClaimWarning.class);
  }

  @Test
  void ruleIdsAreDistinctWordsUsableAsStepRules() {
    Set<String> ids = new HashSet<>();
    for (ClaimRule rule : ClaimRule.values()) {
      assertEquals(true, ids.add(rule.id()), rule.id());
      PricingStep.note(rule.id(), "checks the id");
    }
  }

  @Test
  void thePricerRejectsNulls() {
    MedicareClaimPricer pricer = MedicareClaimPricer.of(ClaimTables.schedule());
    NullPointerTester tester =
        new NullPointerTester()
            .setDefault(Claim.class, Claim.of())
            .setDefault(PricingContext.class, ClaimTables.CONTEXT)
            .setDefault(MedicareClaimPricer.class, pricer);
    tester.testAllPublicStaticMethods(MedicareClaimPricer.class);
    tester.testAllPublicInstanceMethods(pricer);
  }
}
