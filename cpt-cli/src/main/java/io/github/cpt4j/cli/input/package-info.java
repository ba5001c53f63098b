/** Reading the command's inputs as streams, in constant memory, with line numbers for errors. */
package io.github.cpt4j.cli.input;
