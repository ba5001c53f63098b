/**
 * cpt4j core: CPT and HCPCS Level II codes, their classification and modifiers, code sets, and fee
 * schedules with the Medicare Physician Fee Schedule as the reference implementation.
 */
// The command line, data and JSON modules depend on this one, so they are never on the module path
// when this one compiles: without this, javac's module lint warns "module not found" at the
// qualified export.
@SuppressWarnings("module")
module io.github.cpt4j.core {
  requires transitive com.google.common;
  requires static org.immutables.value.annotations;

  exports io.github.cpt4j.code;
  exports io.github.cpt4j.modifier;
  exports io.github.cpt4j.claim;
  exports io.github.cpt4j.codeset;
  exports io.github.cpt4j.edit;
  exports io.github.cpt4j.edit.ncci;
  exports io.github.cpt4j.fee;
  exports io.github.cpt4j.fee.medicare;
  exports io.github.cpt4j.fee.medicare.pfs;
  exports io.github.cpt4j.fee.medicare.pfs.claim;
  exports io.github.cpt4j.fee.medicare.clfs;
  exports io.github.cpt4j.fee.medicare.dmepos;
  exports io.github.cpt4j.fee.medicare.asp;
  exports io.github.cpt4j.fee.medicare.partb;
  exports io.github.cpt4j.fee.medicare.anesthesia;
  exports io.github.cpt4j.fee.medicare.release;

  // Not API: the one definition of blank text, shared with the command line's parsers (validate
  // and its rule checks trim as the claim-line parser does, a batch's modifier cell splits on the
  // blanks the locality parsers allow) and the data loaders (a descriptor is blank where CodeEntry
  // says so), and the one strict reading of a date (yyyy-MM-dd, four-digit year), shared with the
  // command line, the data loaders and the JSON module, instead of copies that could drift.
  // Exported to those modules alone; no user module can read it.
  exports io.github.cpt4j.text to
      io.github.cpt4j.cli,
      io.github.cpt4j.data,
      io.github.cpt4j.jackson;
}
