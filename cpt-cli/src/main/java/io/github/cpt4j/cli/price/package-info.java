/**
 * The pricing side of the command line: the context a line is priced in (where, in which setting,
 * on which date), the batch engine that streams a CSV file of lines through a {@link
 * io.github.cpt4j.cli.price.RowPricer}, and the outcome of each line.
 */
package io.github.cpt4j.cli.price;
