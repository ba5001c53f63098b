/** Procedure modifiers: the value type, the registry of known modifiers and their rules. */
package io.github.cpt4j.modifier;
