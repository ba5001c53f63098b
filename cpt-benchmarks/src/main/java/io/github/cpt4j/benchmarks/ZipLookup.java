package io.github.cpt4j.benchmarks;

import com.google.common.collect.ImmutableMap;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.ZipLocalityTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One implementation's way from a five-digit ZIP code to its Medicare payment locality: cpt4j's
 * range table, or every ZIP code as a key of a map, as users write it.
 */
public interface ZipLookup {

  /** The shape check of the regex baseline. */
  Pattern ZIP = Pattern.compile("^\\d{5}$");

  /** Returns the locality of {@code zip}, or null. */
  Locality find(String zip);

  /** Returns the implementation named by a benchmark's {@code impl} parameter. */
  static ZipLookup of(String impl, ZipLocalityTable table) {
    switch (Implementation.check(impl)) {
      case Implementation.CPT4J:
        return zip -> table.find(zip).orElse(null);
      case Implementation.REGEX_HASHMAP:
        Map<String, Locality> map = new HashMap<>();
        forEachZip(table, map::put);
        return zip -> ZIP.matcher(zip).matches() ? map.get(zip) : null;
      default:
        ImmutableMap.Builder<String, Locality> builder = ImmutableMap.builder();
        forEachZip(table, builder::put);
        ImmutableMap<String, Locality> immutable = builder.buildOrThrow();
        return immutable::get;
    }
  }

  /** Returns every ZIP code of the table as text, in order. */
  static List<String> zips(ZipLocalityTable table) {
    List<String> zips = new ArrayList<>(table.size());
    forEachZip(table, (zip, locality) -> zips.add(zip));
    return zips;
  }

  /** Returns the first ZIP code of each run of the table: a few hundred, one per area. */
  static List<String> firstZipOfEachRange(ZipLocalityTable table) {
    List<String> zips = new ArrayList<>(table.rangeCount());
    for (int i = 0; i < table.rangeCount(); i++) {
      zips.add(text(table.rangeStart(i)));
    }
    return zips;
  }

  private static void forEachZip(ZipLocalityTable table, ZipSink sink) {
    for (int i = 0; i < table.rangeCount(); i++) {
      for (int zip = table.rangeStart(i); zip <= table.rangeEnd(i); zip++) {
        sink.accept(text(zip), table.rangeLocality(i));
      }
    }
  }

  private static String text(int zip) {
    return String.format(Locale.ROOT, "%05d", zip);
  }

  /** Receives a ZIP code and its locality. */
  interface ZipSink {
    void accept(String zip, Locality locality);
  }
}
