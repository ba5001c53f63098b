/**
 * Medicare's National Correct Coding Initiative (NCCI) edits as claim edits: procedure-to-procedure
 * pairs ({@link io.github.cpt4j.edit.ncci.PtpTable}, {@link
 * io.github.cpt4j.edit.ncci.PtpClaimEdit}) and medically unlikely units ({@link
 * io.github.cpt4j.edit.ncci.MueTable}, {@link io.github.cpt4j.edit.ncci.MueClaimEdit}), together
 * {@link io.github.cpt4j.edit.ncci.NcciEdits}.
 *
 * <p>The rules follow the NCCI Policy Manual for Medicare Services, Chapter I (Section E, modifiers
 * and modifier indicators; Section V, medically unlikely edits), and the column definitions in the
 * headers of CMS's quarterly PTP and MUE files. The tables are the files users download from CMS;
 * nothing of them ships with cpt4j. The loaders are in {@code io.github.cpt4j.data.ncci}.
 */
package io.github.cpt4j.edit.ncci;
