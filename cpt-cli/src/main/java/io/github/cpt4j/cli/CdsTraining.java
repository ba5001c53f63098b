package io.github.cpt4j.cli;

import io.github.cpt4j.cli.price.MedicareData;
import io.github.cpt4j.data.BundledData;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The training run of the class-data sharing archive that the build writes beside {@code cpt.jar}
 * ({@code cpt.jsa}, used by the {@code cpt} launcher): runs the short commands people type, in one
 * JVM, so that the archive holds every class they load, parsed and verified once at build time
 * instead of at every start. Not a command; its output is discarded.
 */
final class CdsTraining {

  private CdsTraining() {}

  /** Runs the commands; exits with status 1 if one of them failed, so that the build notices. */
  public static void main(String[] args) throws IOException {
    Path lines = Files.createTempFile("cpt-training", ".csv");
    // The bundled October 2025 rows and GPCIs as files of the command line: a batch with --rvu and
    // --gpci, as the README's large runs are, reads them through classes of its own.
    Path rvu = Files.createTempFile("cpt-training-rvu", ".csv");
    Path gpci = Files.createTempFile("cpt-training-gpci", ".csv");
    try {
      copy("pprrvu-2025-oct-sample.csv", rvu);
      copy("gpci-2025.csv", gpci);
      Files.writeString(
          lines,
          "claim,code,modifiers,locality\n"
              + "A,29880,RT,13282-99\nA,20610,LT,13282-99\nB,99213,,13282-99\n"
              + "B,36415,,13282-99\nB,80053,,13282-99\nB,J3301,,13282-99\n"
              + "C,71046,26,13282-99\nC,99214,25,13282-99\nC,93000,,13282-99\n"
              + "D,E0114,NU,13282-99\nE,9921,,13282-99\n");
      // Each kind of line of each Part B schedule, with modifiers and claim rules, so that the
      // classes pricing them are in the archive too: about 50 of them were read from the jar (and
      // verified) at every start of a ten-code `cpt price`
      // (results/startup-profile-2026-11-30-b.md).
      String[][] commands = {
        {"lookup", "99213"},
        {"lookup", "G0438", "71046"},
        {"price", "99213", "--zip", "10001", "--date", "2025-06-01"},
        {
          "price",
          "99213",
          "36415",
          "80053",
          "29880-RT",
          "20610-LT",
          "71046-26",
          "99214-25",
          "J3301",
          "E0114-NU",
          "G0438",
          "--zip",
          "10001",
          "--date",
          "2025-03-14"
        },
        {"price", "--input", lines.toString(), "--setting", "facility", "--date", "2025-06-02"},
        {"price", "--input", lines.toString(), "--date", "2025-06-02", "--format", "json"},
        // No --date: today's, in the system's time zone, whose rules the JDK reads at first use.
        {"price", "--input", lines.toString(), "--rvu", rvu.toString(), "--gpci", gpci.toString()},
        {"validate", "-"},
        {"localities", "--state", "NY"},
      };
      int worst = 0;
      for (String[] command : commands) {
        MedicareData data = new MedicareData();
        Main.preload(command, data); // its threads' classes and lambdas
        PrintWriter discard =
            new PrintWriter(
                new OutputStreamWriter(OutputStream.nullOutputStream(), StandardCharsets.UTF_8));
        int status =
            Main.run(
                command,
                new ByteArrayInputStream("99213\n9921\n".getBytes(StandardCharsets.UTF_8)),
                discard,
                discard,
                false,
                data);
        // 1 is an answer (an invalid line in the input); 2 is trouble.
        worst = Math.max(worst, status);
      }
      if (worst > 1) {
        System.err.println("a training command failed with status " + worst);
        System.exit(1);
      }
    } finally {
      Files.deleteIfExists(lines);
      Files.deleteIfExists(rvu);
      Files.deleteIfExists(gpci);
    }
  }

  /** Writes the bundled Medicare table {@code name} to {@code file}. */
  private static void copy(String name, Path file) throws IOException {
    try (InputStream in = BundledData.class.getResourceAsStream("medicare/" + name)) {
      if (in == null) {
        throw new IOException("no bundled " + name);
      }
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
