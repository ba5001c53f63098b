package io.github.cpt4j.cli;

import io.github.cpt4j.code.CodeFormatException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads the value of an option that names a file as given ({@code --input}, {@code --output},
 * {@code validate}'s {@code FILE}, where {@code -} is standard input or output), refusing an empty
 * value: a script's unset variable ({@code --input "$IN"}) otherwise named the current directory,
 * and the run failed with "it is a directory", or, for {@code --cms-dir}, read whatever CMS files
 * the current directory held without a word. {@link PathConverter} does the same for the options
 * read as a {@link Path} that name a file, and {@link DirectoryConverter} for those naming a
 * directory, so that each empty value is told which of the two its option takes.
 */
final class FileNameConverter implements ITypeConverter<String> {

  /** The message of an empty value, after picocli's "Invalid value for option '--input': ". */
  static final String EMPTY = "the value is empty: expected a file name";

  /** Creates the converter; picocli makes it for each option that names it. */
  FileNameConverter() {}

  @Override
  public String convert(String value) {
    if (value.isEmpty()) {
      throw new TypeConversionException(EMPTY);
    }
    return value;
  }

  /**
   * Reads an option whose value is a {@link Path} naming a file, such as {@code --rvu} or {@code
   * --ptp}: registered for every {@link Path} option, so that an option names a file unless it says
   * otherwise.
   */
  static class PathConverter implements ITypeConverter<Path> {

    /** What the option names, for messages: {@code "file name"}. */
    private final String expected;

    /** Creates the converter of an option naming a file. */
    PathConverter() {
      this("file name");
    }

    private PathConverter(String expected) {
      this.expected = expected;
    }

    @Override
    public Path convert(String value) {
      if (value.isEmpty()) {
        throw new TypeConversionException("the value is empty: expected a " + expected);
      }
      try {
        return Path.of(value);
      } catch (InvalidPathException e) {
        throw new TypeConversionException(
            CodeFormatException.quote(value) + " is not a " + expected + ": " + e.getReason());
      }
    }
  }

  /**
   * Reads an option whose value names a directory, {@code --cms-dir}: an empty value is told that a
   * directory is expected, where the options naming a file are told a file is.
   */
  static final class DirectoryConverter extends PathConverter {

    /** Creates the converter; picocli makes it for each option that names it. */
    DirectoryConverter() {
      super("directory name");
    }
  }
}
