package io.github.cpt4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.claim.Npi;
import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.code.CodeRange;
import io.github.cpt4j.code.CptCode;
import io.github.cpt4j.code.HcpcsCode;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.code.Section;
import io.github.cpt4j.code.SectionTable;
import io.github.cpt4j.code.Subsection;
import io.github.cpt4j.codeset.CodeEntry;
import io.github.cpt4j.codeset.CodeSet;
import io.github.cpt4j.edit.ClaimEdit;
import io.github.cpt4j.edit.ClaimScrubber;
import io.github.cpt4j.edit.DuplicateLinesEdit;
import io.github.cpt4j.edit.EditFinding;
import io.github.cpt4j.edit.LiabilityModifiersEdit;
import io.github.cpt4j.edit.ModifierRulesEdit;
import io.github.cpt4j.edit.ncci.MueAdjudicationIndicator;
import io.github.cpt4j.edit.ncci.MueClaimEdit;
import io.github.cpt4j.edit.ncci.MueEdit;
import io.github.cpt4j.edit.ncci.MueTable;
import io.github.cpt4j.edit.ncci.PtpClaimEdit;
import io.github.cpt4j.edit.ncci.PtpEdit;
import io.github.cpt4j.edit.ncci.PtpModifierIndicator;
import io.github.cpt4j.edit.ncci.PtpTable;
import io.github.cpt4j.fee.Explanation;
import io.github.cpt4j.fee.FlatFeeSchedule;
import io.github.cpt4j.fee.PractitionerType;
import io.github.cpt4j.fee.PricedLine;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.PricingStep;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.ApmProviders;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.PlaceOfService;
import io.github.cpt4j.fee.medicare.Quarter;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaBaseUnits;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaCalculation;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaConversionFactors;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaTimeEdit;
import io.github.cpt4j.fee.medicare.anesthesia.NationalAnesthesiaFactor;
import io.github.cpt4j.fee.medicare.pfs.ConversionFactor;
import io.github.cpt4j.fee.medicare.pfs.RowModifier;
import io.github.cpt4j.modifier.Modifier;
import io.github.cpt4j.modifier.ModifierInfo;
import io.github.cpt4j.modifier.ModifierKind;
import io.github.cpt4j.modifier.ModifierRegistry;
import io.github.cpt4j.modifier.ModifierRules;
import io.github.cpt4j.modifier.ModifierViolation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Keeps the Javadoc examples of cpt-core's entry points honest: each test runs an example as the
 * Javadoc writes it (same names, same values) and checks that the comment after each call states
 * what the call gives. The examples that price on the bundled sample (the Medicare fee schedule,
 * the claim pricer, Part B) are cpt-data's JavadocExamplesTest: this module cannot read that data.
 */
class JavadocExamplesTest {

  private static final Path SOURCES = Path.of("src", "main", "java", "io", "github", "cpt4j");

  private static final PricingContext CONTEXT =
      PricingContext.of(LocalDate.of(2025, 6, 2), Locality.parse("13282-99"), Setting.FACILITY);

  @Test
  void claimLinesAndBilledLines() {
    String file = "claim/BilledLine.java";
    BilledLine knee = BilledLine.of(ClaimLine.parse("29880-RT"), new BigDecimal("2400.00"));
    assertStated(file, "knee.toString();", quoted(knee.toString()));
    BilledLine visit = BilledLine.parse("99213-25 $180.00 on 2025-06-02");
    assertStated(file, "visit.dateOfService();", visit.dateOfService());
    BilledLine assist = BilledLine.parse("27447-80 $600.00 on 2025-06-02 by 1234567893");
    assertStated(file, "assist.renderingProvider();", assist.renderingProvider());

    ClaimLine line = ClaimLine.parse("71046-26 x2");
    assertStated("claim/ClaimLine.java", "line.code();", line.code());
    assertStated("claim/ClaimLine.java", "line.modifiers();", line.modifiers());
    assertStated("claim/ClaimLine.java", "line.units();", line.units());

    Npi npi = Npi.parse("1234567893");
    assertStated("claim/Npi.java", "npi.toString();", quoted(npi.toString()));
    assertStated("claim/Npi.java", "Npi.tryParse(\"1234567890\");", Npi.tryParse("1234567890"));
  }

