package io.github.cpt4j.edit;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.Npi;
import io.github.cpt4j.fee.PricingContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The lines of a claim that one rendering provider furnished on one date of service, as a claim of
 * their own with the context of that date, and where each of them is in the whole claim: for the
 * rules and edits that judge one provider's day at a time (CMS's same-day rules: multiple
 * procedures by the same physician on the same day, NCCI's "same provider, same beneficiary, same
 * date of service"). The lines without a rendering provider ({@link
 * BilledLine#renderingProvider()}) are the provider {@link RenderingProviders} says: the one NPI
 * the other lines name, or a provider of their own. Immutable.
 */
public final class ProviderDay {

  private final LocalDate date;
  private final Npi provider;
  private final Claim claim;
  private final PricingContext context;
  private final int[] lines;

  private ProviderDay(
      LocalDate date, Npi provider, Claim claim, PricingContext context, int[] lines) {
    this.date = date;
    this.provider = provider;
    this.claim = claim;
    this.context = context;
    this.lines = lines;
  }

  /** {@return the date of service} */
  public LocalDate date() {
    return date;
  }

  /**
   * {@return the rendering provider of the lines ({@link RenderingProviders#of(BilledLine)}), or
   * empty for the lines of the claim's own provider, which name none}
   */
  public Optional<Npi> renderingProvider() {
    return Optional.ofNullable(provider);
  }

  /** {@return the lines of that provider and date, in billed order, as a claim} */
  public Claim claim() {
    return claim;
  }

  /**
   * {@return the claim's context with that date, and with the practitioner type the context gives
   * the provider ({@link PricingContext#forRenderingProvider})}
   */
  public PricingContext context() {
    return context;
  }

  /**
   * {@return the zero-based index in the whole claim of line {@code j} of {@link #claim()}}
   *
   * @param j the zero-based index of a line of this day's claim
   * @throws ArrayIndexOutOfBoundsException if {@code j} is not the index of a line of {@link
   *     #claim()}
   */
  public int lineInClaim(int j) {
    return lines[j];
  }

  @Override
  public String toString() {
    return date + (provider == null ? "" : " by " + provider) + " " + claim;
  }

  /** Orders provider days by date, then the lines without a provider, then by NPI. */
  private static final Comparator<Key> ORDER =
      Comparator.comparing((Key k) -> k.date)
          .thenComparing(k -> k.provider, Comparator.nullsFirst(Comparator.naturalOrder()));

  /** A line's date and provider (null when it names none). */
  private record Key(LocalDate date, Npi provider) {}

  /**
   * Splits {@code claim} by date of service and rendering provider ({@link RenderingProviders}), a
   * line without a date of its own being on the context's date, in date order and, on one date,
   * lines of the claim's own provider first, then by NPI; null when every line is one provider's on
   * one date (the usual claim), so that it costs no allocation.
   *
   * @param claim the claim to split
   * @param context the claim's context, whose date of service is that of the lines without one
   * @return the days, in the order above; null when the claim is one provider's day
   */
  public static List<ProviderDay> split(Claim claim, PricingContext context) {
    requireNonNull(claim, "claim");
    requireNonNull(context, "context");
    return split(claim, context, RenderingProviders.of(claim, context));
  }

  /**
   * Splits {@code claim} as {@link #split(Claim, PricingContext)} does, its lines' providers as
   * {@code providers} says: for the lines of a larger claim, whose providers that claim decides.
   *
   * @param claim the claim to split
   * @param context the claim's context, whose date of service is that of the lines without one
   * @param providers whose lines the lines of {@code claim} are
   * @return the days, in the order above; null when the claim is one provider's day
   */
  public static List<ProviderDay> split(
      Claim claim, PricingContext context, RenderingProviders providers) {
    requireNonNull(claim, "claim");
    requireNonNull(context, "context");
    requireNonNull(providers, "providers");
    if (single(claim, context, providers) != null) {
      return null;
    }
    LocalDate claimDate = context.dateOfService();
    int n = claim.size();
    Map<Key, List<Integer>> byDay = new TreeMap<>(ORDER);
    for (int i = 0; i < n; i++) {
      BilledLine line = claim.line(i);
      Key key = new Key(line.dateOfServiceOr(claimDate), providers.of(line).orElse(null));
      byDay.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
    }
    List<ProviderDay> days = new ArrayList<>(byDay.size());
    for (Map.Entry<Key, List<Integer>> entry : byDay.entrySet()) {
      List<Integer> indexes = entry.getValue();
      int[] lines = new int[indexes.size()];
      int[] numbers = new int[lines.length];
      List<BilledLine> billed = new ArrayList<>(lines.length);
      for (int j = 0; j < lines.length; j++) {
        lines[j] = indexes.get(j);
        numbers[j] = claim.lineNumber(lines[j]);
        billed.add(claim.line(lines[j]));
      }
      // The day's lines keep their numbers on the whole claim, for what is said about them.
      Key key = entry.getKey();
      days.add(
          new ProviderDay(
              key.date,
              key.provider,
              Claim.of(billed).withLineNumbers(numbers),
              contextOf(context, key.date, key.provider),
              lines));
    }
    return days;
  }

