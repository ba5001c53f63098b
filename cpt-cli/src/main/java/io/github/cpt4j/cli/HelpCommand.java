package io.github.cpt4j.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code cpt help [COMMAND]}: prints what {@code cpt COMMAND --help} prints, or alone what {@code
 * cpt --help} prints.
 *
 * <p>Ours rather than picocli's {@code HelpCommand}, which takes any number of words and shows the
 * first one's help: {@code cpt help lookup price} showed lookup's help without a word about price.
 * Here a second word is a usage error, as it is for every other command that takes one. Not a
 * picocli "help command" either ({@code helpCommand = true}): picocli skips checking the arguments
 * of such a command, which let the second word through.
 *
 * <p>A word that names no command is told as {@code cpt bogus} tells it, with its index among the
 * arguments and picocli's guess at the command meant: {@code cpt: Unmatched argument at index 1:
 * 'pricee'; did you mean price? (see 'cpt --help')}.
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
        throw new UnknownCommand(cpt, command);
      }
    }
    shown.usage(spec.commandLine().getOut());
  }

  /**
   * {@code cpt}'s unmatched argument, {@code command}, at its index among the arguments (after
   * {@code @file} expansion, as picocli counts them): picocli's own message counts from where its
   * parse of {@code cpt} stopped, which is over by the time {@code help} runs, and said "index
   * 2147483647". Its guesses are picocli's, from {@code cpt}'s commands.
   */
  private static final class UnknownCommand extends UnmatchedArgumentException {
    private static final long serialVersionUID = 1L;

    private final String message;

    UnknownCommand(CommandLine cpt, String command) {
      super(cpt, List.of(command));
      // The last occurrence: help takes one word, after its options and any --, as the last one.
      int index = cpt.getParseResult().expandedArgs().lastIndexOf(command);
      this.message = "Unmatched argument at index " + index + ": '" + command + "'";
    }

    @Override
    public String getMessage() {
      return message;
    }
  }
}
