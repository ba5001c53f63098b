package io.github.cpt4j.cli;

import picocli.CommandLine.Option;

/**
 * The {@code --verbatim} option of the commands that copy the cells of the CSV file they read into
 * their output ({@code price --input}, {@code scrub}), declared once and mixed into each
 * ({@code @Mixin}), so that both say and do the same.
 */
final class VerbatimOption {

  @Option(
      names = "--verbatim",
      description =
          "Write CSV cells exactly as read. By default a cell that a spreadsheet would run as a "
              + "formula (one starting with =, +, - or @) gets a leading ' and control "
              + "characters (with the Unicode line separators and bidirectional controls) are "
              + "removed.")
  boolean verbatim;
}
