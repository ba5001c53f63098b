/**
 * Internal: the lexical rules the parsers of the exported packages share, kept in one place so that
 * codes, modifiers and claim lines trim the same characters. Depends on no other package of the
 * module. Not exported.
 */
package io.github.cpt4j.text;
