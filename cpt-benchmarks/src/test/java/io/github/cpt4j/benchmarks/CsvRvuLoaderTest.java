package io.github.cpt4j.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.cpt4j.benchmarks.baseline.CsvRvuLoader;
import io.github.cpt4j.benchmarks.baseline.NaiveMedicarePricer;
import io.github.cpt4j.benchmarks.baseline.NaiveMedicarePricer.Row;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.RvuEntry;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The baseline loader reads the same rows and numbers as cpt4j's {@code RvuFile}. */
class CsvRvuLoaderTest {

  @Test
  void readsWhatRvuFileReads() throws Exception {
    Assumptions.assumeTrue(CmsFiles.hasRvu2025(), CmsFiles.ENV + " is not set");
    MedicareFeeSchedule schedule = DataSets.medicare(DataSets.CMS_2025);
    Map<String, Row> rows = CsvRvuLoader.intoHashMap(CmsFiles.rvu2025());
    assertEquals(19_090, schedule.rvus().size());
    assertEquals(schedule.rvus().size(), rows.size());
    assertEquals(rows.keySet(), CsvRvuLoader.intoImmutableMap(CmsFiles.rvu2025()).keySet());
    // Same numbers: pricing every row through the loaded rows gives what the rows copied from
    // cpt4j's entries give, in both settings.
    NaiveMedicarePricer loaded = NaiveMedicarePricer.ofRows(rows, schedule);
    NaiveMedicarePricer copied = NaiveMedicarePricer.withHashMaps(schedule);
    for (RvuEntry entry : schedule.rvus().all()) {
      for (Setting setting : Setting.values()) {
        assertEquals(
            copied.price(entry.row(), "13202-01", LinePricer.DATE, setting),
            loaded.price(entry.row(), "13202-01", LinePricer.DATE, setting),
            entry.row());
      }
    }
  }
}
