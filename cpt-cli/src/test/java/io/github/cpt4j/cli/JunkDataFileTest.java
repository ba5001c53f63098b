package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data file that is not CSV at all is refused in the project's words, naming the file, line and
 * field: the message used to quote the CSV parser's ("Exception when reading record that started in
 * line ...").
 */
class JunkDataFileTest {

  @Test
  void aJunkGpciFileIsRefusedNamingLineAndField(@TempDir Path dir) throws IOException {
    Path junk = Files.write(dir.resolve("junk.csv"), new byte[] {'x', '\n', '"', 'a', '"', 'b'});
    for (String option : List.of("--gpci", "--rvu", "--opps-cap", "--clfs", "--asp", "--mue")) {
      Cli.Result r =
          Cli.run("price", "99213", "-z", "10001", "-d", "2025-06-01", option, junk.toString());
      assertEquals(2, r.status(), r::toString);
      assertEquals(
          List.of(
              "cpt price: junk.csv, line 2, column 1: expected a comma or the end of the line"
                  + " after the closing quote of field 1, found 'b' (U+0062) at character 4 of"
                  + " the line"),
          r.errLines(),
          option);
    }
  }
}
