package io.github.cpt4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cpt help [COMMAND]}: prints what {@code cpt COMMAND --help} prints, or alone what {@code
 * cpt --help} prints.
 *
 * <p>Ours rather than picocli's {@code HelpCommand}, which takes any number of words and shows the
 * first one's help: {@code cpt help lookup price} showed lookup's help without a word about price.
 * Here a second word is a usage error, as it is for every other command that takes one. Not a
 * picocli "help command" either ({@code helpCommand = true}): picocli skips checking the arguments
 * of such a command, which let the second word through.
 */
@Command(
    name = "help",
    description = "Show the help of a command, as cpt COMMAND --help does; alone, cpt's help.")
final class HelpCommand implements Runnable {

  @Spec private CommandSpec spec;

  @Parameters(
      arity = "0..1",
      paramLabel = "COMMAND",
      description = "The command to show the help of, such as price.")
  private String command;

  @Override
  public void run() {
    CommandLine cpt = spec.commandLine().getParent();
    CommandLine shown = cpt;
    if (command != null) {
      shown = cpt.getSubcommands().get(command);
      if (shown == null) {
        throw new ParameterException(cpt, "Unknown subcommand '" + command + "'.");
      }
    }
    shown.usage(spec.commandLine().getOut());
  }
}
