package io.github.cpt4j.cli.price;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.claim.Npi;
import io.github.cpt4j.fee.medicare.Locality;
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