  @Test
  void claimsAreBuiltAndRenumbered() {
    Claim claim =
        Claim.builder()
            .add("29880-RT", "2400.00") // a line and its charge
            .add("20610-LT", "310.00")
            .add("99213-25") // charge not known
            .build();
    assertEquals(3, claim.size());
    Claim renumbered = Claim.builder().add("27447").add("20610").build().withLineNumbers(2, 3);
    assertEquals(2, renumbered.size());
    assertShows(
        "claim/Claim.java",
        "Claim.builder().add(\"27447\").add(\"20610\").build().withLineNumbers(2, 3);");
  }

  @Test
  void codesParseAndClassify() {
    String file = "code/CodeFormatException.java";
    CodeFormatException e = null;
    try {
      CptCode.parse("9921");
    } catch (CodeFormatException thrown) {
      e = thrown;
    }
    assertStated(file, "e.errorType();", e.errorType());
    assertStated(file, "e.errorIndex();", e.errorIndex());
    assertStated(
        file, "CodeFormatException.quote(\"13282-99\\0\")", literal(quoteOf("13282-99\0")));
    assertStated(file, "CodeFormatException.quote(\"a\\033[31m\")", literal(quoteOf("a\033[31m")));

    CodeRange surgery = CodeRange.of(CptCode.of(10004), CptCode.of(69990), Section.SURGERY);
    assertStated(
        "code/CodeRange.java",
        "surgery.contains(CptCode.parse(\"27447\"));",
        surgery.contains(CptCode.parse("27447")));
    assertStated("code/CodeRange.java", "surgery.toString();", quoted(surgery.toString()));

    file = "code/CptCode.java";
    CptCode code = CptCode.parse("99213");
    assertStated(file, "code.category();", code.category());
    assertStated(file, "code.kind();", code.kind());
    assertStated(file, "code.section();", code.section());
    assertStated(file, "code.subsection();", code.subsection());
    assertStated(file, "CptCode.isValid(\"0042T\");", CptCode.isValid("0042T"));
    assertStated(file, "CptCode.parseLenient(\" 0001f \");", CptCode.parseLenient(" 0001f "));
    assertStated(file, "CptCode.tryParse(\"9921\");", CptCode.tryParse("9921"));

    file = "code/HcpcsCode.java";
    HcpcsCode hcpcs = HcpcsCode.parse("G0438");
    assertStated(file, "code.letter();", "'" + hcpcs.letter() + "'");
    assertStated(file, "code.number();", hcpcs.number());
    assertStated(file, "code.group();", hcpcs.group());
    for (String c : List.of("J1100", "A0425", "N0001")) {
      assertStated(
          "code/HcpcsGroup.java",
          "HcpcsCode.parse(\"" + c + "\").group();",
          HcpcsCode.parse(c).group());
    }

    file = "code/ProcedureCode.java";
    assertTrue(ProcedureCode.parse("99213") instanceof CptCode);
    assertTrue(ProcedureCode.parse("J1100") instanceof HcpcsCode);
    assertStated(file, "ProcedureCode.isValid(\"0001F\");", ProcedureCode.isValid("0001F"));
    assertStated(
        file,
        "ProcedureCode.parseLenient(\"71046-26\", 0, 5);",
        ProcedureCode.parseLenient("71046-26", 0, 5));
    assertStated(
        file,
        "ProcedureCode.packedOf(\"71046-26\", 0, 5);",
        ProcedureCode.packedOf("71046-26", 0, 5));

    for (String c : List.of("27447", "0001U", "02500")) {
      assertStated(
          "code/Section.java",
          "CptCode.parse(\"" + c + "\").section();",
          CptCode.parse(c).section());
    }
    for (String c : List.of("27447", "3044F", "99213")) {
      assertStated(
          "code/Subsection.java",
          "CptCode.parse(\"" + c + "\").subsection();",
          CptCode.parse(c).subsection());
    }
    SectionTable table = SectionTable.standard();
    assertStated(
        "code/SectionTable.java",
        "table.section(CptCode.parse(\"71046\"));",
        table.section(CptCode.parse("71046")));
    assertStated(
        "code/SectionTable.java",
        "table.subsection(CptCode.parse(\"71046\"));",
        table.subsection(CptCode.parse("71046")));
    assertTrue(Subsection.values().length > 0);
  }

