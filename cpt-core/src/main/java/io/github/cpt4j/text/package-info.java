/**
 * Internal: the lexical rules the parsers of the exported packages share, kept in one place so that
 * codes, modifiers and claim lines trim the same characters ({@link
 * io.github.cpt4j.text.WhiteSpace}), and localities, quarters, places of service and ZIP codes the
 * same blanks ({@link io.github.cpt4j.text.Blanks}). Depends on no other package of the module. Not
 * API: exported only to the command line module ({@code io.github.cpt4j.cli}), whose parsers use
 * the same definitions.
 */
package io.github.cpt4j.text;
