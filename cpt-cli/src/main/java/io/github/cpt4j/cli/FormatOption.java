package io.github.cpt4j.cli;

import io.github.cpt4j.cli.report.Format;
import picocli.CommandLine.Option;

/**
 * The {@code --format} option of the commands whose output is a table unless asked otherwise,
 * declared once and mixed into each ({@code @Mixin}).
 */
final class FormatOption {

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table (default), csv or json.")
  Format format;
}
