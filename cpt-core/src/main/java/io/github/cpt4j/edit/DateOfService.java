package io.github.cpt4j.edit;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.fee.PricingContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The lines of a claim furnished on one date of service, as a claim of their own with the context
 * of that date, and where each of them is in the whole claim: for the rules and edits that judge
 * one date at a time (CMS's same-day rules). Immutable.
 */
public final class DateOfService {

  private final LocalDate date;
  private final Claim claim;
  private final PricingContext context;
  private final int[] lines;

  private DateOfService(LocalDate date, Claim claim, PricingContext context, int[] lines) {
    this.date = date;
    this.claim = claim;
    this.context = context;
    this.lines = lines;
  }

  /** Returns the date of service. */
  public LocalDate date() {
    return date;
  }

  /** Returns the lines of that date, in billed order, as a claim. */
  public Claim claim() {
    return claim;
  }

  /** Returns the claim's context with that date. */
  public PricingContext context() {
    return context;
  }

  /** Returns the zero-based index in the whole claim of line {@code j} of {@link #claim()}. */
  public int lineInClaim(int j) {
    return lines[j];
  }

  @Override
  public String toString() {
    return date + " " + claim;
  }

  /**
   * Splits {@code claim} by date of service, a line without a date of its own being on the
   * context's date, in date order; null when every line is on one date (the usual claim), so that
   * it costs no allocation.
   */
  public static List<DateOfService> split(Claim claim, PricingContext context) {
    requireNonNull(claim, "claim");
    requireNonNull(context, "context");
    LocalDate claimDate = context.dateOfService();
    int n = claim.size();
    LocalDate first = n == 0 ? claimDate : claim.line(0).dateOfServiceOr(claimDate);
    boolean several = false;
    for (int i = 1; i < n && !several; i++) {
      several = !claim.line(i).dateOfServiceOr(claimDate).equals(first);
    }
    if (!several) {
      return null;
    }
    Map<LocalDate, List<Integer>> byDate = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      byDate
          .computeIfAbsent(claim.line(i).dateOfServiceOr(claimDate), d -> new ArrayList<>())
          .add(i);
    }
    List<DateOfService> dates = new ArrayList<>(byDate.size());
    for (Map.Entry<LocalDate, List<Integer>> entry : byDate.entrySet()) {
      List<Integer> indexes = entry.getValue();
      int[] lines = new int[indexes.size()];
      int[] numbers = new int[lines.length];
      List<BilledLine> billed = new ArrayList<>(lines.length);
      for (int j = 0; j < lines.length; j++) {
        lines[j] = indexes.get(j);
        numbers[j] = claim.lineNumber(lines[j]);
        billed.add(claim.line(lines[j]));
      }
      // The date's lines keep their numbers on the whole claim, for what is said about them.
      dates.add(
          new DateOfService(
              entry.getKey(),
              Claim.of(billed).withLineNumbers(numbers),
              context.withDateOfService(entry.getKey()),
              lines));
    }
    return dates;
  }

  /**
   * Returns the one date of service of every line of {@code claim} (a line without a date of its
   * own being on the context's), or null when the lines carry several.
   */
  public static LocalDate single(Claim claim, PricingContext context) {
    requireNonNull(claim, "claim");
    requireNonNull(context, "context");
    LocalDate claimDate = context.dateOfService();
    LocalDate date = claim.size() == 0 ? claimDate : claim.line(0).dateOfServiceOr(claimDate);
    for (int i = 1; i < claim.size(); i++) {
      if (!claim.line(i).dateOfServiceOr(claimDate).equals(date)) {
        return null;
      }
    }
    return date;
  }
}
