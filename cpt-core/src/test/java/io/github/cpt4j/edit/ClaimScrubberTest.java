package io.github.cpt4j.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.Npi;
import io.github.cpt4j.fee.PractitionerType;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.UnpricedReason;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The context each claim edit sees: its provider's day's, or the caller's for a whole claim. */
class ClaimScrubberTest {

  private static final Npi NP = Npi.parse("1234567893");
  private static final PricingContext CONTEXT =
      PricingContext.withoutArea(LocalDate.of(2025, 6, 2), Setting.FACILITY)
          .withPractitioner(NP, PractitionerType.NURSE_PRACTITIONER);

  /** Records the date and practitioner type of each context it is given, one claim at a time. */
  private static final class Recorder implements ClaimEdit {
    private final String name;
    private final boolean perDay;
    final List<String> seen = new ArrayList<>();

    Recorder(String name, boolean perDay) {
      this.name = name;
      this.perDay = perDay;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public boolean perProviderDay() {
      return perDay;
    }

    @Override
    public List<EditFinding> check(Claim claim, PricingContext context) {
      seen.add(claim.size() + " " + context.dateOfService() + " " + context.practitioner());
      return List.of();
    }
  }

  private static Claim claim(String... lines) {
    return Claim.of(List.of(lines).stream().map(BilledLine::parse).toList());
  }

  @Test
  void anEditOfOneDaySeesThatDaysContextOnAClaimOfOneDayAsOfSeveral() {
    Recorder day = new Recorder("per-day", true);
    Recorder whole = new Recorder("whole-claim", false);
    ClaimScrubber scrubber = ClaimScrubber.of(day, whole);
    // Once, the claim of one provider's day was checked in the caller's context, 2025-06-02 and
    // a physician's, and the same line beside another day in its own: 2025-03-03, the NP's.
    scrubber.scrub(claim("99213 $100.00 on 2025-03-03 by 1234567893"), CONTEXT);
    scrubber.scrub(
        claim(
            "99213 $100.00 on 2025-03-03 by 1234567893",
            "20610 $50.00 on 2025-03-05 by 1234567893"),
        CONTEXT);
    assertEquals(
        List.of(
            "1 2025-03-03 NURSE_PRACTITIONER",
            "1 2025-03-03 NURSE_PRACTITIONER",
            "1 2025-03-05 NURSE_PRACTITIONER"),
        day.seen);
    // The whole claim is seen in the caller's context, whatever its lines' days.
    assertEquals(List.of("1 2025-06-02 PHYSICIAN", "2 2025-06-02 PHYSICIAN"), whole.seen);
  }

  @Test
  void aClaimOfTheContextsDayAndNoProviderIsCheckedInTheContextGiven() {
    ClaimEdit same =
        new ClaimEdit() {
          @Override
          public String name() {
            return "same";
          }

          @Override
          public List<EditFinding> check(Claim claim, PricingContext context) {
            assertSame(CONTEXT, context);
            return List.of();
          }
        };
    ClaimScrubber.of(same).scrub(claim("99213", "20610 on 2025-06-02"), CONTEXT);
    assertSame(CONTEXT, ProviderDay.singleContext(claim("99213"), CONTEXT));
  }

  /** An edit that finds line index {@code line} on every claim it is given. */
  private static ClaimEdit finding(String name, boolean perDay, int line) {
    return new ClaimEdit() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public boolean perProviderDay() {
        return perDay;
      }

      @Override
      public List<EditFinding> check(Claim claim, PricingContext context) {
        return List.of(EditFinding.denyLine(name, line, 1, "denied by the payer"));
      }
    };
  }

  private static String refusal(ClaimEdit edit, Claim claim) {
    return assertThrows(
            IllegalArgumentException.class, () -> ClaimScrubber.of(edit).scrub(claim, CONTEXT))
        .getMessage();
  }

  @Test
  void aFindingPastTheLinesOfItsDayNamesTheDayNotTheWholeClaim() {
    // The claim has a line index 2, the day the edit was given does not: once, this said the edit
    // "found line 3 on a claim of 1 lines".
    Claim claim = claim("20610 on 2025-06-02", "99213 on 2025-06-03", "97110 on 2025-06-03");
    assertEquals(
        "claim edit payer-oor, given the 1 line of 2025-06-02 (no rendering provider), returned a"
            + " finding for line index 2; a one-day edit's indexes count that day's lines"
            + " (indexes 0 to 0)",
        refusal(finding("payer-oor", true, 2), claim));
    Claim byNp =
        claim(
            "99213 on 2025-06-02 by 1234567893",
            "97110 on 2025-06-02 by 1234567893",
            "20610 on 2025-06-03");
    assertEquals(
        "claim edit payer-oor, given the 2 lines of 2025-06-02 by 1234567893, returned a finding"
            + " for line index 2; a one-day edit's indexes count that day's lines (indexes 0 to 1)",
        refusal(finding("payer-oor", true, 2), byNp));
  }

