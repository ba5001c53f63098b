package io.github.cpt4j.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.cpt4j.data.BundledData;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.ZipLocalityTable;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every ZIP lookup gives the same locality for every key the benchmark uses. */
class ZipLookupAgreementTest {

  @Test
  void agreeOnEveryZipAndOnMalformedText() {
    ZipLocalityTable table = BundledData.zipLocalities();
    List<String> keys = new ArrayList<>(ZipLookup.zips(table));
    keys.addAll(LocalityBenchmark.INVALID_ZIPS);
    keys.add("00000");
    assertEquals(table.size(), ZipLookup.zips(table).size());
    ZipLookup cpt4j = ZipLookup.of(Implementation.CPT4J, table);
    for (String impl : List.of(Implementation.REGEX_HASHMAP, Implementation.GUAVA_IMMUTABLEMAP)) {
      ZipLookup baseline = ZipLookup.of(impl, table);
      for (String zip : keys) {
        assertEquals(cpt4j.find(zip), baseline.find(zip), impl + " on '" + zip + "'");
      }
    }
    assertEquals(Locality.parse("13202-01"), cpt4j.find("10001"));
    assertNull(cpt4j.find("1000A"));
  }
}
