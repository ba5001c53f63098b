/**
 * Loaders for the Medicare Physician Fee Schedule files CMS publishes, read as published: the
 * relative value file ({@link io.github.cpt4j.data.medicare.RvuFile}), GPCIs ({@link
 * io.github.cpt4j.data.medicare.GpciFile}), ZIP code to locality ({@link
 * io.github.cpt4j.data.medicare.Zip5File}), OPPS imaging caps ({@link
 * io.github.cpt4j.data.medicare.OppsCapFile}), conversion factor histories ({@link
 * io.github.cpt4j.data.medicare.ConversionFactorFile}) and the published payment amounts ({@link
 * io.github.cpt4j.data.medicare.PaymentAmountFile}).
 *
 * <p>Every loader is all-or-nothing and reports bad content as a {@link
 * io.github.cpt4j.data.load.DataLoadException} naming the file, line and column.
 */
package io.github.cpt4j.data.medicare;
