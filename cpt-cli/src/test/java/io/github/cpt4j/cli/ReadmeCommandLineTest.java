package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the console examples of the README's "Command line" section and checks that the output shown
 * is the output produced, so that the README cannot drift from the tool.
 */
class ReadmeCommandLineTest {

  private static final String JAR = "java -jar cpt-cli/target/cpt.jar ";
  private static final Pattern PRINTF = Pattern.compile("printf '([^']*)' \\| (.*)");

  @TempDir Path dir;

  @Test
  void consoleExamplesShowWhatTheToolPrints() throws IOException {
    List<List<String>> blocks = consoleBlocks();
    assertTrue(blocks.size() >= 3, "console examples found: " + blocks.size());
    int commands = 0;
    for (List<String> block : blocks) {
      String stdin = "";
      for (int i = 0; i < block.size(); i++) {
        String line = block.get(i);
        if (!line.startsWith("$ ")) {
          continue;
        }
        String command = line.substring(2);
        List<String> expected = new ArrayList<>();
        for (int j = i + 1; j < block.size() && !block.get(j).startsWith("$ "); j++) {
          expected.add(block.get(j));
        }
        if (command.startsWith("cat ")) {
          // The file's content is shown: write it for the commands that follow.
          Files.writeString(
              dir.resolve(command.substring(4).strip()), String.join("\n", expected) + "\n");
          continue;
        }
        Matcher printf = PRINTF.matcher(command);
        if (printf.matches()) {
          stdin = printf.group(1).replace("\\n", "\n");
          command = printf.group(2);
        }
        assertTrue(command.startsWith(JAR), command);
        // The examples are written without quotes, so that splitting on spaces reads them.
        String[] args = command.substring(JAR.length()).split(" ");
        for (int k = 0; k < args.length; k++) {
          if (Files.exists(dir.resolve(args[k]))) {
            args[k] = dir.resolve(args[k]).toString();
          }
        }
        Cli.Result r = Cli.runWithInput(stdin.getBytes(StandardCharsets.UTF_8), args);
        assertEquals(expected, r.outLines(), () -> "README example: " + line + "\n" + r);
        commands++;
      }
    }
    assertTrue(commands >= 3, "commands checked: " + commands);
  }

  private static List<List<String>> consoleBlocks() throws IOException {
    Path readme = Path.of("..", "README.md");
    List<String> lines = Files.readAllLines(readme);
    int start = lines.indexOf("## Command line");
    assertTrue(start >= 0, "no Command line section in " + readme.toAbsolutePath());
    List<List<String>> blocks = new ArrayList<>();
    List<String> block = null;
    for (String line : lines.subList(start + 1, lines.size())) {
      if (line.startsWith("## ")) {
        break;
      }
      if (line.equals("```console")) {
        block = new ArrayList<>();
      } else if (line.equals("```") && block != null) {
        blocks.add(block);
        block = null;
      } else if (block != null) {
        block.add(line);
      }
    }
    return blocks;
  }
}
