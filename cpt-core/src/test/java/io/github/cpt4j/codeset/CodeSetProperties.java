package io.github.cpt4j.codeset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.github.cpt4j.code.CptCode;
import io.github.cpt4j.code.CptKind;
import io.github.cpt4j.code.HcpcsCode;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.code.Section;
import io.github.cpt4j.code.Subsection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Laws of {@link CodeSet}, checked against a {@link TreeMap} model. */
class CodeSetProperties {

  private static final LocalDate EPOCH = LocalDate.of(2000, 1, 1);

  @Property
  void findAgreesWithATreeMap(
      @ForAll("entryLists") List<CodeEntry> entries, @ForAll("codes") ProcedureCode probe) {
    TreeMap<ProcedureCode, CodeEntry> model = model(entries);
    CodeSet set = CodeSet.copyOf(entries);
    assertEquals(model.size(), set.size());
    assertEquals(new ArrayList<>(model.values()), set.stream().collect(Collectors.toList()));
    for (ProcedureCode code : model.keySet()) {
      assertEquals(Optional.of(model.get(code)), set.find(code));
      assertSame(set.find(code), set.find(code.toString()));
    }
    assertEquals(Optional.ofNullable(model.get(probe)), set.find(probe));
    assertEquals(Optional.ofNullable(model.get(probe)), set.find(probe.toString()));
    assertEquals(model.containsKey(probe), set.contains(probe));
  }

  @Property
  void findByAnyTextAgreesWithParsing(
      @ForAll("entryLists") List<CodeEntry> entries, @ForAll("texts") String text) {
    TreeMap<ProcedureCode, CodeEntry> model = model(entries);
    Optional<CodeEntry> expected = ProcedureCode.tryParse(text).map(model::get);
    assertEquals(expected, CodeSet.copyOf(entries).find(text));
  }

  @Property
  void overlayAgreesWithPutAll(
      @ForAll("entryLists") List<CodeEntry> base,
      @ForAll("entryLists") List<CodeEntry> middle,
      @ForAll("entryLists") List<CodeEntry> top,
      @ForAll("codes") ProcedureCode probe) {
    TreeMap<ProcedureCode, CodeEntry> model = model(base);
    model.putAll(model(middle));
    model.putAll(model(top));
    CodeSet overlay =
        CodeSet.copyOf(base).overlaidWith(CodeSet.copyOf(middle)).overlaidWith(CodeSet.copyOf(top));
    assertEquals(model.size(), overlay.size());
    assertEquals(new ArrayList<>(model.values()), overlay.stream().collect(Collectors.toList()));
    assertEquals(CodeSet.copyOf(model.values()), overlay);
    assertEquals(CodeSet.copyOf(model.values()).hashCode(), overlay.hashCode());
    assertEquals(Optional.ofNullable(model.get(probe)), overlay.find(probe));
    for (ProcedureCode code : model.keySet()) {
      assertEquals(Optional.of(model.get(code)), overlay.find(code.toString()));
    }
  }

  @Property
  void betweenEqualsAFilteredStream(
      @ForAll("entryLists") List<CodeEntry> base,
      @ForAll("entryLists") List<CodeEntry> top,
      @ForAll("codes") ProcedureCode a,
      @ForAll("codes") ProcedureCode b) {
    ProcedureCode first = a.compareTo(b) <= 0 ? a : b;
    ProcedureCode last = a.compareTo(b) <= 0 ? b : a;
    for (CodeSet set :
        List.of(CodeSet.copyOf(base), CodeSet.copyOf(base).overlaidWith(CodeSet.copyOf(top)))) {
      List<CodeEntry> expected =
          set.stream()
              .filter(e -> e.code().compareTo(first) >= 0 && e.code().compareTo(last) <= 0)
              .collect(Collectors.toList());
      assertEquals(expected, set.between(first, last));
    }
  }

  @Property
  void sectionQueriesEqualAFilteredStream(
      @ForAll("entryLists") List<CodeEntry> base,
      @ForAll("entryLists") List<CodeEntry> top,
      @ForAll Section section,
      @ForAll Subsection subsection) {
    for (CodeSet set :
        List.of(CodeSet.copyOf(base), CodeSet.copyOf(base).overlaidWith(CodeSet.copyOf(top)))) {
      assertEquals(
          set.stream()
              .filter(e -> e.section().equals(Optional.of(section)))
              .collect(Collectors.toList()),
          set.inSection(section));
      assertEquals(
          set.stream()
              .filter(e -> e.subsection().equals(Optional.of(subsection)))
              .collect(Collectors.toList()),
          set.inSubsection(subsection));
    }
  }

