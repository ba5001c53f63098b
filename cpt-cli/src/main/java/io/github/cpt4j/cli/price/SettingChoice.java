package io.github.cpt4j.cli.price;

/**
 * The setting a line is priced in, as a user gives it: the {@link Setting} itself, or the
 * {@link PlaceOfService} code from the claim, which the fee schedule maps to a setting.
 */
public sealed interface SettingChoice permits Setting, PlaceOfService {}
