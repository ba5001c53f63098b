package io.github.cpt4j.code;

/** The two levels of HCPCS: Level I is CPT (AMA), Level II is maintained by CMS. */
public enum CodeLevel {
  /** CPT codes: five characters starting with four digits. */
  LEVEL_I,
  /** HCPCS Level II codes: a letter and four digits, such as {@code G0438}. */
  LEVEL_II
}
