package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the built {@code cpt.jar} as a separate process, as a user would. */
class CptJarIT {

  private static final Path JAR = Path.of(System.getProperty("cpt.jar", "target/cpt.jar"));

  record Run(int status, String out, String err) {}

  @Test
  void versionMatchesTheBuild() throws Exception {
    assertTrue(Files.isRegularFile(JAR), "no jar at " + JAR.toAbsolutePath());
    Run r = run("", "--version");
    assertEquals(0, r.status(), r::toString);
    assertEquals("cpt " + VersionProvider.version(), r.out().strip());
  }

  @Test
  void carriesTheLicencesOfWhatItBundles() throws Exception {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      // The project's own licence, kept when the bundled jars' copies of it (and FastCSV's MIT
      // licence, at the same path) are left out.
      assertEquals(
          Files.readString(Path.of("..", "LICENSE"), StandardCharsets.UTF_8),
          text(jar, "META-INF/LICENSE"));
      assertTrue(text(jar, "META-INF/LICENSE-fastcsv.txt").contains("MIT License"));
      String notice = text(jar, "META-INF/NOTICE");
      assertTrue(notice.contains("cpt4j") && notice.contains("Jackson"), notice);
    }
  }

  @Test
  void everyJarOfTheModulesItBundlesCarriesTheLicenceAndNotice() throws Exception {
    // The main, sources and javadoc jars of cpt-core and cpt-data, built before this module; the
    // javadoc jars had neither file (their plugin takes no resources).
    List<Path> jars = new ArrayList<>();
    for (String module : List.of("cpt-core", "cpt-data")) {
      try (var files = Files.list(Path.of("..", module, "target"))) {
        files.filter(f -> f.getFileName().toString().endsWith(".jar")).forEach(jars::add);
      }
    }
    assertTrue(
        jars.stream().filter(f -> f.getFileName().toString().endsWith("-javadoc.jar")).count() == 2,
        jars::toString);
    for (Path file : jars) {
      try (JarFile jar = new JarFile(file.toFile())) {
        assertTrue(jar.getJarEntry("META-INF/LICENSE") != null, "no LICENSE in " + file);
        assertTrue(jar.getJarEntry("META-INF/NOTICE") != null, "no NOTICE in " + file);
      }
    }
  }

  @Test
  void carriesNoOsgiHeadersOfTheJarsItBundles() throws Exception {
    // JSpecify's META-INF/versions/9/OSGI-INF/MANIFEST.MF described that jar as a bundle; the
    // merged jar is none.
    try (JarFile jar = new JarFile(JAR.toFile())) {
      List<String> osgi =
          jar.stream().map(JarEntry::getName).filter(n -> n.contains("OSGI-INF")).toList();
      assertEquals(List.of(), osgi);
    }
  }

  @Test
  void declaresMultiReleaseAndRunsTheClassesForThisJava() throws Exception {
    // jackson-core is a multi-release jar: its classes for later Java versions sit under
    // META-INF/versions/N/. Merged into cpt.jar without the manifest's Multi-Release attribute,
    // the JVM ignored them and ran the Java 8 classes.
    int feature = Runtime.version().feature();
    try (JarFile jar = new JarFile(JAR.toFile(), true, ZipFile.OPEN_READ, Runtime.version())) {
      List<String> versioned =
          jar.stream()
              .map(JarEntry::getName)
              .filter(n -> n.startsWith("META-INF/versions/") && !n.endsWith("/"))
              .toList();
      assertTrue(
          versioned.stream().noneMatch(n -> n.endsWith("module-info.class")),
          "a module descriptor in the merged jar: " + versioned);
      if (versioned.isEmpty()) {
        return;
      }
      assertEquals(
          "true",
          jar.getManifest().getMainAttributes().getValue("Multi-Release"),
          "versioned entries without Multi-Release: true in the manifest: " + versioned);
      assertTrue(jar.isMultiRelease(), "the JVM does not read " + JAR + " as multi-release");
      // Each versioned class resolves to the entry of the highest version up to this Java's.
      Map<String, Integer> expected = new TreeMap<>();
      for (String name : versioned) {
        String[] parts = name.split("/", 4);
        int version = Integer.parseInt(parts[2]);
        if (version <= feature) {
          expected.merge(parts[3], version, Math::max);
        }
      }
      for (Map.Entry<String, Integer> e : expected.entrySet()) {
        JarEntry entry = jar.getJarEntry(e.getKey());
        assertTrue(entry != null, "no " + e.getKey());
        assertEquals(
            "META-INF/versions/" + e.getValue() + "/" + e.getKey(),
            entry.getRealName(),
            "on Java " + feature);
      }
    }
  }

  private static String text(JarFile jar, String name) throws IOException {
    JarEntry entry = jar.getJarEntry(name);
    assertTrue(entry != null, "no " + name + " in " + JAR);
    try (InputStream in = jar.getInputStream(entry)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void looksUpACode() throws Exception {
    Run r = run("", "lookup", "99213");
    assertEquals(0, r.status(), r::toString);
    assertTrue(r.out().startsWith("99213"), r::toString);
    assertEquals("", r.err());
  }

  @Test
  void pricesTheQuickStartLineWithTheBundledData() throws Exception {
    Run r = run("", "price", "99213", "--zip", "10001", "--date", "2025-06-01", "-f", "csv");
    assertEquals(0, r.status(), r::toString);
    assertTrue(
        r.out().matches("(?s)line,amount,result,explanation\n99213,\\d+\\.\\d\\d,priced,.*"),
        r::toString);
  }

  @Test
  void pricesABatchFromStandardInput() throws Exception {
    Run r =
        run(
            "code,locality\n90834,13282-99\n9921,13282-99\n",
            "price",
            "--input",
            "-",
            "--date",
            "2025-06-01");
    assertEquals(1, r.status(), r::toString);
    assertTrue(r.out().contains("\n90834,13282-99,102.53,priced,"), r::toString);
    assertTrue(r.out().contains("\n9921,13282-99,,invalid_code,"), r::toString);
  }

  @Test
  void validatesStandardInputAndExitsOneOnInvalidLines() throws Exception {
    Run r = run("99213\n9921\n", "validate", "--format", "csv");
    assertEquals(1, r.status(), r::toString);
    assertTrue(r.out().contains("\n2,invalid,9921,,WRONG_LENGTH,4,"), r::toString);
  }

  @Test
  void usageErrorsExitTwoWithOneLineAndNoStackTrace() throws Exception {
    Run r = run("", "lookup", "--no-such-option");
    assertEquals(2, r.status(), r::toString);
    assertEquals(1, r.err().strip().lines().count(), r::toString);
    assertEquals("", r.out());
  }

  @Test
  void launcherStartsFromTheClassDataSharingArchive() throws Exception {
    Path launcher = JAR.resolveSibling("cpt");
    assertTrue(Files.isExecutable(launcher), "no launcher at " + launcher.toAbsolutePath());
    assertTrue(Files.isRegularFile(JAR.resolveSibling("cpt.jsa")), "no archive beside " + JAR);
    String out = lookUpLoggingClassLoads(launcher);
    assertTrue(
        out.contains("io.github.cpt4j.cli.Main source: shared objects file"),
        "Main was not loaded from the archive");
  }

  /**
   * Runs {@code launcher lookup 99213} with this JVM and class loading logged (which file each
   * class came from: the application's own classes must come from the archive), checks that it
   * looked the code up, and returns its output.
   */
  private static String lookUpLoggingClassLoads(Path launcher) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(launcher.toString(), "lookup", "99213").redirectErrorStream(true);
    builder
        .environment()
        .put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
    builder.environment().put("CPT_JAVA_OPTS", "-Xlog:class+load=info");
    Process process = builder.start();
    String out = read(process.getInputStream());
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "cpt did not finish");
    assertEquals(0, process.exitValue(), out);
    assertTrue(out.contains("\n99213 "), out);
    return out;
  }

  @Test
  void launcherRunsThroughASymbolicLink(@TempDir Path bin) throws Exception {
    // A user links the launcher into a directory on the PATH: it looked for cpt.jar beside the
    // link ("Unable to access jarfile"), not beside itself. Two links, the second relative.
    Path launcher = JAR.resolveSibling("cpt").toAbsolutePath();
    Path first = Files.createSymbolicLink(bin.resolve("cpt-linked"), launcher);
    Path second = Files.createSymbolicLink(bin.resolve("cpt"), Path.of("cpt-linked"));
    try {
      String out = lookUpLoggingClassLoads(second);
      assertTrue(
          out.contains("io.github.cpt4j.cli.Main source: shared objects file"),
          "the archive beside the launcher was not used through " + first);
    } finally {
      // Removed here: JUnit warns at every build when it finds a link that leads out of the
      // temporary directory, though it deletes the link and not what it leads to.
      Files.delete(second);
      Files.delete(first);
    }
  }

  @Test
  void launcherRunsFromADirectoryWhosePathHasASpace(@TempDir Path dir) throws Exception {
    // The archive's option was split at the space: "Could not find or load main class
    // tools.cpt.jsa". (The archive is not used from the copy, whose jar is elsewhere than the one
    // it was dumped with; the JVM ignores it, silently.)
    Path tools = Files.createDirectories(dir.resolve("my tools"));
    for (String file : List.of("cpt", "cpt.jar", "cpt.jsa")) {
      Files.copy(JAR.resolveSibling(file), tools.resolve(file), StandardCopyOption.COPY_ATTRIBUTES);
    }
    ProcessBuilder builder =
        new ProcessBuilder(tools.resolve("cpt").toString(), "lookup", "99213")
            .redirectErrorStream(true);
    builder
        .environment()
        .put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
    Process process = builder.start();
    process.getOutputStream().close();
    String out = read(process.getInputStream());
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "cpt did not finish");
    assertEquals(0, process.exitValue(), out);
    assertTrue(out.startsWith("99213 "), out);
  }

  @Test
  void launcherKeepsTheJvmsWarningsOutOfStandardOutput() throws Exception {
    // Standard input gets the parallel collector and a 64 MiB young generation. In a container of
    // 128 MiB (MaxRAM as its limit sets it) the heap is 64 MiB, and the JVM's own warnings about
    // that young generation ("[warning][gc,ergo] MaxNewSize ...") went to standard output, where
    // the JVM's log writes by default: before the CSV header, in the data a pipeline reads.
    ProcessBuilder builder =
        new ProcessBuilder(
            JAR.resolveSibling("cpt").toString(),
            "price",
            "--input",
            "-",
            "--zip",
            "10001",
            "--date",
            "2025-06-01");
    builder
        .environment()
        .put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
    builder.environment().put("CPT_JAVA_OPTS", "-XX:MaxRAM=128m");
    Process process = builder.start();
    try (var in = process.getOutputStream()) {
      in.write("code\n99213\n".getBytes(StandardCharsets.UTF_8));
    }
    String out = read(process.getInputStream());
    String err = read(process.getErrorStream());
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "cpt did not finish");
    assertEquals(0, process.exitValue(), err);
    assertEquals("code,amount,result,explanation\n99213,101.06,priced,\n", out, err);
    // The warnings are diagnostics: on standard error, where a person still sees them.
    assertTrue(err.contains("MaxNewSize"), err);
  }

  @Test
  void launcherLeavesAnInputItCannotReadToCpt(@TempDir Path dir) throws Exception {
    // The launcher measures --input to choose the JVM's options: its redirect of a file it could
    // not open printed the shell's own error ("cpt: 46: cannot open ...") before cpt's line.
    Path input = Files.writeString(dir.resolve("claims.csv"), "code\n99213\n");
    Files.setPosixFilePermissions(input, Set.of());
    assumeFalse(Files.isReadable(input), "a file without permissions is readable here (root)");
    String launcher = JAR.resolveSibling("cpt").toString();
    List<List<String>> commands =
        List.of(
            List.of(launcher, "price", "--input", input.toString(), "--zip", "10001"),
            List.of(launcher, "price", "--input=" + input, "--zip", "10001"),
            List.of(launcher, "scrub", "-i", input.toString(), "--mue", input.toString()));
    for (List<String> command : commands) {
      ProcessBuilder builder = new ProcessBuilder(command);
      builder
          .environment()
          .put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
      Process process = builder.start();
      process.getOutputStream().close();
      String out = read(process.getInputStream());
      String err = read(process.getErrorStream());
      assertTrue(process.waitFor(60, TimeUnit.SECONDS), "cpt did not finish");
      assertEquals(2, process.exitValue(), err);
      assertEquals("", out);
      // The scrub reads its --mue table first: the same file, named by that option.
      String option = command.get(1).equals("scrub") ? "--mue" : "--input";
      assertEquals(
          List.of(
              "cpt "
                  + command.get(1)
                  + ": cannot read "
                  + option
                  + " '"
                  + input
                  + "': permission denied"),
          err.lines().toList(),
          command::toString);
    }
  }

  @Test
  void launcherMeasuresTheInputInEveryFormPicocliTakes(@TempDir Path dir) throws Exception {
    // The launcher read --input FILE, --input=FILE and -i FILE alone: -iFILE, which picocli takes
    // as well, priced a file of 64 MiB or more with the options of a short run. A stand-in for
    // java prints the options the launcher chose; the file is sparse, its size all that counts.
    Path sh = Path.of("/bin/sh");
    assumeTrue(Files.isExecutable(sh), "a POSIX shell");
    Path java = Files.writeString(dir.resolve("java"), "#!/bin/sh\nprintf '%s\\n' \"$@\"\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));
    Path big = dir.resolve("big.csv");
    try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
      file.setLength(64L << 20);
    }
    String launcher = JAR.resolveSibling("cpt").toString();
    Map<List<String>, String> collectors = new LinkedHashMap<>();
    collectors.put(List.of("--input", big.toString()), "-XX:+UseParallelGC");
    collectors.put(List.of("--input=" + big), "-XX:+UseParallelGC");
    collectors.put(List.of("-i", big.toString()), "-XX:+UseParallelGC");
    collectors.put(List.of("-i" + big), "-XX:+UseParallelGC");
    collectors.put(List.of("-i=" + big), "-XX:+UseParallelGC");
    collectors.put(List.of("-ei", big.toString()), "-XX:+UseParallelGC");
    collectors.put(List.of("-ei" + big), "-XX:+UseParallelGC");
    collectors.put(List.of("-i-"), "-XX:+UseParallelGC");
    // An i after an option that takes a value is that value: -pi is --pos i, not -i.
    collectors.put(List.of("-pi", big.toString()), "-XX:+UseSerialGC");
    collectors.put(List.of("--zip", "10001"), "-XX:+UseSerialGC");
    // After --, a word is a line to price, never an option.
    collectors.put(List.of("--", "-i" + big), "-XX:+UseSerialGC");
    collectors.put(List.of("--", "--input", big.toString()), "-XX:+UseSerialGC");
    for (Map.Entry<List<String>, String> expected : collectors.entrySet()) {
      List<String> command = new ArrayList<>(List.of(launcher, "price"));
      command.addAll(expected.getKey());
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.environment().put("JAVA", java.toString());
      builder.environment().remove("CPT_JAVA_OPTS");
      Process process = builder.start();
      process.getOutputStream().close();
      String out = read(process.getInputStream());
      assertTrue(process.waitFor(60, TimeUnit.SECONDS), "cpt did not finish");
      assertEquals(0, process.exitValue(), out);
      List<String> options = out.lines().toList();
      assertTrue(options.contains(expected.getValue()), () -> command + " ran java " + options);
      // The arguments reach cpt as given, after -jar cpt.jar.
      assertEquals(
          command.subList(1, command.size()),
          options.subList(options.indexOf("-jar") + 2, options.size()),
          command::toString);
    }
  }

  /**
   * Standard input closed by the shell ({@code <&-}): the JVM opens its module image as descriptor
   * 0, and {@code validate} and {@code price --input -} read it as the user's input, refused as
   * "standard input, file line 1, byte 1: 0xDA is not valid UTF-8". It is now a closed input.
   */
  @Test
  void aClosedStandardInputIsToldAsSuch() throws Exception {
    Path sh = Path.of("/bin/sh");
    assumeTrue(Files.isExecutable(sh), "a POSIX shell");
    assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "a system with /proc/self/fd");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    for (List<String> args :
        List.of(
            List.of("validate"),
            List.of("price", "--input", "-", "--zip", "10001", "--date", "2025-06-02"))) {
      List<String> command = new ArrayList<>(List.of(sh.toString(), "-c", "exec \"$@\" <&-", "sh"));
      command.addAll(List.of(java, "-jar", JAR.toString()));
      command.addAll(args);
      Process process = new ProcessBuilder(command).start();
      process.getOutputStream().close();
      String out = read(process.getInputStream());
      String err = read(process.getErrorStream());
      assertTrue(process.waitFor(60, TimeUnit.SECONDS), "cpt did not finish");
      assertEquals(2, process.exitValue(), err);
      assertEquals("", out);
      assertEquals(
          "cpt " + args.get(0) + ": cannot read standard input: it is closed", err.strip(), err);
    }
  }

  /**
   * {@code --output /dev/stdout} (or {@code /dev/stderr}) with the stream redirected by the shell
   * writes where the shell's descriptor is: after what the file held ({@code >> log}) and between
   * what the shell writes before and after. Opened anew, the file was truncated and written from
   * its start: the log lost its lines, and "before" was overwritten.
   */
  @Test
  void anOutputToStandardOutputByNameKeepsWhatTheShellWrote(@TempDir Path dir) throws Exception {
    Path sh = Path.of("/bin/sh");
    assumeTrue(Files.isExecutable(sh), "a POSIX shell");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String script =
        "cpt() { \"$JAVA\" -jar \"$JAR\" \"$@\"; }\n"
            + "printf 'old1\\nold2\\n' > log.txt\n"
            + "cpt price 99213 --zip 10001 --date 2025-06-01 -f csv -o /dev/stdout >> log.txt\n"
            + "cpt price 99213 --zip 10001 --date 2025-06-01 -f csv -o /dev/stderr 2>> log.txt\n"
            + "{ echo before; cpt price 99213 --zip 10001 --date 2025-06-01 -f csv -o /dev/stdout;"
            + " echo after; } > group.txt\n";
    ProcessBuilder builder =
        new ProcessBuilder(sh.toString(), "-c", script).directory(dir.toFile());
    builder.environment().put("JAVA", java);
    builder.environment().put("JAR", JAR.toAbsolutePath().toString());
    Process process = builder.start();
    process.getOutputStream().close();
    String out = read(process.getInputStream());
    String err = read(process.getErrorStream());
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "cpt did not finish");
    assertEquals(0, process.exitValue(), err);
    assertEquals("", out + err);
    String priced = "line,amount,result,explanation\n99213,";
    String log = Files.readString(dir.resolve("log.txt"));
    assertTrue(log.startsWith("old1\nold2\n" + priced), log);
    assertEquals(2, log.split("line,amount", -1).length - 1, log);
    String group = Files.readString(dir.resolve("group.txt"));
    assertTrue(group.startsWith("before\n" + priced), group);
    assertTrue(group.endsWith("\nafter\n"), group);
  }

  private static Run run(String stdin, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(JAR.toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).start();
    try (var in = process.getOutputStream()) {
      in.write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    String out = read(process.getInputStream());
    String err = read(process.getErrorStream());
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "cpt did not finish");
    return new Run(process.exitValue(), out, err);
  }

  private static String read(InputStream in) throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }
}
