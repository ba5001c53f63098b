/**
 * Where Medicare data comes from: the sample dataset bundled in the jar ({@link
 * io.github.cpt4j.data.BundledData}) and a directory of CMS files as downloaded ({@link
 * io.github.cpt4j.data.CmsDirectory}). The loaders of single files are in the sub-packages: {@code
 * medicare} for CMS's Medicare files, {@code ncci} for the NCCI edits, {@code load} for code sets
 * (AMA, CSV) and {@code fee} for flat fee schedules. This package depends on them, never the other
 * way round.
 */
package io.github.cpt4j.data;
