package io.github.cpt4j.data;

/**
 * The data bundled with cpt4j: the entry point to the sample code set and the 2025 Medicare
 * fee-schedule tables. Everything is loaded lazily, on first use.
 */
public final class BundledData {

  private BundledData() {}
}
