package io.github.cpt4j.cli.price;

/**
 * Where a service was performed, as a user names it: a Medicare payment locality
 * ({@link LocalityId}) or a ZIP code that maps to one ({@link ZipCode}).
 */
public sealed interface Location permits LocalityId, ZipCode {}
