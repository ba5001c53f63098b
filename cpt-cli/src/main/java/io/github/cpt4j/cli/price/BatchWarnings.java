package io.github.cpt4j.cli.price;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.claim.Npi;
import io.github.cpt4j.fee.medicare.Locality;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
   * Returns what a batch run says of {@code --practitioner NPI=TYPE} once its rows are read:
   * without a {@code rendering_provider} column, that no row is of the NPIs named ({@link
   * #noRenderingProviderColumn}); with one, each NPI named that no valid row is by, in NPI order
   * ({@link #providerOfNoRow}), most likely mistyped. Nothing when the option named no NPI.
   *
   * @param named the NPIs the option named
   * @param renderingProviderColumn whether the input has a {@code rendering_provider} column
   * @param namedByRows the NPIs of {@code named} that a valid row named
   * @param practitioner the {@code --practitioner} id of the type the rows without one took
   */
  public static List<String> ofPractitioners(
      Set<Npi> named, boolean renderingProviderColumn, Set<Npi> namedByRows, String practitioner) {
    requireNonNull(namedByRows, "namedByRows");
    if (requireNonNull(named, "named").isEmpty()) {
      return List.of();
    }
    if (!renderingProviderColumn) {
      return List.of(noRenderingProviderColumn(named, practitioner));
    }
    List<String> warnings = new ArrayList<>();
    // In NPI order, as --practitioner's own map is not ordered.
    for (Npi npi : new TreeSet<>(named)) {
      if (!namedByRows.contains(npi)) {
        warnings.add(providerOfNoRow(npi));
      }
    }
    return warnings;
  }

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
  private static String noRenderingProviderColumn(Set<Npi> named, String practitioner) {
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
  private static String providerOfNoRow(Npi npi) {
    requireNonNull(npi, "npi");
    return "--practitioner " + npi + "=...: no valid row is by " + npi;
  }

  /**
   * Says that {@code rows} rows (at least one) were priced in the locality of a ZIP code that CMS
   * splits between payment localities and prices by its ZIP+4, which cpt4j does not read: the ZIP
   * code's five-digit row gives one of its localities (CMS's ZIP code to carrier locality file
   * flags such codes), which may not be the one the service was performed in.
   */
  public static String splitZipRows(long rows) {
    return String.format(
        Locale.ROOT,
        "%,d %s a ZIP code that CMS splits between payment localities and prices by its ZIP+4,"
            + " which cpt4j does not read: priced in the locality of its five-digit row; give a"
            + " locality column (or --locality) for those rows",
        rows,
        rows == 1 ? "row has" : "rows have");
  }

  /**
   * Says that CMS splits {@code zip}, given as {@code --zip}, between payment localities and prices
   * it by its ZIP+4, so that the rows it places were priced in {@code locality}, that of its
   * five-digit row: {@code CMS splits ZIP code 35958 between payment localities and prices it by
   * its ZIP+4, which cpt4j does not read: priced in 10112-00, the locality of its five-digit row;
   * give --locality if the place is in another}.
   *
   * @param zip the five digits of the ZIP code
   */
  public static String splitZipOption(String zip, Locality locality) {
    return "CMS splits ZIP code "
        + requireNonNull(zip, "zip")
        + " between payment localities and prices it by its ZIP+4, which cpt4j does not read:"
        + " priced in "
        + requireNonNull(locality, "locality")
        + ", the locality of its five-digit row; give --locality if the place is in another";
  }
}
