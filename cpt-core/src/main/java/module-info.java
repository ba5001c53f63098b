/**
 * cpt4j core: CPT and HCPCS Level II codes, their classification and modifiers, code sets, and fee
 * schedules with the Medicare Physician Fee Schedule as the reference implementation.
 */
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
}