  /**
   * Returns the context of {@code claim}'s lines when they are one provider's on one date ({@link
   * #single}): {@code context} with that date and with the practitioner type it gives that provider
   * ({@link PricingContext#forRenderingProvider}), the context a day of {@link #split} would have;
   * {@code context} itself when neither differs; null when the lines carry several dates or
   * providers. The rules and edits of one provider's day see a claim of one day in this context, as
   * they see each day of a claim of several in its {@link #context()}.
   *
   * @param claim the claim
   * @param context the claim's context, whose date of service is that of the lines without one
   * @return the context of that one day; null when the lines are of several days or providers
   */
  public static PricingContext singleContext(Claim claim, PricingContext context) {
    requireNonNull(claim, "claim");
    requireNonNull(context, "context");
    return singleContext(claim, context, RenderingProviders.of(claim, context));
  }

  /**
   * {@return the context of {@code claim}'s lines as {@link #singleContext(Claim, PricingContext)}
   * does, their providers as {@code providers} says: for the lines of a larger claim}
   *
   * @param claim the claim
   * @param context the claim's context, whose date of service is that of the lines without one
   * @param providers whose lines the lines of {@code claim} are
   */
  public static PricingContext singleContext(
      Claim claim, PricingContext context, RenderingProviders providers) {
    LocalDate date = single(claim, context, providers);
    if (date == null) {
      return null;
    }
    return contextOf(
        context, date, claim.size() == 0 ? null : providers.of(claim.line(0)).orElse(null));
  }

  /** The context of the lines of {@code provider} (null: lines naming none) on {@code date}. */
  private static PricingContext contextOf(PricingContext context, LocalDate date, Npi provider) {
    PricingContext onDate =
        date.equals(context.dateOfService()) ? context : context.withDateOfService(date);
    return provider == null ? onDate : onDate.forRenderingProvider(provider);
  }

  /**
   * {@return the one date of service of every line of {@code claim} (a line without a date of its
   * own being on the context's) when they are also all one rendering provider's ({@link
   * RenderingProviders}), or null when the lines carry several dates or several providers}
   *
   * @param claim the claim
   * @param context the claim's context, whose date of service is that of the lines without one
   */
  public static LocalDate single(Claim claim, PricingContext context) {
    requireNonNull(claim, "claim");
    requireNonNull(context, "context");
    return single(claim, context, RenderingProviders.of(claim, context));
  }

  /**
   * {@return the one date of service of {@code claim}'s lines as {@link #single(Claim,
   * PricingContext)} does, their providers as {@code providers} says: for the lines of a larger
   * claim}
   *
   * @param claim the claim
   * @param context the claim's context, whose date of service is that of the lines without one
   * @param providers whose lines the lines of {@code claim} are
   */
  public static LocalDate single(
      Claim claim, PricingContext context, RenderingProviders providers) {
    requireNonNull(claim, "claim");
    requireNonNull(context, "context");
    requireNonNull(providers, "providers");
    LocalDate claimDate = context.dateOfService();
    if (claim.size() == 0) {
      return claimDate;
    }
    BilledLine first = claim.line(0);
    LocalDate date = first.dateOfServiceOr(claimDate);
    for (int i = 1; i < claim.size(); i++) {
      BilledLine line = claim.line(i);
      if (!line.dateOfServiceOr(claimDate).equals(date) || !providers.same(line, first)) {
        return null;
      }
    }
    return date;
  }
}
