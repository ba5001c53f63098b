package io.github.cpt4j.fhirconsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles every {@code java} snippet of the project's README that shows its imports, as a user
 * would paste it: its {@code import} lines, then its statements in a method (or its declarations in
 * a class). A few snippets use a variable the text around them introduces; those are given as
 * parameters (as fields, for a snippet that starts with classes), by name. The tests of this module
 * see every library module and HAPI FHIR, so every snippet can compile here.
 */
class ReadmeSnippetsTest {

  private static final Path README = Path.of("..", "README.md");

  /** The variables the README's text introduces, with their types. */
  private static final Map<String, String> GIVEN =
      Map.ofEntries(
          Map.entry("amaFiles", "java.nio.file.Path"),
          Map.entry("medicare", "io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule"),
          Map.entry("office", "io.github.cpt4j.fee.PricingContext"),
          Map.entry("outpatient", "io.github.cpt4j.fee.PricingContext"),
          Map.entry("json", "java.lang.String"),
          Map.entry("ncci", "java.nio.file.Path"),
          Map.entry("out", "java.lang.StringBuilder"),
          Map.entry("date", "java.time.LocalDate"),
          Map.entry("rochester", "io.github.cpt4j.fee.medicare.Locality"),
          Map.entry("context", "io.github.cpt4j.fee.PricingContext"),
          Map.entry("lines", "java.util.List<io.github.cpt4j.claim.BilledLine>"),
          Map.entry("claim", "io.github.cpt4j.claim.Claim"));

  /**
   * Snippets that must be among those compiled, each known by a call it makes: the Part B, NCCI and
   * anesthesia examples, whose own tests run them without their imports.
   */
  private static final List<String> REQUIRED =
      List.of("PartBFeeSchedule.builder()", "NcciEdits.of(ptp, mue)", "\"00790-AA 95min\"");

  private static final Pattern SNIPPET = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

  @Test
  void everyJavaSnippetCompilesAsPasted(@TempDir Path out) throws IOException {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    List<JavaFileObject> sources = new ArrayList<>();
    Map<String, String> shown = new LinkedHashMap<>();
    Matcher m = SNIPPET.matcher(readme);
    while (m.find()) {
      if (!m.group(1).startsWith("import ")) {
        continue; // a snippet without imports is not yet claimed to compile as pasted
      }
      int line = (int) readme.substring(0, m.start()).lines().count() + 1;
      String name = "ReadmeSnippetAtLine" + line;
      String source = wrap(name, m.group(1));
      shown.put(name, source);
      sources.add(new Source(name, source));
    }
    assertTrue(sources.size() >= 10, "found only " + sources.size() + " snippets");
    for (String call : REQUIRED) {
      assertTrue(
          shown.values().stream().anyMatch(source -> source.contains(call)),
          () -> "the README snippet with " + call + " shows no imports, so it is not compiled");
    }

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<String> options =
        List.of(
            "-proc:none",
            "-d",
            out.toString(),
            "-classpath",
            System.getProperty("java.class.path"));
    boolean ok = javac.getTask(null, null, diagnostics, options, null, sources).call();
    String errors =
        diagnostics.getDiagnostics().stream()
            .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
            .map(ReadmeSnippetsTest::describe)
            .collect(Collectors.joining("\n"));
    assertEquals("", errors);
    assertTrue(ok);
  }

  /** Imports first, then declarations at class level or statements in a method. */
  private static String wrap(String name, String snippet) {
    StringBuilder imports = new StringBuilder();
    StringBuilder body = new StringBuilder();
    for (String line : snippet.split("\n", -1)) {
      (line.startsWith("import ") ? imports : body).append(line).append('\n');
    }
    String code = body.toString().strip();
    boolean declarations = code.startsWith("/**") || code.startsWith("final class");
    List<String> given =
        GIVEN.entrySet().stream()
            .filter(e -> uses(code, e.getKey()) && !declares(code, e.getKey()))
            .map(e -> e.getValue() + " " + e.getKey())
            .toList();
    // Classes, then statements (a payer's edit and step, then the pricer built with them): the
    // statements become fields beside the classes, and the variables the text gives, fields too.
    String wrapped =
        declarations
            ? given.stream().map(field -> field + ";\n").collect(Collectors.joining()) + code
            : "void run(" + String.join(", ", given) + ") throws Exception {\n" + code + "\n}";
    return imports + "\nclass " + name + " {\n" + wrapped + "\n}\n";
  }

  private static boolean uses(String code, String variable) {
    return Pattern.compile("\\b" + variable + "\\b").matcher(code).find();
  }

  private static boolean declares(String code, String variable) {
    return Pattern.compile("\\b[A-Z][\\w.<>, ]*\\s+" + variable + "\\s*=").matcher(code).find();
  }

  private static String describe(Diagnostic<? extends JavaFileObject> d) {
    String name = d.getSource() == null ? "?" : d.getSource().getName();
    return name + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT);
  }

  /** A snippet as an in-memory source file. */
  private static final class Source extends SimpleJavaFileObject {
    private final String code;

    Source(String name, String code) {
      super(URI.create("string:///" + name + Kind.SOURCE.extension), Kind.SOURCE);
      this.code = code;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return code;
    }
  }
}