  @Test
  void codeEntriesAndCodeSets() {
    CodeEntry visit =
        CodeEntry.builder()
            .code(ProcedureCode.parse("99213"))
            .shortDescription("Office visit, established patient, low complexity")
            .effectiveFrom(LocalDate.of(1992, 1, 1))
            .build();
    assertStated(
        "codeset/CodeEntry.java",
        "visit.isEffectiveOn(LocalDate.of(2025, 3, 1));",
        visit.isEffectiveOn(LocalDate.of(2025, 3, 1)));
    CodeEntry ecg =
        CodeEntry.builder()
            .code(ProcedureCode.parse("93000"))
            .shortDescription("Electrocardiogram")
            .effectiveFrom(LocalDate.of(1992, 1, 1))
            .build();
    CodeSet set = CodeSet.builder().add(visit).add(ecg).build();
    assertEquals(2, set.size());
  }

  @Test
  void modifiers() {
    String file = "modifier/Modifier.java";
    Modifier pc = Modifier.parse("26");
    assertStated(
        file, "pc == Modifier.PROFESSIONAL_COMPONENT;", pc == Modifier.PROFESSIONAL_COMPONENT);
    assertStated(file, "Modifier.isValid(\"rt\");", Modifier.isValid("rt"));
    assertStated(file, "pc.info().map(ModifierInfo::kind);", pc.info().map(ModifierInfo::kind));
    assertStated(file, "Modifier.parse(\"P7\").isKnown();", Modifier.parse("P7").isKnown());

    ModifierInfo info = Modifier.parse("59").info().orElseThrow();
    assertStated("modifier/ModifierInfo.java", "info.kind();", info.kind());
    assertStated("modifier/ModifierInfo.java", "info.description();", quoted(info.description()));

    file = "modifier/ModifierRegistry.java";
    ModifierRegistry registry = ModifierRegistry.standard();
    assertStated(
        file,
        "registry.lookup(Modifier.parse(\"TC\")).map(ModifierInfo::kind);",
        registry.lookup(Modifier.parse("TC")).map(ModifierInfo::kind));
    assertStated(
        file, "registry.isKnown(Modifier.parse(\"P7\"));", registry.isKnown(Modifier.parse("P7")));
    assertStated(
        file,
        "registry.ofKind(ModifierKind.CATEGORY_II);",
        registry.ofKind(ModifierKind.CATEGORY_II).stream()
            .map(i -> i.modifier().toString())
            .collect(Collectors.joining(", ")));

    List<ModifierViolation> problems =
        ModifierRules.standard().check(ClaimLine.parse("99213-25-59-25"));
    assertStated("modifier/ModifierRules.java", "ClaimLine.parse(\"99213-25-59-25\"));", problems);

    file = "modifier/ModifierViolation.java";
    ModifierViolation v = ModifierRules.standard().check(ClaimLine.parse("71046-26-TC")).get(0);
    assertStated(file, "v.rule();", v.rule());
    assertStated(file, "v.modifiers();", v.modifiers());
    assertStated(file, "v.message();", quoted(v.message()));

    file = "modifier/PaymentEffect.java";
    assertStated(
        file,
        "paymentEffect(Modifier.BILATERAL);",
        ModifierRegistry.standard().paymentEffect(Modifier.BILATERAL));
    assertStated(
        file,
        "paymentEffect(Modifier.parse(\"59\"));",
        ModifierRegistry.standard().paymentEffect(Modifier.parse("59")));
    assertStated(
        "fee/medicare/pfs/RowModifier.java",
        "RowModifier.of(Modifier.parse(\"26\"));",
        RowModifier.of(Modifier.parse("26")));
    assertStated(
        "fee/medicare/pfs/RowModifier.java",
        "RowModifier.of(Modifier.parse(\"LT\"));",
        RowModifier.of(Modifier.parse("LT")));
  }

