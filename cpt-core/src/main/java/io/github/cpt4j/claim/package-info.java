/** Claim lines: a code with its modifiers and units, and their parser. */
package io.github.cpt4j.claim;
