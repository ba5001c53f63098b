package io.github.cpt4j.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.benchmarks.baseline.MapPtpEdits;
import io.github.cpt4j.data.ncci.PtpFile;
import io.github.cpt4j.edit.ncci.PtpTable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated table loads in both implementations, and both judge the benchmark's claims alike.
 */
class NcciAgreementTest {

  @Test
  void theGeneratedFileHasTheRowsAskedFor(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("ptp.txt");
    List<String> column1 = PtpFileGenerator.write(file, 20_000, 12);
    PtpTable table = PtpFile.read(file);
    assertEquals(20_000, table.size());
    assertTrue(column1.size() > 100, "column 1 codes: " + column1.size());
    assertTrue(MapPtpEdits.load(List.of(file)).pairs() > 19_000);
  }

  @Test
  void bothImplementationsAgreeOnTheClaims() throws IOException {
    NcciBenchmark benchmark = new NcciBenchmark();
    benchmark.impl = Implementation.REGEX_HASHMAP;
    benchmark.rows = 20_000;
    benchmark.setUp();
    benchmark.verify();
  }
}
