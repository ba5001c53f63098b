package io.github.cpt4j.cli.price;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where {@code cpt price} gets its {@link ClaimPricer}: the bundled data, or the full CMS files
 * named by {@code --rvu} and {@code --gpci}, each replacing its bundled counterpart. Loading
 * happens here, once, before the first line is read.
 */
@FunctionalInterface
public interface PricerSource {

  /**
   * Returns a pricer over the bundled data, with the given files in place of the bundled ones.
   *
   * @param rvu a CMS relative value file (PPRRVU), if given
   * @param gpci a CMS GPCI file, if given
   * @throws IllegalArgumentException if a file is malformed, with the file, line and column
   * @throws java.io.UncheckedIOException if a file cannot be read
   */
  ClaimPricer open(Optional<Path> rvu, Optional<Path> gpci);
}
