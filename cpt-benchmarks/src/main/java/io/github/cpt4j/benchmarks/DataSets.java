package io.github.cpt4j.benchmarks;

import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.codeset.CodeEntry;
import io.github.cpt4j.codeset.CodeSet;
import io.github.cpt4j.data.BundledData;
import io.github.cpt4j.data.medicare.OppsCapFile;
import io.github.cpt4j.data.medicare.RvuFile;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The data sets of the {@code dataset} benchmark parameter: {@value #SAMPLE}, the code set and
 * Medicare schedule bundled with cpt-data, and {@value #CMS_2025}, the full 2025 CMS relative value
 * file (16,852 codes in 19,090 rows) and OPPS cap file, which need {@link CmsFiles}.
 */
public final class DataSets {

  /** The bundled sample code set. */
  public static final String SAMPLE = "sample";

  /** Every code of the full 2025 CMS relative value file. */
  public static final String CMS_2025 = "cms-2025";

  private DataSets() {}

  /**
   * Returns the code set of a data set. For {@value #CMS_2025} the entries carry a made-up
   * description (the file's own descriptors are AMA text and are never read).
   *
   * @throws IllegalArgumentException for an unknown data set
   * @throws IllegalStateException if the CMS files are needed and not configured
   */
  public static CodeSet codeSet(String dataset) {
    switch (dataset) {
      case SAMPLE:
        return BundledData.codeSet();
      case CMS_2025:
        CodeSet.Builder builder = CodeSet.builder();
        for (String code : CmsFiles.codes2025()) {
          builder.add(
              CodeEntry.builder()
                  .code(ProcedureCode.parse(code))
                  .shortDescription("Code " + code + " of the 2025 fee schedule")
                  .effectiveFrom(LocalDate.of(2025, 1, 1))
                  .build());
        }
        return builder.build();
      default:
        throw new IllegalArgumentException(
            "dataset is " + SAMPLE + " or " + CMS_2025 + ", not " + dataset);
    }
  }

  /**
   * Returns the 2025 Medicare schedule of a data set: the bundled one, or one of the full CMS
   * relative value and OPPS cap files with the bundled GPCIs and conversion factors.
   *
   * @throws IllegalArgumentException for an unknown data set
   * @throws IllegalStateException if the CMS files are needed and not configured
   */
  public static MedicareFeeSchedule medicare(String dataset) {
    MedicareFeeSchedule bundled = BundledData.medicareFeeSchedule();
    switch (dataset) {
      case SAMPLE:
        return bundled;
      case CMS_2025:
        Path rvus = CmsFiles.rvu2025();
        Path caps = rvus.resolveSibling("OPPSCAP_Oct.csv");
        try {
          return MedicareFeeSchedule.builder()
              .name("medicare-pfs-2025-full")
              .rvus(RvuFile.read(rvus))
              .gpcis(bundled.gpcis())
              .oppsCaps(OppsCapFile.read(caps))
              .conversionFactors(bundled.conversionFactors())
              .effective(bundled.effectiveFrom(), bundled.effectiveTo())
              .build();
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read the CMS files beside " + rvus, e);
        }
      default:
        throw new IllegalArgumentException(
            "dataset is " + SAMPLE + " or " + CMS_2025 + ", not " + dataset);
    }
  }

  /** Returns the codes of a set as canonical text, in code order. */
  public static List<String> codeTexts(CodeSet set) {
    return set.stream().map(e -> e.code().toString()).collect(Collectors.toUnmodifiableList());
  }

  /** Returns the {@link CodeSamples#COMMON common codes} that {@code set} contains, by rank. */
  public static List<String> commonIn(CodeSet set) {
    return CodeSamples.COMMON.stream()
        .filter(c -> set.find(c).isPresent())
        .collect(Collectors.toUnmodifiableList());
  }

  /** Returns the codes of {@code set} that are not common: the rare population of a key mix. */
  public static List<String> rareIn(CodeSet set) {
    Set<String> common = Set.copyOf(CodeSamples.COMMON);
    return codeTexts(set).stream()
        .filter(c -> !common.contains(c))
        .collect(Collectors.toUnmodifiableList());
  }
}
