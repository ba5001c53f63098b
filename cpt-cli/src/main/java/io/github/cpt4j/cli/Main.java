package io.github.cpt4j.cli;

import io.github.cpt4j.cli.price.MedicareData;
import io.github.cpt4j.cli.price.PractitionerChoice;
import io.github.cpt4j.cli.price.Practitioners;
import io.github.cpt4j.cli.price.PricingData;
import io.github.cpt4j.cli.price.PricingData.CmsFiles;
import io.github.cpt4j.cli.price.Settings;
import io.github.cpt4j.cli.price.ZipCode;
import io.github.cpt4j.cli.report.Format;
import io.github.cpt4j.cli.report.OutputClosedException;
import io.github.cpt4j.cli.report.OutputFailedException;
import io.github.cpt4j.cli.report.StandardOutput;
import io.github.cpt4j.cli.report.VisibleText;
import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.data.BundledData;
import io.github.cpt4j.fee.PractitionerType;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.PlaceOfService;
import io.github.cpt4j.text.WhiteSpace;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.MaxValuesExceededException;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.MutuallyExclusiveArgsException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The entry point of {@code cpt.jar}. It wires the commands to the process's streams and turns
 * every failure into one line on standard error and an {@linkplain ExitStatus exit status}.
 *
 * <pre>
 * java -jar cpt.jar lookup 99213
 * java -jar cpt.jar validate codes.txt --format json
 * </pre>
 *
 * <p>Results go to standard output in UTF-8, buffered, flushed after each result only when a person
 * is watching; messages go to standard error.
 */
public final class Main {

