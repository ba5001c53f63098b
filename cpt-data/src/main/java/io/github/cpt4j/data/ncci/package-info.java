/**
 * Loaders for the National Correct Coding Initiative files CMS publishes each quarter, read as
 * published: procedure-to-procedure edits ({@link io.github.cpt4j.data.ncci.PtpFile}, several parts
 * into one table) and medically unlikely edits ({@link io.github.cpt4j.data.ncci.MueFile}).
 * Practitioner, outpatient hospital and DME files are separate tables, and each loaded table says
 * which it is ({@code claimType()}), as the file's name and the MUE file's value column say.
 *
 * <p>The files sit behind the AMA's licence click-through on CMS's NCCI pages; users download them,
 * and nothing of them ships with cpt4j. Every loader is all-or-nothing and reports bad content as a
 * {@link io.github.cpt4j.data.load.DataLoadException} naming the file, line and column.
 */
package io.github.cpt4j.data.ncci;
