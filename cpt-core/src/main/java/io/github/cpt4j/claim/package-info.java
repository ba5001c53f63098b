/**
 * Claims: a claim line (a code with its modifiers and units, and its parser), a line as billed with
 * its charge, and the lines one provider billed for one patient on one date of service.
 */
package io.github.cpt4j.claim;
