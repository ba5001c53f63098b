package io.github.cpt4j.cli;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.codeset.CodeEntry;
import io.github.cpt4j.codeset.CodeSet;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaTimeEdit;
import io.github.cpt4j.modifier.Modifier;
import io.github.cpt4j.modifier.ModifierRule;
import io.github.cpt4j.modifier.ModifierRules;
import io.github.cpt4j.modifier.ModifierViolation;
import io.github.cpt4j.text.WhiteSpace;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code cpt validate --rules} finds on a line that parses: the modifier rules' violations
 * ({@link ModifierRules#standard()}), modifiers that no registry knows, and a code outside the code
 * set given, each an error; a code the code set has with an end date, and minutes no amount uses
 * ({@link AnesthesiaTimeEdit}), a warning each, as the claim pricer flags the minutes. Each finding
 * has the index in the line of what it is about.
 */
final class RuleCheck {

  /**
   * One finding on a line.
   *
   * @param error the error type, such as {@code MUTUALLY_EXCLUSIVE} or {@code UNKNOWN_MODIFIER}
   * @param index the 0-based index in the line of the code or modifier concerned
   * @param message what is wrong, in words
   * @param warning whether it is a warning, which leaves the line valid, rather than an error
   */
  record Finding(String error, int index, String message, boolean warning) {
    Finding {
      requireNonNull(error, "error");
      requireNonNull(message, "message");
    }

    /** An error. */
    Finding(String error, int index, String message) {
      this(error, index, message, false);
    }
  }

  private RuleCheck() {}

  /**
   * Returns every finding on {@code line}, a line that parses: rule violations in the rules' order,
   * then unknown modifiers in billed order, then the code set, then the minutes; empty when there
   * is none.
   */
  static List<Finding> findings(String line, CodeSet codes) {
    return findings(line, codes, LocalDate.now(ZoneId.systemDefault()));
  }

  /** {@link #findings(String, CodeSet)} on {@code today}, the day a code deleted before is. */
  static List<Finding> findings(String line, CodeSet codes, LocalDate today) {
    ClaimLine parsed =
        ValidateCommand.isSingleToken(line)
            ? ClaimLine.of(ProcedureCode.parseLenient(line), List.of(), 1)
            : LineArgument.parse(line).line();
    ProcedureCode code = parsed.code();
    List<Modifier> modifiers = parsed.modifiers();
    int codeStart = codeStart(line);
    List<Finding> findings = new ArrayList<>();
    for (ModifierViolation violation : ModifierRules.standard().check(code, modifiers)) {
      // A duplicate is at its second occurrence, the one that repeats the first.
      int index =
          violation.modifiers().isEmpty()
              ? codeStart
              : indexOf(
                  line,
                  violation.modifiers().get(0),
                  codeStart,
                  violation.rule() == ModifierRule.DUPLICATE_MODIFIER ? 1 : 0);
      findings.add(new Finding(violation.rule().name(), index, violation.message()));
    }
    // Each unknown modifier once, at its first occurrence: its repeat is the duplicate's finding.
    Set<Modifier> unknown = new HashSet<>();
    for (Modifier modifier : modifiers) {
      if (!modifier.isKnown() && unknown.add(modifier)) {
        findings.add(
            new Finding(
                ValidateCommand.UNKNOWN_MODIFIER,
                indexOf(line, modifier, codeStart, 0),
                "modifier " + modifier + " is not a known CPT or HCPCS Level II modifier"));
      }
    }
    Optional<CodeEntry> entry = codes.find(code);
    if (entry.isEmpty()) {
      findings.add(
          new Finding(
              ValidateCommand.NOT_IN_CODE_SET,
              codeStart,
              code + " is not in the loaded code set (" + codes.size() + " codes)"));
    } else if (entry.get().effectiveTo().isPresent()
        && entry.get().effectiveTo().get().isBefore(today)) {
      // A deleted code is right for claims of its years (the line has no date): a warning that
      // says until when, not an error, and never "valid" without a word. A code whose end date is
      // still to come (a Category III code's sunset) is in force today: not deleted.
      findings.add(
          new Finding(
              ValidateCommand.DELETED_CODE,
              codeStart,
              code
                  + " is deleted: the loaded code set has it for services up to "
                  + entry.get().effectiveTo().get()
                  + " only",
              true));
    }
    Optional<String> minutes = AnesthesiaTimeEdit.ignoredMinutes(parsed);
    if (minutes.isPresent()) {
      findings.add(
          new Finding(ValidateCommand.MINUTES_IGNORED, minutesStart(line), minutes.get(), true));
    }
    return findings;
  }

  /**
   * The index of the minutes, the last token of digits then {@code min} (any case): the last of the
   * claim line, which {@code by} and an NPI may follow.
   */
  private static int minutesStart(String line) {
    int end = line.length();
    int found = 0;
    int i = 0;
    while (i < end) {
      while (i < end && WhiteSpace.isSpace(line.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < end && !WhiteSpace.isSpace(line.charAt(i))) {
        i++;
      }
      if (i - start > 3
          && line.regionMatches(true, i - 3, "min", 0, 3)
          && Character.isDigit(line.charAt(start))) {
        found = start;
      }
    }
    return found;
  }

  /** The index of the code: after the leading blanks. */
  private static int codeStart(String line) {
    int i = 0;
    while (i < line.length() && WhiteSpace.isSpace(line.charAt(i))) {
      i++;
    }
    return i;
  }

  /**
   * The index of {@code modifier} as a token after the code (after a hyphen or a blank, before a
   * hyphen, a blank or the end), ignoring case, at its occurrence {@code skip} (0 for the first);
   * the last one found if there are fewer, the code's index if there is none.
   */
  private static int indexOf(String line, Modifier modifier, int codeStart, int skip) {
    String upper = line.toUpperCase(Locale.ROOT);
    String text = modifier.toString();
    int from = Math.min(codeStart + 5, upper.length());
    int found = codeStart;
    int left = skip;
    for (int i = upper.indexOf(text, from); i >= 0; i = upper.indexOf(text, i + 1)) {
      int end = i + text.length();
      boolean startsToken =
          i > 0 && (upper.charAt(i - 1) == '-' || WhiteSpace.isSpace(upper.charAt(i - 1)));
      boolean endsToken =
          end == upper.length()
              || upper.charAt(end) == '-'
              || WhiteSpace.isSpace(upper.charAt(end));
      if (startsToken && endsToken) {
        if (left == 0) {
          return i;
        }
        found = i;
        left--;
      }
    }
    return found;
  }
}
