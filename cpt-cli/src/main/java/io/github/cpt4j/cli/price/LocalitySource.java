package io.github.cpt4j.cli.price;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Where {@code cpt localities} gets its table: the bundled GPCIs or a CMS GPCI file. */
@FunctionalInterface
public interface LocalitySource {

  /**
   * Returns every locality, ordered by state, then MAC, then locality number.
   *
   * @param gpci a CMS GPCI file to read instead of the bundled table, if given
   * @throws IllegalArgumentException if the file is malformed, with the file, line and column
   * @throws java.io.UncheckedIOException if the file cannot be read
   */
  List<LocalityInfo> localities(Optional<Path> gpci);
}
