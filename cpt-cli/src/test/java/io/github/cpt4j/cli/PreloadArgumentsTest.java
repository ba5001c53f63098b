package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The launcher's guess of the files a price command names, made before picocli parses the command
 * line so that they are read meanwhile: it must find them as picocli does in the usual spellings
 * (anything else only costs the preload, as the command compares the guess with what it parsed).
 */
class PreloadArgumentsTest {

  @Test
  void findsAFileGivenAsTheNextArgumentOrAfterAnEqualsSign() {
    String[] args = {"price", "--input", "in.csv", "--rvu", "a/rvu.csv", "--gpci=g.csv"};
    assertEquals(Optional.of(Path.of("a/rvu.csv")), Main.fileNamed(args, "--rvu"));
    assertEquals(Optional.of(Path.of("g.csv")), Main.fileNamed(args, "--gpci"));
    assertEquals(Optional.empty(), Main.fileNamed(args, "--opps-cap"));
  }

  @Test
  void theLastOfTwoIsTheGuess() {
    String[] args = {"price", "--rvu", "first.csv", "--rvu=second.csv"};
    assertEquals(Optional.of(Path.of("second.csv")), Main.fileNamed(args, "--rvu"));
  }

  @Test
  void anOptionWithoutAValueOrWithAnotherNameIsNotAFile() {
    assertEquals(Optional.empty(), Main.fileNamed(new String[] {"price", "--rvu"}, "--rvu"));
    assertEquals(
        Optional.empty(), Main.fileNamed(new String[] {"price", "--rvux", "f.csv"}, "--rvu"));
    assertEquals(Optional.empty(), Main.fileNamed(new String[] {"price", "--rvu=a\0b"}, "--rvu"));
  }
}