  private Main() {}

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    MedicareData data = new MedicareData();
    preload(args, data);
    boolean interactive = Terminal.isInteractive();
    PrintWriter out = StandardOutput.over(new FileOutputStream(FileDescriptor.out), interactive);
    PrintWriter err =
        new PrintWriter(new OutputStreamWriter(System.err, Charset.defaultCharset()), true);
    int status = run(args, Inputs.standardInput(), out, err, interactive, data);
    out.flush();
    err.flush();
    System.exit(status);
  }

  /**
   * Starts loading the bundled tables that {@code args}' command will read, on a second thread,
   * while this one builds the command line: at start-up both are mostly the interpreter running
   * cold code, so on two cores they overlap instead of adding up. Only {@code lookup} and {@code
   * price}: without data files of its own, the bundled tables, which are memoized, so the command
   * waits for a table still loading and never loads one twice (a failure here is dropped: the
   * command then loads the table itself and reports the error as usual); with files (not {@code
   * --cms-dir}), those files through {@link MedicareData#preload}.
   */
  static void preload(String[] args, MedicareData data) {
    String command = commandNamed(args);
    if ("lookup".equals(command)) {
      // The code set is left to the command, which reads it first.
      preload(BundledData::medicareFeeSchedule);
      // The command's Part B router waits for the one above; its other schedules need not.
      preload(
          BundledData::dmeposZips,
          BundledData::clinicalLabFeeSchedule,
          BundledData::dmeposFeeSchedule,
          BundledData::aspFeeSchedule,
          LookupCommand::router);
    } else if ("price".equals(command) && !namesDataFiles(args)) {
      preload(BundledData::medicareReleases, BundledData::zipLocalities);
      preload(
          BundledData::dmeposZips,
          BundledData::clinicalLabFeeSchedule,
          BundledData::dmeposFeeSchedule,
          BundledData::aspFeeSchedule);
    } else if ("price".equals(command) && !names(args, "--cms-dir")) {
      // Files of its own, as a batch run with --rvu and --gpci: the files and the other Part B
      // schedules are read on two threads while this one builds the command line. The command
      // takes them if picocli reads the same files from args, and reads its own otherwise.
      data.preload(
          new CmsFiles(
              fileNamed(args, "--rvu"),
              fileNamed(args, "--gpci"),
              fileNamed(args, "--opps-cap"),
              fileNamed(args, "--clfs"),
              fileNamed(args, "--dmepos"),
              fileNamed(args, "--dme-rural-zips"),
              fileNamed(args, "--asp")));
    }
  }

  /**
   * The file {@code args} give for {@code option}, as {@code --opt file} or {@code --opt=file}: the
   * last one, as picocli takes it; empty if none, or if the option ends the arguments. Only a guess
   * for preloading: the command compares it with what picocli read.
   */
  static Optional<Path> fileNamed(String[] args, String option) {
    String found = null;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals(option) && i + 1 < args.length) {
        found = args[i + 1];
      } else if (args[i].startsWith(option + "=")) {
        found = args[i].substring(option.length() + 1);
      }
    }
    try {
      return Optional.ofNullable(found).map(Path::of);
    } catch (InvalidPathException e) {
      return Optional.empty(); // picocli reports it
    }
  }

  /**
   * Tells whether {@code args} give any of {@code options}, as {@code --opt value} or {@code
   * --opt=value}.
   */
  private static boolean names(String[] args, String... options) {
    for (String arg : args) {
      String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      if (List.of(options).contains(option)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Runs {@code loads} in order on a daemon thread of their own. Two such threads: the Physician
   * Fee Schedule's tables and the other Part B schedules' take about as long each.
   */
  private static void preload(Runnable... loads) {
    Thread loader =
        new Thread(
            () -> {
              try {
                for (Runnable load : loads) {
                  load.run();
                }
              } catch (RuntimeException | Error e) {
                // The command loads it again and says what is wrong.
              }
            },
            "cpt-preload");
    loader.setDaemon(true);
    loader.start();
  }

  /** Tells whether {@code args} give data files that replace the bundled tables. */
  private static boolean namesDataFiles(String[] args) {
    for (String arg : args) {
      String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      switch (option) {
        case "--rvu",
            "--gpci",
            "--opps-cap",
            "--clfs",
            "--dmepos",
            "--dme-rural-zips",
            "--asp",
            "--cms-dir" -> {
          return true;
        }
        default -> {
          // not a data file
        }
      }
    }
    return false;
  }

  /**
   * Runs the command line with the given streams and returns the exit status; never throws and
   * never exits, so that tests can call it.
   *
   * @param data what the price and localities commands price with and list
   */
  static int run(
      String[] args,
      InputStream stdin,
      PrintWriter out,
      PrintWriter err,
      boolean interactive,
      PricingData data) {
    return run(args, new CptCommand(stdin, interactive), out, err, data);
  }

  /**
   * {@link #run(String[], InputStream, PrintWriter, PrintWriter, boolean, PricingData)} of {@code
   * top}.
   */
  static int run(
      String[] args, CptCommand top, PrintWriter out, PrintWriter err, PricingData data) {
    int status;
    CommandLine commandLine = null;
    try {
      commandLine = commandLine(top, data, args);
      commandLine.setOut(out);
      commandLine.setErr(err);
      status = commandLine.execute(args);
    } catch (Error e) {
      // picocli hands on Errors (out of memory, a stack overflow): one line all the same.
      status = fatal(e, err);
    }
    out.flush();
    // A command that wrote its results without looking: a full disk, or a reader that went away,
    // must not pass for success.
    if (status != ExitStatus.TROUBLE && out.checkError()) {
      IOException failure =
          out instanceof StandardOutput stdout && stdout.failedForReal()
              ? new OutputFailedException("standard output", stdout.failure().orElseThrow())
              : new OutputClosedException();
      err.println(commandName(commandLine) + ": " + errorLine(failure.getMessage()));
      status = ExitStatus.TROUBLE;
    }
    err.flush();
    return status;
  }

  /**
   * Returns the name of the command that ran, such as {@code cpt lookup}, as its other errors are
   * prefixed; {@code cpt} when no command was parsed.
   */
  private static String commandName(CommandLine commandLine) {
    if (commandLine == null || commandLine.getParseResult() == null) {
      return "cpt";
    }
    ParseResult parsed = commandLine.getParseResult();
    while (parsed.hasSubcommand()) {
      parsed = parsed.subcommand();
    }
    return parsed.commandSpec().qualifiedName();
  }

  /** Says in one line that the process cannot go on; {@code e}'s text may itself be long. */
  private static int fatal(Error e, PrintWriter err) {
    String what =
        e instanceof OutOfMemoryError
            ? "out of memory (" + e.getMessage() + "); give Java more with -Xmx, or less input"
            : "internal error: " + e.getClass().getName();
    err.println("cpt: " + what);
    err.flush();
    return ExitStatus.TROUBLE;
  }

  /** Returns the configured command line for {@code top}, with the failure handlers. */
  static CommandLine commandLine(CptCommand top, PricingData data) {
    return commandLine(top, data, new String[0]);
  }

  /**
   * Returns the configured command line for {@code top} and the command {@code arguments} name:
   * when the first argument that is not one of {@code cpt}'s own options names a command, that
   * command alone, else all of them (for {@code cpt --help}, {@code cpt help lookup}, a misspelt
   * command and its suggestions). Picocli builds each command's model by reflection over its
   * annotations when it is added, which was the largest share of the start-up of {@code cpt lookup
   * 99213}.
   */
  static CommandLine commandLine(CptCommand top, PricingData data, String[] arguments) {
    CommandLine commandLine = new CommandLine(top);
    // Added here rather than in @Command: price and localities take their data as an argument.
    String only = commandNamed(arguments);
    if (only == null || only.equals("lookup")) {
      commandLine.addSubcommand(new LookupCommand());
    }
    if (only == null || only.equals("price")) {
      commandLine.addSubcommand(new PriceCommand(data));
    }
    if (only == null || only.equals("localities")) {
      commandLine.addSubcommand(new LocalitiesCommand(data));
    }
    if (only == null || only.equals("data")) {
      commandLine.addSubcommand(new DataCommand(data));
    }
    if (only == null || only.equals("validate")) {
      commandLine.addSubcommand(new ValidateCommand());
    }
    if (only == null || only.equals("scrub")) {
      commandLine.addSubcommand(new ScrubCommand());
    }
    if (only == null) {
      // cpt help COMMAND prints what cpt COMMAND --help prints.
      commandLine.addSubcommand(new HelpCommand());
    }
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.registerConverter(Format.class, new FormatConverter());
    commandLine.registerConverter(Path.class, new FileNameConverter.PathConverter());
    registerValueConverters(commandLine);
    Handlers handlers = new Handlers(top);
    commandLine.setParameterExceptionHandler(handlers);
    commandLine.setExecutionExceptionHandler(handlers);
    return commandLine;
  }

  // picocli's converters and handlers are classes here, not lambdas: picocli is compiled for Java
  // 5, and a lambda implementing one of its interfaces makes the class-data sharing dump link that
  // interface, after which the dump leaves it, and the 30-odd classes of picocli implementing it,
  // out of the archive ("Old class has been linked"); they were read from the jar at every start.

  /** Reports usage errors and failures in one line, with the stack trace under --debug. */
  private static final class Handlers
      implements IParameterExceptionHandler, IExecutionExceptionHandler {
    private final CptCommand top;

    Handlers(CptCommand top) {
      this.top = top;
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
      return usageError(e, args, top.debug());
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
      return failure(e, cmd, top.debug());
    }
  }

  /**
   * The value of an option as its converter reads it: without the white space at either end ({@link
   * WhiteSpace}: blanks, line breaks, Unicode spaces). One rule for every option value, whatever
   * its parser strips: a value read from a file with Windows line ends in a shell loop ends in a
   * carriage return, which {@code --zip} and {@code --date} took and {@code --locality}, {@code
   * --pos} and {@code --practitioner} refused. File names are not values: they are taken as given.
   */
  static String optionValue(String value) {
    return WhiteSpace.strip(value);
  }

  /** Reads a {@code --format} value ({@link #format}). */
  private static final class FormatConverter implements ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
      return format(optionValue(value));
    }
  }

  /** Reads a date option ({@link PriceCommand#date}). */
  private static final class DateConverter implements ITypeConverter<LocalDate> {
    @Override
    public LocalDate convert(String value) {
      return PriceCommand.date(optionValue(value));
    }
  }

  /** A converter that reports a parser's IllegalArgumentException as a bad option value. */
  private static final class Parsing<T> implements ITypeConverter<T> {
    private final Function<String, T> parser;

    Parsing(Function<String, T> parser) {
      this.parser = parser;
    }

    @Override
    public T convert(String value) {
      try {
        return parser.apply(optionValue(value));
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /**
   * Returns the command that {@code args} run, when it is one that needs no other: the first
   * argument that is not one of the top command's options ({@code --debug}, {@code --help}, {@code
   * --version}); null otherwise.
   */
  private static String commandNamed(String[] args) {
    for (String arg : args) {
      if (!arg.equals("--debug")) {
        return switch (arg) {
          case "lookup", "price", "localities", "data", "validate", "scrub" -> arg;
          default -> null;
        };
      }
    }
    return null;
  }

  /**
   * Registers one converter per value type the pricing options read (ZIP code, locality, setting,
   * place of service, practitioner, date), instead of a converter class per option: the value
   * types' own parsers, their {@code IllegalArgumentException} made picocli's. Public so that other
   * command lines over the same options, such as the Spark job's, read them alike.
   *
   * @return {@code commandLine}
   */
  public static CommandLine registerValueConverters(CommandLine commandLine) {
    commandLine.registerConverter(ZipCode.class, parsing(ZipCode::parse));
    commandLine.registerConverter(Locality.class, parsing(Locality::parse));
    commandLine.registerConverter(Setting.class, parsing(Settings::parse));
    commandLine.registerConverter(PlaceOfService.class, parsing(PlaceOfService::parse));
    commandLine.registerConverter(PractitionerType.class, parsing(Practitioners::parse));
    commandLine.registerConverter(PractitionerChoice.class, parsing(PractitionerChoice::parse));
    commandLine.registerConverter(LocalDate.class, new DateConverter());
    return commandLine;
  }

  /** A converter that reports a parser's IllegalArgumentException as a bad option value. */
  private static <T> ITypeConverter<T> parsing(Function<String, T> parser) {
    return new Parsing<>(parser);
  }

  /** Reads a {@code --format} value; picocli's own message would list the constants' names. */
  private static Format format(String value) {
    for (Format format : Format.values()) {
      if (format.toString().equalsIgnoreCase(value)) {
        return format;
      }
    }
    throw new TypeConversionException(
        "expected table, csv or json, not " + CodeFormatException.quote(value));
  }

  /** A usage error: bad option, bad value, missing argument. One line, the help hint, status 2. */
  private static int usageError(ParameterException e, String[] args, boolean debug) {
    CommandLine cmd = e.getCommandLine();
    Optional<String> asked = helpAsked(cmd, args);
    if (asked.isPresent()) {
      // cpt price --zip 1 --help: picocli converts --zip's value before it reaches --help, and a
      // script that adds --help to its usual options must get the help, not an error about them.
      if (asked.get().equals("--help")) {
        cmd.usage(cmd.getOut());
      } else {
        cmd.printVersionHelp(cmd.getOut());
      }
      cmd.getOut().flush();
      return ExitStatus.OK;
    }
    PrintWriter err = cmd.getErr();
    if (debug) {
      e.printStackTrace(err);
    }
    String name = cmd.getCommandSpec().qualifiedName();
    String message = quoteArguments(e.getMessage(), args);
    if (e instanceof MutuallyExclusiveArgsException || e instanceof MaxValuesExceededException) {
      message = exclusiveGroupMessage(cmd.getCommandSpec(), args).orElse(message);
    }
    StringBuilder line = new StringBuilder(name).append(": ").append(errorLine(message));
    if (e instanceof UnmatchedArgumentException) {
      List<String> suggestions = ((UnmatchedArgumentException) e).getSuggestions();
      if (!suggestions.isEmpty()) {
        line.append("; did you mean ").append(String.join(" or ", suggestions)).append('?');
      }
    }
    line.append(" (see '").append(name).append(" --help')");
    err.println(line);
    err.flush();
    return ExitStatus.TROUBLE;
  }

  /**
   * Returns {@code --help} or {@code --version} when {@code args} ask {@code cmd}, the command
   * whose arguments failed to parse, for its help or version ({@code -h}, {@code --help}, {@code
   * -V}, {@code --version}, before any {@code --}): the first asked wins, as picocli answers a run
   * without errors. Empty when they ask for neither, or when {@code cmd} has no such option ({@code
   * cpt help -x}).
   */
  private static Optional<String> helpAsked(CommandLine cmd, String[] args) {
    CommandSpec spec = cmd.getCommandSpec();
    // Only the arguments after the failing command's name: cpt --help is cpt's own.
    int from = 0;
    if (cmd.getParent() != null) {
      from = args.length;
      for (int i = 0; i < args.length; i++) {
        if (args[i].equals(spec.name())) {
          from = i + 1;
          break;
        }
      }
    }
    for (int i = from; i < args.length && !args[i].equals("--"); i++) {
      for (OptionSpec option : spec.options()) {
        if (List.of(option.names()).contains(args[i])) {
          if (option.usageHelp()) {
            return Optional.of("--help");
          }
          if (option.versionHelp()) {
            return Optional.of("--version");
          }
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Returns picocli's {@code message} with each argument it quotes as given ({@code 'x'}) quoted as
   * cpt4j's own messages quote input ({@link CodeFormatException#quote}): escaped and cut short, so
   * that an unknown option or stray argument holding a terminal escape, a line break or 100,000
   * characters leaves the message one short line and reaches standard error harmless.
   */
  private static String quoteArguments(String message, String[] args) {
    if (message == null) {
      return null;
    }
    String quoted = message;
    for (String arg : args) {
      String raw = "'" + arg + "'";
      String safe = CodeFormatException.quote(arg);
      if (!raw.equals(safe)) {
        quoted = quoted.replace(raw, safe);
      }
    }
    return quoted;
  }

  /**
   * Says in the words the other options get what is wrong with the options of an exclusive group
   * ({@code --zip | --locality}, {@code --setting | --pos}) in {@code args}: one of them given
   * twice, or two of them together. Picocli's messages name the group by its synopsis ({@code
   * expected only one match but got [-z=ZIP | -l=MAC-LOC]={--zip=10001} and ...}). Empty when
   * {@code args} show neither.
   */
  private static Optional<String> exclusiveGroupMessage(CommandSpec spec, String[] args) {
    for (ArgGroupSpec group : spec.argGroups()) {
      if (!group.exclusive()) {
        continue;
      }
      List<String> given = new ArrayList<>();
      for (String arg : args) {
        if (arg.equals("--")) {
          break; // the rest are positional
        }
        for (OptionSpec option : group.options()) {
          if (names(option, arg)) {
            String longest = option.longestName();
            if (given.contains(longest)) {
              return Optional.of("option '" + longest + "' should be specified only once");
            }
            given.add(longest);
          }
        }
      }
      if (given.size() > 1) {
        // In the group's order, as its synopsis and --help list them.
        List<String> named = new ArrayList<>();
        for (OptionSpec option : group.options()) {
          if (given.contains(option.longestName())) {
            named.add(option.longestName());
          }
        }
        return Optional.of("give " + String.join(" or ", named) + ", not both");
      }
    }
    return Optional.empty();
  }

  /** Tells whether {@code arg} gives {@code option}: its name, with {@code =value} or without. */
  private static boolean names(OptionSpec option, String arg) {
    for (String name : option.names()) {
      if (arg.equals(name) || arg.startsWith(name + "=")) {
        return true;
      }
    }
    return false;
  }

  /** A failure while running: the user's (a missing file) or ours (a bug). One line, status 2. */
  private static int failure(Exception e, CommandLine cmd, boolean debug) {
    PrintWriter err = cmd.getErr();
    if (!(e instanceof OutputClosedException)) {
      cmd.getOut().flush(); // results printed so far come before the message
    }
    if (debug) {
      e.printStackTrace(err);
    }
    String name = cmd.getCommandSpec().qualifiedName();
    String message;
    // An OutputFailedException's message names the output and says why, in the user's words
    // (validate finds a full disk while it still reads): no internal error.
    if (e instanceof CliException
        || e instanceof OutputClosedException
        || e instanceof OutputFailedException) {
      message = e.getMessage();
    } else if (e instanceof UncheckedIOException) {
      message = "input/output error: " + e.getCause().getMessage();
    } else {
      message = "internal error: " + e + (debug ? "" : " (run again with --debug to see where)");
    }
    err.println(name + ": " + errorLine(message));
    err.flush();
    return ExitStatus.TROUBLE;
  }

  /**
   * Returns {@code message} as an error line shows it: one line, as {@link #oneLine} makes it, its
   * control characters {@linkplain VisibleText escaped}. The library's messages name a file raw
   * ({@code FILE, line 3, column 5: ...}), so a name holding an escape sequence acted on the
   * terminal.
   */
  static String errorLine(String message) {
    return VisibleText.of(oneLine(message));
  }

  /** Folds line breaks so that the message stays the promised single line. */
  static String oneLine(String message) {
    return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