  @Property
  void datedFindAgreesWithASimpleModel(
      @ForAll("entryLists") List<CodeEntry> base,
      @ForAll("entryLists") List<CodeEntry> top,
      @ForAll("codes") ProcedureCode probe,
      @ForAll("dates") LocalDate date) {
    TreeMap<ProcedureCode, CodeEntry> model = model(base);
    model.putAll(model(top));
    CodeSet set = CodeSet.copyOf(base).overlaidWith(CodeSet.copyOf(top));
    for (ProcedureCode code : concat(model.keySet(), probe)) {
      CodeEntry entry = model.get(code);
      boolean valid =
          entry != null
              && entry.effectiveFrom().compareTo(date) <= 0
              && (entry.effectiveTo().isEmpty() || date.compareTo(entry.effectiveTo().get()) <= 0);
      Optional<CodeEntry> expected = valid ? Optional.of(entry) : Optional.empty();
      assertEquals(expected, set.find(code, date));
      assertEquals(expected, set.find(code.toString(), date));
    }
  }

  private static List<ProcedureCode> concat(Iterable<ProcedureCode> codes, ProcedureCode more) {
    List<ProcedureCode> all = new ArrayList<>();
    codes.forEach(all::add);
    all.add(more);
    return all;
  }

  @SuppressWarnings("NonApiType") // the model is a TreeMap on purpose: its order is the spec
  private static TreeMap<ProcedureCode, CodeEntry> model(List<CodeEntry> entries) {
    TreeMap<ProcedureCode, CodeEntry> model = new TreeMap<>();
    for (CodeEntry entry : entries) {
      model.put(entry.code(), entry);
    }
    return model;
  }

  @Provide
  Arbitrary<List<CodeEntry>> entryLists() {
    return entries().list().ofMaxSize(40).uniqueElements(CodeEntry::code);
  }

  /**
   * Codes of every shape, drawn mostly from a small pool so that sets share codes; the run from
   * {@code 00000} makes some sets dense enough at the start of the packed order for a code set's
   * direct table.
   */
  @Provide
  Arbitrary<ProcedureCode> codes() {
    Arbitrary<ProcedureCode> pooled =
        Arbitraries.oneOf(
            Arbitraries.integers().between(99200, 99230).map(CptCode::of),
            Arbitraries.integers().between(0, 40).map(CptCode::of),
            Arbitraries.integers().between(0, 12).map(n -> CptCode.of(CptKind.PLA, n)),
            Arbitraries.integers()
                .between(0, 12)
                .map(n -> CptCode.of(CptKind.PERFORMANCE_MEASURE, n)),
            Arbitraries.integers().between(430, 445).map(n -> HcpcsCode.of('G', n)),
            Arbitraries.integers().between(0, 699).map(n -> CptCode.of(n * 143)));
    Arbitrary<ProcedureCode> anywhere =
        Arbitraries.oneOf(
            Arbitraries.integers().between(0, 99_999).map(CptCode::of),
            Combinators.combine(
                    Arbitraries.of(CptKind.values()).filter(k -> k != CptKind.STANDARD),
                    Arbitraries.integers().between(0, 9_999))
                .as(CptCode::of),
            Combinators.combine(
                    Arbitraries.of('A', 'G', 'J', 'Q', 'V'),
                    Arbitraries.integers().between(0, 9_999))
                .as(HcpcsCode::of));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, pooled), net.jqwik.api.Tuple.of(1, anywhere));
  }

  @Provide
  Arbitrary<LocalDate> dates() {
    return Arbitraries.integers().between(-400, 12_000).map(EPOCH::plusDays);
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.oneOf(
        codes().map(ProcedureCode::toString),
        codes().map(c -> c.toString().toLowerCase(java.util.Locale.ROOT)),
        Arbitraries.strings().withChars("0123456789AFGMTUJ x").ofMaxLength(7));
  }

  private Arbitrary<CodeEntry> entries() {
    Arbitrary<Optional<Integer>> lengths = Arbitraries.integers().between(0, 4_000).optional(0.5);
    return Combinators.combine(
            codes(),
            Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12),
            Arbitraries.of(true, false),
            dates(),
            lengths)
        .as(
            (code, text, addOn, from, length) ->
                CodeEntry.builder()
                    .code(code)
                    .shortDescription("Made up " + text)
                    .addOn(addOn)
                    .effectiveFrom(from)
                    .effectiveTo(length.map(from::plusDays))
                    .build());
  }
}
