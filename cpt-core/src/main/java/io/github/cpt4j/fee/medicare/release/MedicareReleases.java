package io.github.cpt4j.fee.medicare.release;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.edit.EditFinding;
import io.github.cpt4j.fee.Explanation;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.FeeSchedule;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricedLine;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.PricingStep;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A catalog of Medicare releases keyed by the dates they apply to: each line or claim is priced by
 * the release in force on its date of service.
 *
 * <h2>Which release</h2>
 *
 * On each date the release in force is the latest-starting one whose period covers it, so that a
 * mid-year release takes over from the one before it even where their periods overlap. A release
 * given again with the same id (a corrected re-release, such as CMS's updated 25A) replaces the
 * earlier one: the later in the list wins. Two releases of different ids may not start on the same
 * day, since neither would be the later: a correction takes the id of the release it corrects.
 * Conversion factors stay those of each schedule's dated table, so the 9 March 2024 change applies
 * within a release, and each release's own year bounds its period: a date is never priced with
 * another year's data.
 *
 * <h2>Cost</h2>
 *
 * The catalog keeps one entry per day of its span, so choosing the release for a date is one
 * subtraction and one bounds check: no search, no map, no allocation.
 *
 * <pre>{@code
 * MedicareReleases releases = MedicareReleases.of(List.of(r25a, r25b, r25c, r25d));
 * releases.price(ClaimLine.parse("99213"), context);   // the figures of the date's release
 * releases.releaseOn(LocalDate.of(2025, 5, 1));         // Optional[2025B 2025-04-01..2025-06-30]
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class MedicareReleases implements FeeSchedule {

  /** The longest span of dates a catalog covers, in days: a hundred years. */
  static final long MAX_DAYS = 36_525;

  private final ImmutableList<MedicareRelease> releases;
  private final long firstDay;
  private final MedicareRelease[] byDay;
  private final String name;

  private MedicareReleases(ImmutableList<MedicareRelease> releases) {
    this.releases = releases;
    LocalDate first = releases.get(0).effectiveFrom();
    LocalDate last = first;
    for (MedicareRelease r : releases) {
      first = r.effectiveFrom().isBefore(first) ? r.effectiveFrom() : first;
      last = r.effectiveTo().isAfter(last) ? r.effectiveTo() : last;
    }
    this.firstDay = first.toEpochDay();
    long days = last.toEpochDay() - firstDay + 1;
    if (days > MAX_DAYS) {
      throw new IllegalArgumentException(
          "the releases span " + first + " to " + last + ": more than a hundred years");
    }
    this.byDay = new MedicareRelease[(int) days];
    // In order of start date: a later-starting release overwrites the days it shares.
    for (MedicareRelease r : releases) {
      int from = (int) (r.effectiveFrom().toEpochDay() - firstDay);
      int to = (int) (r.effectiveTo().toEpochDay() - firstDay);
      for (int d = from; d <= to; d++) {
        byDay[d] = r;
      }
    }
    this.name = "medicare-releases " + String.join(",", ids(releases));
  }

  private static List<String> ids(List<MedicareRelease> releases) {
    List<String> ids = new ArrayList<>(releases.size());
    for (MedicareRelease r : releases) {
      ids.add(r.id());
    }
    return ids;
  }

  /**
   * Returns the catalog of {@code releases}; of two with the same id the later in the list wins.
   *
   * @param releases the releases, at least one, in any order
   * @return the catalog
   * @throws IllegalArgumentException if there are none, two of different ids start on the same day
   *     (neither is the latest-starting, so which is in force from that day cannot be told: a
   *     correction takes the id of the release it corrects), or they span more than a hundred years
   */
  public static MedicareReleases of(List<MedicareRelease> releases) {
    requireNonNull(releases, "releases");
    Map<String, MedicareRelease> byId = new LinkedHashMap<>();
    for (MedicareRelease r : releases) {
      byId.put(requireNonNull(r, "release").id(), r);
    }
    if (byId.isEmpty()) {
      throw new IllegalArgumentException("a catalog needs at least one release");
    }
    // The latest-starting release is in force: of two starting together, the list's order chose,
    // in silence, and the other priced no date at all (CMS names 25A's correction "RVU25AR").
    Map<LocalDate, MedicareRelease> byStart = new HashMap<>();
    for (MedicareRelease r : byId.values()) {
      MedicareRelease other = byStart.putIfAbsent(r.effectiveFrom(), r);
      if (other != null) {
        throw new IllegalArgumentException(
            "releases "
                + other.id()
                + " and "
                + r.id()
                + " both start on "
                + r.effectiveFrom()
                + ": which of them is in force from that day cannot be told (the latest-starting"
                + " release is); give a correction the id of the release it corrects, which it"
                + " then replaces");
      }
    }
    List<MedicareRelease> sorted = new ArrayList<>(byId.values());
    sorted.sort(Comparator.comparing(MedicareRelease::effectiveFrom));
    return new MedicareReleases(ImmutableList.copyOf(sorted));
  }

  /**
   * {@return the release in force on {@code date}, if any: one array read, by the day}
   *
   * @param date the date of service
   */
  public Optional<MedicareRelease> releaseOn(LocalDate date) {
    requireNonNull(date, "date");
    return Optional.ofNullable(releaseOrNull(date));
  }

  private MedicareRelease releaseOrNull(LocalDate date) {
    long index = date.toEpochDay() - firstDay;
    // One comparison: an unsigned compare rejects dates before the first day too.
    return Long.compareUnsigned(index, byDay.length) < 0 ? byDay[(int) index] : null;
  }

  /** {@return the releases, in order of their start dates} */
  public ImmutableList<MedicareRelease> releases() {
    return releases;
  }

  /**
   * {@return the dates covered, in words: {@code 2025-01-01 to 2025-12-31 (releases 2025A, 2025B,
   * 2025C, 2025D)}, with the gaps between releases if any}
   */
  public String coverage() {
    StringBuilder sb = new StringBuilder();
    LocalDate start = null;
    LocalDate end = null;
    for (MedicareRelease r : releases) {
      if (start == null) {
        start = r.effectiveFrom();
        end = r.effectiveTo();
      } else if (!r.effectiveFrom().isAfter(end.plusDays(1))) {
        end = r.effectiveTo().isAfter(end) ? r.effectiveTo() : end;
      } else {
        sb.append(sb.length() == 0 ? "" : " and ").append(start).append(" to ").append(end);
        start = r.effectiveFrom();
        end = r.effectiveTo();
      }
    }
    sb.append(sb.length() == 0 ? "" : " and ").append(start).append(" to ").append(end);
    return sb.append(" (releases ").append(String.join(", ", ids(releases))).append(')').toString();
  }

  /** Prices {@code line} with the release in force on the context's date of service. */
  @Override
  public FeeResult price(ClaimLine line, PricingContext context) {
    requireNonNull(line, "line");
    requireNonNull(context, "context");
    MedicareRelease release = releaseOrNull(context.dateOfService());
    if (release == null) {
      return notCovered(context.dateOfService());
    }
    return release.schedule().price(line, context);
  }

  /**
   * Prices {@code claim} with the claim pricer of the release in force on each line's date of
   * service (a line without its own date is on the context's); empty when no release covers any of
   * them ({@link #coverage()} says which dates do).
   *
   * <p>When the dates fall in different releases, the claim edits run over the whole claim with
   * each release's pricer (the global surgery edit sees every date) and each line keeps the
   * findings of its own date's release (a line no release covers, those of the first covered
   * line's), as {@link MedicareClaimPricer#scrubByLine} does; then each release prices its own
   * lines with its claim rules (which apply per date of service anyway). A line on a date no
   * release covers is {@link UnpricedReason#DATE_NOT_COVERED}. Lines keep their numbers, in billed
   * order.
   *
   * @param claim the claim to price
   * @param context the claim's context, whose date of service is that of the lines without one
   * @return the priced claim, or empty when no release covers any line's date
   */
  public Optional<PricedClaim> price(Claim claim, PricingContext context) {
    requireNonNull(claim, "claim");
    requireNonNull(context, "context");
    LocalDate date = context.dateOfService();
    int n = claim.size();
    MedicareRelease first = releaseOrNull(n == 0 ? date : claim.line(0).dateOfServiceOr(date));
    // The usual claim is of one release: one comparison per line, no allocation.
    int i = 1;
    while (i < n && releaseOrNull(claim.line(i).dateOfServiceOr(date)) == first) {
      i++;
    }
    // A claim without lines ends here too (i is 1, n 0): the release of the context's date
    // answers it, as for a claim of one release, with no first line to look for.
    if (i >= n) {
      return first == null
          ? Optional.empty()
          : Optional.of(first.claimPricer().price(claim, context));
    }
    return Optional.of(priceByRelease(claim, context));
  }

  /** Prices a claim whose lines fall in several releases (or some in none), each by its own. */
  private PricedClaim priceByRelease(Claim claim, PricingContext context) {
    LocalDate date = context.dateOfService();
    int n = claim.size();
    MedicareRelease[] of = new MedicareRelease[n];
    MedicareRelease scrubbing = null;
    for (int i = 0; i < n; i++) {
      of[i] = releaseOrNull(claim.line(i).dateOfServiceOr(date));
      scrubbing = scrubbing == null ? of[i] : scrubbing;
    }
    // Each line judged by the edits of its own date's release (lines no release covers: the
    // first covered line's).
    List<MedicareClaimPricer> pricers = new ArrayList<>(n);
    for (MedicareRelease release : of) {
      pricers.add(release == null ? null : release.claimPricer());
    }
    List<EditFinding> findings =
        MedicareClaimPricer.scrubByLine(
            claim, context, pricers, requireNonNull(scrubbing).claimPricer());
    PricedLine[] priced = new PricedLine[n];
    for (int i = 0; i < n; i++) {
      if (priced[i] != null) {
        continue;
      }
      MedicareRelease release = of[i];
      if (release == null) {
        priced[i] =
            PricedLine.of(
                i,
                claim.lineNumber(i),
                claim.line(i),
                notCovered(claim.line(i).dateOfServiceOr(date)),
                Optional.of("releases"),
                List.of());
        continue;
      }
      BitSet lines = new BitSet(n);
      for (int j = i; j < n; j++) {
        if (of[j] == release) {
          lines.set(j);
        }
      }
      for (PricedLine line : release.claimPricer().priceLines(claim, lines, context, findings)) {
        priced[line.index()] = line;
      }
    }
    return PricedClaim.of(context, Arrays.asList(priced));
  }

  private FeeResult notCovered(LocalDate date) {
    return FeeResult.unpriced(
        UnpricedReason.DATE_NOT_COVERED,
        "the Medicare data covers " + coverage() + ", not " + date,
        Explanation.of(PricingStep.note("releases", name)));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String toString() {
    return "MedicareReleases(" + coverage() + ")";
  }
}