  @Test
  void aFindingPastTheLinesOfTheWholeClaimNamesTheClaim() {
    Claim claim = claim("20610 on 2025-06-02", "99213 on 2025-06-03");
    assertEquals(
        "claim edit payer-oor returned a finding for line index 2, but the claim has 2 lines"
            + " (indexes 0 to 1)",
        refusal(finding("payer-oor", false, 2), claim));
    // A claim of one provider's day is the claim the edit of one day is given.
    assertEquals(
        "claim edit payer-oor returned a finding for line index 1, but the claim has 1 line"
            + " (indexes 0 to 0)",
        refusal(finding("payer-oor", true, 1), claim("20610")));
  }

  /** An edit whose check throws {@code thrown}, a bug of the edit's own. */
  private static ClaimEdit throwing(String name, boolean perDay, RuntimeException thrown) {
    return new ClaimEdit() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public boolean perProviderDay() {
        return perDay;
      }

      @Override
      public List<EditFinding> check(Claim claim, PricingContext context) {
        throw thrown;
      }
    };
  }

  @Test
  void anEditThatThrowsIsNamedWithTheLinesItWasGiven() {
    // Once, the edit's own exception came out of scrub and price naming no edit: of a pipeline of
    // ten edits, the caller could not tell whose bug it was.
    IllegalStateException boom = new IllegalStateException("payer table not loaded");
    IllegalArgumentException named =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ClaimScrubber.of(throwing("payer-boom", false, boom))
                    .scrub(claim("20610", "99213"), CONTEXT));
    assertEquals(
        "claim edit payer-boom threw java.lang.IllegalStateException: payer table not loaded,"
            + " checking the claim's 2 lines",
        named.getMessage());
    assertSame(boom, named.getCause());
    // An edit of one provider's day is named with the day it was given.
    Claim days = claim("20610 on 2025-06-02", "99213 on 2025-06-03 by 1234567893");
    assertEquals(
        "claim edit payer-boom threw java.lang.ArithmeticException: / by zero, checking the 1"
            + " line of 2025-06-02 (no rendering provider)",
        refusal(throwing("payer-boom", true, new ArithmeticException("/ by zero")), days));
    // A finding the edit could not build (a negative line) names the edit too.
    ClaimEdit negative =
        new ClaimEdit() {
          @Override
          public String name() {
            return "payer-negative";
          }

          @Override
          public List<EditFinding> check(Claim claim, PricingContext context) {
            return List.of(EditFinding.flag(name(), -1, "x"));
          }
        };
    assertEquals(
        "claim edit payer-negative threw java.lang.IllegalArgumentException: line must be zero or"
            + " more, not -1, checking the claim's 1 line",
        refusal(negative, claim("20610")));
  }

  /** An edit returning {@code finding} for every claim. */
  private static ClaimEdit returning(EditFinding finding) {
    return new ClaimEdit() {
      @Override
      public String name() {
        return finding.edit();
      }

      @Override
      public List<EditFinding> check(Claim claim, PricingContext context) {
        return List.of(finding);
      }
    };
  }

  private static EditFinding denyUnits(int units) {
    return EditFinding.builder()
        .edit("payer-units")
        .line(0)
        .action(EditAction.DENY_UNITS)
        .deniedUnits(units)
        .reason(UnpricedReason.EDIT_DENIED)
        .message("x")
        .build();
  }

  @Test
  void aFindingDenyingOtherUnitsThanTheLineHasIsRefused() {
    // EditFinding.deniedUnits: all the units of the line for DENY_LINE, some for DENY_UNITS. Once,
    // a denial of the whole 3-unit line said 1 unit denied, and scrub reported it so.
    Claim claim = claim("97110 x3", "99213");
    assertEquals(
        "claim edit payer-units returned finding 1, DENY_LINE of 1 unit on line 1, which is billed"
            + " with 3 units: a denial of the whole line denies every unit billed",
        refusal(returning(EditFinding.denyLine("payer-units", 0, 1, "x")), claim));
    assertEquals(
        "claim edit payer-units returned finding 1, DENY_LINE of 3 units on line 2, which is"
            + " billed with 1 unit: a denial of the whole line denies every unit billed",
        refusal(returning(EditFinding.denyLine("payer-units", 1, 3, "x")), claim));
    EditFinding tooMany = denyUnits(4);
    assertEquals(
        "claim edit payer-units returned finding 1, DENY_UNITS of 4 units on line 1, which is"
            + " billed with 3 units: a denial of units denies at most the units billed",
        refusal(returning(tooMany), claim));
    // The units billed pass, as does a denial of every unit billed, which denies the line.
    EditFinding all = denyUnits(3);
    assertEquals(List.of(all), ClaimScrubber.of(returning(all)).scrub(claim, CONTEXT));
    EditFinding whole = EditFinding.denyLine("payer-units", 0, 3, "x");
    assertEquals(List.of(whole), ClaimScrubber.of(returning(whole)).scrub(claim, CONTEXT));
  }

  @Test
  void aFindingInTheNameOfAnotherEditIsRefused() {
    // named-b is no edit of the pipeline: once, the line was denied as EDIT_DENIED (named-b).
    ClaimEdit namedA =
        new ClaimEdit() {
          @Override
          public String name() {
            return "named-a";
          }

          @Override
          public List<EditFinding> check(Claim claim, PricingContext context) {
            return List.of(EditFinding.denyLine("named-b", 0, 1, "x"));
          }
        };
    assertEquals(
        "claim edit named-a returned finding 1 named named-b; its findings carry the names"
            + " [named-a]",
        refusal(namedA, claim("20610")));
    // An edit that says its findings carry its parts' names passes, as NCCI's does.
    ClaimEdit ofParts =
        new ClaimEdit() {
          @Override
          public String name() {
            return "named-a";
          }

          @Override
          public List<String> findingNames() {
            return List.of("named-b");
          }

          @Override
          public List<EditFinding> check(Claim claim, PricingContext context) {
            return List.of(EditFinding.denyLine("named-b", 0, 1, "x"));
          }
        };
    assertEquals("named-b", ClaimScrubber.of(ofParts).scrub(claim("20610"), CONTEXT).get(0).edit());
    assertEquals(List.of("named-a"), finding("named-a", true, 0).findingNames());
  }

  /** An edit of one code: denies its lines whole, or {@code units} of them, or flags them. */
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
                    .deniedUnits(action == EditAction.FLAG ? 0 : units)
                    .reason(io.github.cpt4j.fee.UnpricedReason.EDIT_DENIED)
                    .message(code + " found")
                    .build());
          }
        }
        return found;
      }
    };
  }

  /**
   * Records, for each claim it judges after the others' denials, the codes of the lines it is told
   * are denied; flags its claim's first line.
   */
  private static final class AfterDenials implements ClaimEdit {
    private final boolean perDay;
    final List<String> told = new ArrayList<>();

    AfterDenials(boolean perDay) {
      this.perDay = perDay;
    }

    @Override
    public String name() {
      return "after-denials";
    }

    @Override
    public boolean perProviderDay() {
      return perDay;
    }

    @Override
    public boolean judgesAfterDenials() {
      return true;
    }

    @Override
    public List<EditFinding> check(Claim claim, PricingContext context) {
      throw new AssertionError("the scrubber tells an edit judging after denials what they are");
    }

    @Override
    public List<EditFinding> check(
        Claim claim, PricingContext context, java.util.function.IntPredicate denied) {
      List<String> codes = new ArrayList<>();
      for (int i = 0; i < claim.size(); i++) {
        if (denied.test(i)) {
          codes.add(claim.line(i).line().code().toString());
        }
      }
      told.add(String.join(" ", codes));
      return List.of(EditFinding.flag(name(), 0, "judged"));
    }
  }

  @Test
  void anEditJudgingAfterDenialsIsToldTheLinesDeniedWholeByEveryOtherEdit() {
    AfterDenials after = new AfterDenials(false);
    // Listed first, it runs last: the edits after it in the list have denied their lines.
    ClaimScrubber scrubber =
        ClaimScrubber.of(
            after,
            onCode("payer-line", "20610", EditAction.DENY_LINE, 1),
            onCode("payer-all-units", "97110", EditAction.DENY_UNITS, 2),
            onCode("payer-some-units", "97140", EditAction.DENY_UNITS, 1),
            onCode("payer-flag", "99213", EditAction.FLAG, 0));
    List<EditFinding> found =
        scrubber.scrub(claim("99213", "20610", "97110 x2", "97140 x2"), CONTEXT);
    // A denial of some units leaves the line paid, a flag denies nothing.
    assertEquals(List.of("20610 97110"), after.told);
    // Its findings keep its place in the order: first on line 1, before the flag.
    assertEquals(
        List.of(
            "after-denials line 1 FLAG: judged",
            "payer-flag line 1 FLAG: 99213 found",
            "payer-line line 2 DENY_LINE: 20610 found",
            "payer-all-units line 3 DENY_UNITS: 97110 found",
            "payer-some-units line 4 DENY_UNITS: 97140 found"),
        found.stream().map(EditFinding::toString).toList());
  }

  @Test
  void anEditOfOneDayJudgingAfterDenialsIsToldThemByTheDaysIndexes() {
    AfterDenials after = new AfterDenials(true);
    ClaimScrubber scrubber =
        ClaimScrubber.of(onCode("payer-line", "20610", EditAction.DENY_LINE, 1), after);
    scrubber.scrub(
        claim("99213 on 2025-06-02", "20610 on 2025-06-03", "99213 on 2025-06-03"), CONTEXT);
    assertEquals(List.of("", "20610"), after.told);
  }
}
