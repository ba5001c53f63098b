package io.github.cpt4j.data;

import io.github.cpt4j.fee.medicare.pfs.RvuEntry;
import io.github.cpt4j.fee.medicare.pfs.RvuTable;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows a qualifying APM participant is priced from when CMS publishes a relative value file for
 * each conversion factor (from 2026): the QPP file's, each of which CMS scaled to its factor where
 * it matters (the OPPS columns of capped imaging rows).
 */
final class QualifyingApmRows {

  private QualifyingApmRows() {}

  /**
   * Returns the rows of {@code qpp}, with those of {@code all} (the non-QPP file's) that it lacks.
   * Whole CMS files hold the same rows, and then this is {@code qpp} itself; extracts of the two
   * may hold different codes (CMS's 2026 subsets do), and a code one extract lacks is priced from
   * the other's row, whose relative values are the same, rather than refused for one kind of
   * provider alone.
   */
  static RvuTable of(RvuTable qpp, RvuTable all) {
    List<RvuEntry> missing = new ArrayList<>();
    for (RvuEntry entry : all.all()) {
      if (qpp.find(entry.code(), entry.rowModifier()).isEmpty()) {
        missing.add(entry);
      }
    }
    if (missing.isEmpty()) {
      return qpp;
    }
    List<RvuEntry> rows = new ArrayList<>(qpp.all());
    rows.addAll(missing);
    RvuTable merged = RvuTable.of(rows);
    if (qpp.release().isPresent()) {
      merged = merged.withRelease(qpp.release().get());
    } else if (qpp.year().isPresent()) {
      merged = merged.withYear(qpp.year().get());
    }
    return qpp.isSubset() || all.isSubset() ? merged.asSubset() : merged;
  }
}
