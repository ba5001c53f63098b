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
 * read as a {@link Path}.
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

  /** Reads an option whose value is a {@link Path}, such as {@code --rvu} or {@code --cms-dir}. */
  static final class PathConverter implements ITypeConverter<Path> {
    @Override
    public Path convert(String value) {
      if (value.isEmpty()) {
        throw new TypeConversionException("the value is empty: expected a file or directory name");
      }
      try {
        return Path.of(value);
      } catch (InvalidPathException e) {
        throw new TypeConversionException(
            CodeFormatException.quote(value) + " is not a file name: " + e.getReason());
      }
    }
  }
}
