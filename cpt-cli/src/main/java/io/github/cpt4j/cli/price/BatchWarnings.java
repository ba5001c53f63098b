package io.github.cpt4j.cli.price;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.claim.Npi;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The warnings a batch run gives after pricing, worded once for {@code cpt price --input} and for
 * the Spark job, which reuses the batch rules and must tell its user the same things. Each message
 * comes without the {@code warning: } prefix and the program's name, which each program adds.
 */
public final class BatchWarnings {

  private BatchWarnings() {}

  /**
   * Says that {@code --practitioner NPI=TYPE} named rendering providers while the input has no
   * {@code rendering_provider} column, so that no row is of them and every row without a
   * practitioner took {@code practitioner}: {@code --practitioner NPI=TYPE names the rendering
   * provider 1234567893, and the input has no rendering_provider column: no row is of that NPI, and
   * every row without a practitioner took physician}.
   *
   * @param named the NPIs the option named, said in NPI order; not empty
   * @param practitioner the {@code --practitioner} id of the type every such row took
   * @throws IllegalArgumentException if {@code named} is empty
   */
  public static String noRenderingProviderColumn(Set<Npi> named, String practitioner) {
    requireNonNull(practitioner, "practitioner");
    // In NPI order, as --practitioner's own map is not ordered.
    SortedSet<Npi> sorted = new TreeSet<>(requireNonNull(named, "named"));
    if (sorted.isEmpty()) {
      throw new IllegalArgumentException("no NPI named");
    }
    return "--practitioner NPI=TYPE names "
        + (sorted.size() == 1 ? "the rendering provider " : "the rendering providers ")
        + String.join(", ", sorted.stream().map(Npi::toString).toList())
        + ", and the input has no rendering_provider column: no row is of "
        + (sorted.size() == 1 ? "that NPI" : "those NPIs")
        + ", and every row without a practitioner took "
        + practitioner;
  }

  /**
   * Says that {@code --practitioner NPI=TYPE} named {@code npi} and no valid row is by it, most
   * likely a mistyped NPI: {@code --practitioner 1234567885=...: no valid row is by 1234567885}.
   */
  public static String providerOfNoRow(Npi npi) {
    requireNonNull(npi, "npi");
    return "--practitioner " + npi + "=...: no valid row is by " + npi;
  }
}