  @Test
  void claimEditsAndTheirFindings() {
    String file = "edit/EditFinding.java";
    EditFinding finding =
        EditFinding.denyLine(
            "ncci-ptp",
            1,
            1,
            "20610 is a component of 27447 on the same date; add 59 or XU if" + " distinct");
    assertStated(file, "finding.line();", finding.line());
    assertStated(file, "finding.lineNumber();", finding.lineNumber());
    assertStated(file, "finding.reason();", "UnpricedReason." + finding.reason());
    assertStated(
        file,
        "EditFinding.denyLine(\"ncci-mue\", 0, 3, \"...\").deniesWholeLine(3);",
        EditFinding.denyLine("ncci-mue", 0, 3, "...").deniesWholeLine(3));

    PricingContext context = CONTEXT;
    assertStated(
        "edit/DuplicateLinesEdit.java",
        "BilledLine.parse(\"27447-RT\")), context);",
        DuplicateLinesEdit.standard()
            .check(Claim.of(BilledLine.parse("27447-RT"), BilledLine.parse("27447-RT")), context));
    ClaimEdit modifiers = ModifierRulesEdit.standard();
    assertStated(
        "edit/ModifierRulesEdit.java",
        "modifiers.check(Claim.ofLines(ClaimLine.parse(\"71046-26-TC\")), context);",
        modifiers.check(Claim.ofLines(ClaimLine.parse("71046-26-TC")), context));
    assertStated(
        "edit/LiabilityModifiersEdit.java",
        "LiabilityModifiersEdit.denial(ClaimLine.parse(\"99213-GZ\"), LocalDate.of(2025, 11, 3));",
        LiabilityModifiersEdit.denial(ClaimLine.parse("99213-GZ"), LocalDate.of(2025, 11, 3)));

    CptCode cosmetic = CptCode.parse("15775");
    ClaimEdit noCosmetic =
        new ClaimEdit() {
          @Override
          public String name() {
            return "payer-cosmetic";
          }

          @Override
          public List<EditFinding> check(Claim claim, PricingContext context) {
            List<EditFinding> found = new ArrayList<>();
            for (int i = 0; i < claim.size(); i++) {
              if (claim.line(i).line().code().equals(cosmetic)) {
                found.add(
                    EditFinding.denyLine(
                        name(),
                        i,
                        claim.line(i).line().units(),
                        "cosmetic procedures are not covered"));
              }
            }
            return found;
          }
        };
    ClaimScrubber scrubber = ClaimScrubber.of(ModifierRulesEdit.standard(), noCosmetic);
    List<EditFinding> found =
        scrubber.scrub(Claim.builder().add("99213").add("15775").build(), context);
    assertEquals(1, found.size(), found::toString);
    assertStated("edit/ClaimScrubber.java", "log.info(finding.toString());", found.get(0));
  }

  @Test
  void ncciTables() {
    MueEdit edit =
        new MueEdit(
            CptCode.parse("20610"),
            2,
            MueAdjudicationIndicator.DATE_OF_SERVICE_CLINICAL,
            "Anatomic consideration");
    assertStated("edit/ncci/MueEdit.java", "edit.exceededBy(3);", edit.exceededBy(3));
    MueTable mue = MueTable.builder().add(edit).build();
    assertStated(
        "edit/ncci/MueTable.java",
        "mue.find(CptCode.parse(\"20610\")).map(MueEdit::value);",
        mue.find(CptCode.parse("20610")).map(MueEdit::value));
    ClaimEdit mueEdit = MueClaimEdit.of(mue);
    assertTrue(
        !mueEdit
            .check(Claim.builder().add("20610-RT").add("20610-LT x2").build(), CONTEXT)
            .isEmpty());

    PtpTable table =
        PtpTable.builder()
            .add(
                new PtpEdit(
                    CptCode.parse("27447"),
                    CptCode.parse("20610"),
                    false,
                    LocalDate.of(2002, 1, 1),
                    Optional.empty(),
                    PtpModifierIndicator.ALLOWED,
                    "Standards of medical/surgical practice"))
            .build();
    LocalDate date = LocalDate.of(2025, 6, 2);
    PtpEdit found = table.find(CptCode.parse("27447"), CptCode.parse("20610"), date).orElseThrow();
    assertStated("edit/ncci/PtpEdit.java", "edit.isActiveOn(date);", found.isActiveOn(date));
    ClaimEdit ptp = PtpClaimEdit.of(table);
    List<EditFinding> findings =
        ptp.check(Claim.builder().add("27447").add("20610").build(), CONTEXT);
    assertStated("edit/ncci/PtpClaimEdit.java", "context);", findings);
  }

