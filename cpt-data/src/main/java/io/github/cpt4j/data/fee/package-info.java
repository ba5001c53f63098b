/**
 * Loaders of general-purpose fee schedules, such as {@link
 * io.github.cpt4j.data.fee.FlatFeeScheduleCsv} for contract tables kept in CSV.
 */
package io.github.cpt4j.data.fee;
