package io.github.cpt4j.moduletest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The BOM manages every module that is deployed, at the project's version: it has no parent, on
 * purpose, so nothing else keeps it in step when a module is added or the version changes. Read
 * from the build's own files (the tests run in this module's directory, beside the others).
 */
class BomTest {

  private static final Path ROOT = Path.of("..");

  private static String read(String file) throws IOException {
    return Files.readString(ROOT.resolve(file));
  }

  /** The first {@code <version>} of a POM after its {@code artifactId}, its own. */
  private static String ownVersion(String pom, String artifactId) {
    Matcher m =
        Pattern.compile(
                "<artifactId>" + Pattern.quote(artifactId) + "</artifactId>\\s*<version>([^<]+)<")
            .matcher(pom);
    assertTrue(m.find(), "no version after " + artifactId);
    return m.group(1);
  }

  /** The modules the parent lists that are deployed, in its order, without the BOM itself. */
  private static List<String> deployedModules() throws IOException {
    List<String> deployed = new ArrayList<>();
    Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(read("pom.xml"));
    while (module.find()) {
      String name = module.group(1);
      String pom = read(name + "/pom.xml");
      if (!name.equals("cpt-bom") && !pom.contains("<maven.deploy.skip>true</maven.deploy.skip>")) {
        deployed.add(name);
      }
    }
    assertTrue(deployed.contains("cpt-core"), deployed.toString());
    return deployed;
  }

  @Test
  void theBomManagesEveryDeployedModuleAtTheProjectVersion() throws IOException {
    String parent = read("pom.xml");
    String bom = read("cpt-bom/pom.xml");
    assertEquals(ownVersion(parent, "cpt4j-parent"), ownVersion(bom, "cpt-bom"));

    List<String> deployed = deployedModules();
    List<String> managed = new ArrayList<>();
    Matcher entry =
        Pattern.compile(
                "<groupId>io\\.github\\.cpt4j</groupId>\\s*<artifactId>([^<]+)</artifactId>\\s*"
                    + "<version>\\$\\{project\\.version}</version>")
            .matcher(bom);
    while (entry.find()) {
      managed.add(entry.group(1));
    }
    assertEquals(deployed, managed);
  }

  /**
   * The README's Maven section imports the BOM at the project's version and names every deployed
   * module in its table: {@code versions:set} changes the POMs at a release, not the README, whose
   * snippet would then import a version that was never deployed.
   */
  @Test
  void theReadmeImportsTheBomAtTheProjectVersionAndNamesEveryDeployedModule() throws IOException {
    String readme = read("README.md");
    int start = readme.indexOf("\n## Maven\n");
    assertTrue(start >= 0, "README has no Maven section");
    String maven = readme.substring(start, readme.indexOf("\n## ", start + 1));
    assertEquals(ownVersion(read("pom.xml"), "cpt4j-parent"), ownVersion(maven, "cpt-bom"));
    List<String> missing = new ArrayList<>();
    for (String name : deployedModules()) {
      if (!maven.contains("| `" + name + "` |")) {
        missing.add(name);
      }
    }
    assertEquals(List.of(), missing, "deployed modules the README's module table leaves out");
  }

  /**
   * A deployed module needs only deployed modules: a user's build resolves every cpt4j module a
   * deployed POM names, outside test scope, from Maven Central. cpt-spark named cpt-cli, which was
   * not deployed, so its POM could not be resolved by anyone.
   */
  @Test
  void deployedModulesDependOnlyOnDeployedModules() throws IOException {
    List<String> deployed = deployedModules();
    Pattern dependency = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL);
    Pattern cpt4j =
        Pattern.compile(
            "<groupId>io\\.github\\.cpt4j</groupId>\\s*<artifactId>([^<]+)</artifactId>");
    List<String> missing = new ArrayList<>();
    for (String name : deployed) {
      Matcher block = dependency.matcher(read(name + "/pom.xml"));
      while (block.find()) {
        Matcher artifact = cpt4j.matcher(block.group(1));
        if (artifact.find()
            && !block.group(1).contains("<scope>test</scope>")
            && !deployed.contains(artifact.group(1))) {
          missing.add(name + " -> " + artifact.group(1));
        }
      }
    }
    assertEquals(List.of(), missing);
  }
}
