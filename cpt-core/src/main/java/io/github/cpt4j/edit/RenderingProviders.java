package io.github.cpt4j.edit;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.Npi;
import io.github.cpt4j.fee.PricingContext;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whose lines a claim's lines are, for the rules that judge one provider's services: the one place
 * that decides the provider of a line without a rendering provider ({@link
 * BilledLine#renderingProvider()}), which {@link ProviderDay}, NCCI's edits, the global surgery
 * edit and the claim pricers' same-day rules all ask.
 *
 * <p>A line names its rendering provider in CMS-1500 item 24J (the 837P's rendering provider loop);
 * the billing provider is in item 33a. A practitioner billing alone leaves item 24J blank, a group
 * fills it on every line (Medicare Claims Processing Manual, Pub. 100-04, ch. 26 §10.4, items 24J
 * and 33a): a line without one was furnished by the billing provider. So:
 *
 * <ul>
 *   <li>When no line names a rendering provider, every line is the claim's one provider's.
 *   <li>When the lines name exactly one NPI, the lines naming none are that provider's as well: one
 *       provider for every same-provider rule (NCCI's pairs and units, the multiple surgery
 *       ranking, bilateral pairs, the global surgery package). Not when the context gives that NPI
 *       another practitioner type than its own ({@link PricingContext#forRenderingProvider}): the
 *       lines naming none were then furnished by another practitioner, the claim's own, and are a
 *       provider of their own.
 *   <li>When the lines name two or more NPIs, the lines naming none cannot be told apart: they are
 *       a provider of their own, and {@link #unknownProviderWarning} says which lines those are.
 * </ul>
 *
 * <p>The practitioner type a line is priced as does not change: the lines naming none keep the
 * context's own {@link PricingContext#practitioner()}. Immutable.
 */
public final class RenderingProviders {

  /**
   * The rule id of what a claim pricer says of the lines naming no provider, such as its {@link
   * io.github.cpt4j.fee.ClaimWarning.Kind#RENDERING_PROVIDER_UNKNOWN} warning.
   */
  public static final String RULE = "rendering-provider";

  /** No line names a provider, or the lines naming none are a provider of their own. */
  private static final RenderingProviders OWN = new RenderingProviders(null, null);

  /** The provider of the lines naming none; null when they are a provider of their own. */
  private final Npi ofLinesNamingNone;

  /** The NPIs of a claim naming two or more, in order, when some of its lines name none. */
  private final Set<Npi> severalBesideNone;

  private RenderingProviders(Npi ofLinesNamingNone, Set<Npi> severalBesideNone) {
    this.ofLinesNamingNone = ofLinesNamingNone;
    this.severalBesideNone = severalBesideNone;
  }

  /**
   * Returns whose lines the lines of {@code claim} are, in {@code context} (whose practitioner
   * types tell a named provider from the claim's own). Allocates nothing for a claim whose lines
   * name no provider.
   *
   * @param claim the claim whose lines are judged
   * @param context the claim's context, whose practitioner types tell a provider named on a line
   *     from the claim's own
   * @return whose lines the claim's lines are
   */
  public static RenderingProviders of(Claim claim, PricingContext context) {
    requireNonNull(claim, "claim");
    requireNonNull(context, "context");
    Npi sole = null;
    boolean several = false;
    boolean namingNone = false;
    for (int i = 0; i < claim.size(); i++) {
      Optional<Npi> npi = claim.line(i).renderingProvider();
      if (npi.isEmpty()) {
        namingNone = true;
      } else if (sole == null) {
        sole = npi.get();
      } else if (!sole.equals(npi.get())) {
        several = true;
      }
    }
    if (sole == null || !namingNone) {
      return OWN; // no line to decide
    }
    if (several) {
      TreeSet<Npi> npis = new TreeSet<>();
      for (int i = 0; i < claim.size(); i++) {
        claim.line(i).renderingProvider().ifPresent(npis::add);
      }
      return new RenderingProviders(null, npis);
    }
    // The claim's own practitioner furnished the lines naming none: the named provider's only
    // when the context does not make him another kind of practitioner.
    return context.forRenderingProvider(sole).practitioner() == context.practitioner()
        ? new RenderingProviders(sole, null)
        : OWN;
  }

  /**
   * {@return the rendering provider of the lines naming none, when they are another provider's;
   * empty when they are a provider of their own}
   */
  public Optional<Npi> ofLinesNamingNone() {
    return Optional.ofNullable(ofLinesNamingNone);
  }

  /**
   * {@return the rendering provider of {@code line} for the same-provider rules: its own, or for a
   * line naming none {@link #ofLinesNamingNone()}; empty for a line of the claim's own provider}
   *
   * @param line a line of the claim
   */
  public Optional<Npi> of(BilledLine line) {
    requireNonNull(line, "line");
    Optional<Npi> own = line.renderingProvider();
    return own.isPresent() || ofLinesNamingNone == null ? own : Optional.of(ofLinesNamingNone);
  }

  /**
   * Tells whether {@code a} and {@code b} are one provider's lines ({@link #of}): CMS's same-day
   * rules compare only such lines.
   *
   * @param a a line of the claim
   * @param b another line of the claim
   * @return true if the two lines have the same rendering provider as {@link #of} gives it
   */
  public boolean same(BilledLine a, BilledLine b) {
    requireNonNull(a, "a");
    requireNonNull(b, "b");
    if (a.sameProvider(b)) {
      return true;
    }
    // One names a provider and the other none (two named NPIs differ whatever this says).
    return ofLinesNamingNone != null
        && (a.renderingProvider().isEmpty()
            ? b.renderingProvider().get().equals(ofLinesNamingNone)
            : b.renderingProvider().isEmpty()
                && a.renderingProvider().get().equals(ofLinesNamingNone));
  }

  /**
   * Returns the warning a claim's lines naming no rendering provider get when the other lines name
   * two or more NPIs, {@code claim} being the claim these were found of: the rules cannot tell
   * whose those lines are, so they judge them as a provider of their own, pairing, adding up and
   * ranking them with none of the named providers' lines. It names those lines and the NPIs, and
   * asks for each line's NPI. Empty for any other claim.
   *
   * @param claim the claim whose lines these providers are of
   * @return the warning, or empty when the lines naming no provider are not beside two or more NPIs
   */
  public Optional<String> unknownProviderWarning(Claim claim) {
    requireNonNull(claim, "claim");
    if (severalBesideNone == null) {
      return Optional.empty();
    }
    StringBuilder lines = new StringBuilder();
    int count = 0;
    int shown = 0;
    for (int i = 0; i < claim.size(); i++) {
      if (claim.line(i).renderingProvider().isEmpty()) {
        count++;
        if (shown < LISTED) {
          lines.append(shown == 0 ? "" : ", ").append(claim.lineNumber(i));
          shown++;
        }
      }
    }
    if (count > shown) {
      lines.append(" and ").append(count - shown).append(" more");
    }
    StringBuilder npis = new StringBuilder();
    int n = 0;
    for (Npi npi : severalBesideNone) {
      if (n == LISTED) {
        npis.append(" and ").append(severalBesideNone.size() - n).append(" more");
        break;
      }
      npis.append(n == 0 ? "" : n == severalBesideNone.size() - 1 ? " and " : ", ").append(npi);
      n++;
    }
    return Optional.of(
        (count == 1 ? "line " : "lines ")
            + lines
            + (count == 1 ? " names" : " name")
            + " no rendering provider beside lines of "
            + npis
            + ": whose "
            + (count == 1 ? "it is" : "they are")
            + " cannot be told, so the same-day rules (NCCI pairs and units, the surgical"
            + " ranking, bilateral pairs, add-ons, the global package, same-day visits,"
            + " critical care) judge "
            + (count == 1 ? "it" : "them")
            + " as another provider's; give each line its rendering provider's NPI");
  }

  /** The most lines, or NPIs, a warning lists. */
  private static final int LISTED = 10;

  @Override
  public String toString() {
    return ofLinesNamingNone != null
        ? "lines naming no provider are " + ofLinesNamingNone + "'s"
        : severalBesideNone != null
            ? "lines naming no provider beside " + severalBesideNone + " are unknown"
            : "lines naming no provider are the claim's own";
  }
}