  @Test
  void pricingContextsAndPractitioners() {
    PricingContext office =
        PricingContext.of(
            LocalDate.of(2025, 3, 14), Locality.parse("13282-99"), Setting.NON_FACILITY);
    assertTrue(!office.withParticipating(false).participating());
    PricingContext group =
        office.withPractitioner(Npi.parse("1000000004"), PractitionerType.NURSE_PRACTITIONER);
    // The NPI's lines are the nurse practitioner's; the context's own practitioner is unchanged.
    assertEquals(
        PractitionerType.NURSE_PRACTITIONER, group.practitioners().get(Npi.parse("1000000004")));
    assertEquals(PractitionerType.PHYSICIAN, group.practitioner());

    String file = "fee/PractitionerType.java";
    PricingContext np = office.withPractitioner(PractitionerType.NURSE_PRACTITIONER);
    assertEquals(PractitionerType.NURSE_PRACTITIONER, np.practitioner());
    assertStated(
        file,
        "PractitionerType.parse(\"np\").medicareShare();",
        PractitionerType.parse("np").medicareShare());
    assertStated(
        file,
        "CERTIFIED_NURSE_MIDWIFE.medicareShare(LocalDate.of(2010, 6, 1));",
        PractitionerType.CERTIFIED_NURSE_MIDWIFE.medicareShare(LocalDate.of(2010, 6, 1)));
    for (String taxonomy : List.of("363LF0000X", "363A00000X", "163W00000X")) {
      assertStated(
          file,
          "PractitionerType.fromTaxonomy(\"" + taxonomy + "\");",
          PractitionerType.fromTaxonomy(taxonomy));
    }

    Locality manhattan = Locality.parse("13202-01");
    assertStated("fee/medicare/Locality.java", "manhattan.mac();", quoted(manhattan.mac()));
    assertStated("fee/medicare/Locality.java", "manhattan.number();", quoted(manhattan.number()));

    file = "fee/medicare/PlaceOfService.java";
    assertStated(
        file, "PlaceOfService.parse(\"22\").setting();", PlaceOfService.parse("22").setting());
    assertStated(file, "PlaceOfService.OFFICE.setting();", PlaceOfService.OFFICE.setting());
    assertStated(
        file,
        "TELEHEALTH_IN_HOME.settingOn(LocalDate.of(2023, 6, 1));",
        PlaceOfService.TELEHEALTH_IN_HOME.settingOn(LocalDate.of(2023, 6, 1)));
    assertStated(
        file,
        "TELEHEALTH_IN_HOME.settingOn(LocalDate.of(2024, 6, 1));",
        PlaceOfService.TELEHEALTH_IN_HOME.settingOn(LocalDate.of(2024, 6, 1)));

    file = "fee/medicare/Quarter.java";
    Quarter q = Quarter.parse("2025-Q1");
    assertStated(file, "q.firstDay();", q.firstDay());
    assertStated(file, "q.lastDay();", q.lastDay());
    assertStated(
        file, "q.contains(LocalDate.of(2025, 4, 1));", q.contains(LocalDate.of(2025, 4, 1)));
    assertStated(
        file, "Quarter.of(LocalDate.of(2025, 5, 20));", Quarter.of(LocalDate.of(2025, 5, 20)));
  }

  @Test
  void feeTablesAndPricedLines() {
    FlatFeeSchedule table =
        FlatFeeSchedule.builder()
            .name("acme-2025")
            .put(ProcedureCode.parse("99213"), new BigDecimal("95.00"))
            .put(
                ProcedureCode.parse("71046"),
                Modifier.PROFESSIONAL_COMPONENT,
                new BigDecimal("12.50"))
            .build();
    assertEquals(
        new BigDecimal("95.00"), table.price(ClaimLine.parse("99213"), CONTEXT).amountOrThrow());

    BilledLine billed = BilledLine.parse("99213");
    Explanation explanation = Explanation.of(PricingStep.note("test", "the example's amount"));
    PricedLine line =
        PricedLine.priced(
            0, 1, billed, new BigDecimal("101.0569"), false, () -> explanation, List.of());
    assertStated("fee/PricedLine.java", "line.amount();", line.amount());

    ConversionFactor cf =
        ConversionFactor.builder()
            .effectiveFrom(LocalDate.of(2025, 1, 1))
            .effectiveTo(LocalDate.of(2025, 12, 31))
            .amount(new BigDecimal("32.3465"))
            .appliesTo(ApmProviders.ALL)
            .build();
    assertEquals(new BigDecimal("32.3465"), cf.amount());
  }

