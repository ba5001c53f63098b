package io.github.cpt4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.Npi;
import io.github.cpt4j.edit.ClaimEdit;
import io.github.cpt4j.edit.EditFinding;
import io.github.cpt4j.fee.PractitionerType;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A payer's edit of one provider's day sees the context of that day (its date, its provider's
 * practitioner type) whether the claim holds one such day or several, on the bundled 2025 data.
 */
class EditContextTest {

  private static final LocalDate NEW_POLICY = LocalDate.of(2025, 4, 1);

  /** Denies 99213 on the days of service from April 2025. */
  private static final ClaimEdit NEW_POLICY_EDIT =
      new ClaimEdit() {
        @Override
        public String name() {
          return "payer-new-policy";
        }

        @Override
        public List<EditFinding> check(Claim claim, PricingContext context) {
          if (context.dateOfService().isBefore(NEW_POLICY)) {
            return List.of();
          }
          List<EditFinding> found = new ArrayList<>();
          for (int i = 0; i < claim.size(); i++) {
            if (claim.line(i).line().code().toString().equals("99213")) {
              found.add(EditFinding.denyLine(name(), i, 1, "not covered from April 2025"));
            }
          }
          return found;
        }
      };

  @Test
  void aLineOfAnotherDayIsJudgedOnItsDayWithOrWithoutAnotherDaysLines() {
    PricingContext context =
        PricingContext.of(LocalDate.of(2025, 6, 2), Locality.parse("13282-99"), Setting.FACILITY)
            .withPractitioner(Npi.parse("1234567893"), PractitionerType.NURSE_PRACTITIONER);
    MedicareClaimPricer payer =
        MedicareClaimPricer.builder(BundledData.medicareFeeSchedule())
            .addEdit(NEW_POLICY_EDIT)
            .build();
    String visit = "99213 $100.00 on 2025-03-03 by 1234567893";
    // Alone, the visit was once judged in the claim's context (2025-06-02, a physician's) and
    // denied; beside a line of another day, in its own (2025-03-03, the nurse practitioner's).
    for (Claim claim :
        List.of(
            Claim.of(BilledLine.parse(visit)),
            Claim.of(
                BilledLine.parse(visit),
                BilledLine.parse("20610 $300.00 on 2025-03-05 by 1234567893")))) {
      assertEquals(List.of(), payer.scrub(claim, context));
      PricedClaim priced = payer.price(claim, context);
      // 85% of 61.92, the posted facility fee of 99213 in 13282-99: 52.632.
      assertEquals(Optional.empty(), priced.line(0).reason(), priced::toString);
      assertEquals(new BigDecimal("52.63"), priced.line(0).amountOrThrow(), priced::toString);
    }
  }
}
