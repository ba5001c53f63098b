/** cpt4j data: the bundled sample dataset and loaders for CMS, AMA and CSV files. */
module io.github.cpt4j.data {
  requires transitive io.github.cpt4j.core;
  requires com.google.common;
  requires de.siegmar.fastcsv;

  exports io.github.cpt4j.data;
  exports io.github.cpt4j.data.load;
  exports io.github.cpt4j.data.fee;
  exports io.github.cpt4j.data.medicare;
  exports io.github.cpt4j.data.ncci;
}
