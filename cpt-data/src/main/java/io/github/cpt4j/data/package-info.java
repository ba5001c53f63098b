/** The bundled sample dataset and loaders for real CMS, AMA and CSV files. */
package io.github.cpt4j.data;