  @Test
  void anesthesiaTables() {
    AnesthesiaBaseUnits units = AnesthesiaBaseUnits.of("CY 2022", Map.of(CptCode.of(790), 7));
    assertStated(
        "fee/medicare/anesthesia/AnesthesiaBaseUnits.java",
        "units.find(CptCode.of(790));",
        units.find(CptCode.of(790)));
    assertStated(
        "fee/medicare/anesthesia/AnesthesiaCalculation.java",
        "AnesthesiaCalculation.timeUnits(95);",
        AnesthesiaCalculation.timeUnits(95));
    AnesthesiaConversionFactors cf =
        AnesthesiaConversionFactors.of(
            "ANES2025", Map.of(Locality.parse("13282-99"), new BigDecimal("19.79")));
    assertStated(
        "fee/medicare/anesthesia/AnesthesiaConversionFactors.java",
        "cf.find(Locality.parse(\"13282-99\"));",
        cf.find(Locality.parse("13282-99")));
    NationalAnesthesiaFactor national =
        NationalAnesthesiaFactor.of(
            LocalDate.of(2026, 1, 1),
            LocalDate.of(2026, 12, 31),
            ApmProviders.QUALIFYING_APM_PARTICIPANTS,
            new BigDecimal("20.5998"));
    assertEquals(new BigDecimal("20.5998"), national.amount());
    String file = "fee/medicare/anesthesia/AnesthesiaTimeEdit.java";
    assertStated(
        file,
        "AnesthesiaTimeEdit.ignoredMinutes(ClaimLine.parse(\"99213 30min\"));",
        AnesthesiaTimeEdit.ignoredMinutes(ClaimLine.parse("99213 30min")));
    assertStated(
        file,
        "AnesthesiaTimeEdit.ignoredMinutes(ClaimLine.parse(\"00790-AA 95min\"));",
        AnesthesiaTimeEdit.ignoredMinutes(ClaimLine.parse("00790-AA 95min")));
  }

  private static String quoteOf(String text) {
    return CodeFormatException.quote(text);
  }

  private static String quoted(Object text) {
    return "\"" + text + "\"";
  }

  /** {@code text} as a Java string literal writes it: quoted, a backslash doubled. */
  private static String literal(String text) {
    return quoted(text.replace("\\", "\\\\"));
  }

  /**
   * Checks that a Javadoc line of {@code file} holds {@code code} and that its comment states
   * {@code actual} (or, when the line has no comment, that the next line's comment does): exactly,
   * or followed by an explanation after a comma, colon, space or semicolon. A stated result that
   * elides with {@code ...} must match the actual text up to the ellipsis and after it.
   */
  private static void assertStated(String file, String code, Object actual) {
    String want = String.valueOf(actual);
    List<String> lines = source(file).lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int at = line.indexOf(code);
      if (at < 0 || !line.strip().startsWith("*")) {
        continue;
      }
      int comment = line.indexOf("// ", at + code.length());
      if (comment < 0 && i + 1 < lines.size() && lines.get(i + 1).strip().startsWith("* // ")) {
        // A result too long for the code's line is stated on the next one.
        line = lines.get(i + 1);
        comment = line.indexOf("// ");
      }
      if (comment > 0) {
        String stated = line.substring(comment + 3).strip();
        assertTrue(
            agrees(stated, want),
            () -> file + ": the example '" + code + "' states " + stated + ", not " + want);
        return;
      }
    }
    fail(file + ": no Javadoc example line with '" + code + "' and a stated result");
  }

  private static boolean agrees(String stated, String want) {
    // An example may write the empty optional as the expression that makes it.
    stated = stated.replace("Optional.empty()", "Optional.empty");
    if (stated.equals(want)
        || (stated.startsWith(want) && ",:; ".indexOf(stated.charAt(want.length())) >= 0)) {
      return true;
    }
    // An elided result: every piece between the ellipses appears in the actual text, in order.
    if (!stated.contains("...")) {
      return false;
    }
    String[] pieces = stated.split("\\.\\.\\.", -1);
    for (int p = 0; p < pieces.length; p++) {
      pieces[p] = pieces[p].strip();
    }
    if (!want.startsWith(pieces[0])) {
      return false;
    }
    int from = pieces[0].length();
    for (int p = 1; p < pieces.length; p++) {
      int found = want.indexOf(pieces[p], from);
      if (found < 0) {
        return false;
      }
      from = found + pieces[p].length();
    }
    return true;
  }

  /**
   * Checks that the Javadoc of {@code file} shows {@code lines}, in order, each on its own line.
   */
  private static void assertShows(String file, String... lines) {
    List<String> body =
        source(file).lines().map(l -> l.strip().replaceFirst("^\\* ?", "").strip()).toList();
    int from = 0;
    for (String want : lines) {
      int found = body.subList(from, body.size()).indexOf(want);
      assertTrue(found >= 0, () -> file + ": the example does not show '" + want + "'");
      from += found + 1;
    }
  }

  private static String source(String file) {
    try {
      return Files.readString(SOURCES.resolve(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void theSourcesAreWhereTheTestLooks() {
    assertTrue(Files.isDirectory(SOURCES), () -> "run from cpt-core: " + SOURCES.toAbsolutePath());
  }
}
