package io.github.cpt4j.cli.report;

import java.util.Locale;

/** The output formats: an aligned table for people, CSV and JSON for programs. */
public enum Format {
  /** Aligned columns under a header, for reading at a terminal. */
  TABLE,
  /** RFC 4180 CSV with a header row. */
  CSV,
  /** One JSON array of flat objects, one object per row. */
  JSON;

  /** Returns the lower-case name used on the command line, such as {@code csv}. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
