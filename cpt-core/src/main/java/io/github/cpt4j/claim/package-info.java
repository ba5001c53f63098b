/**
 * Claims: a claim line (a code with its modifiers and units, and its parser), a line as billed with
 * its charge, date of service and rendering provider, and the lines of one claim for one patient,
 * of one date or several, by one provider or several.
 */
package io.github.cpt4j.claim;
