/**
 * Internal: the lexical rules the parsers of the exported packages share, kept in one place so that
 * codes, modifiers and claim lines trim the same characters ({@link
 * io.github.cpt4j.text.WhiteSpace}), localities, quarters, places of service and ZIP codes the same
 * blanks ({@link io.github.cpt4j.text.Blanks}), every date is read as {@code yyyy-MM-dd} with a
 * four-digit year ({@link io.github.cpt4j.text.IsoDate}), a description is one line ({@link
 * io.github.cpt4j.text.OneLine}), an NCCI rationale holds no control character ({@link
 * io.github.cpt4j.text.ControlCharacters}), and a null element in a list given to the API is named
 * with its index ({@link io.github.cpt4j.text.NullElements}). Depends on no other package of the
 * module. Not API: exported only to the command line, data and JSON modules ({@code
 * io.github.cpt4j.cli}, {@code io.github.cpt4j.data}, {@code io.github.cpt4j.jackson}), whose
 * parsers use the same definitions.
 */
package io.github.cpt4j.text;
