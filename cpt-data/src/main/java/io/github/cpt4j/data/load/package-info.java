/**
 * Loaders that read code sets from files: the AMA's licensed descriptor files (tab- and
 * pipe-separated) and plain CSV lists. Start with {@link io.github.cpt4j.data.load.CodeSetLoader}.
 */
package io.github.cpt4j.data.load;
