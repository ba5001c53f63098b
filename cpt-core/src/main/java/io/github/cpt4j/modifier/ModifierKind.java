package io.github.cpt4j.modifier;

/** Who defines a modifier and what it is for. */
public enum ModifierKind {
  /** A CPT (Level I) modifier, two digits such as {@code 25} or {@code 59}. */
  CPT,
  /** An anesthesia physical status modifier, {@code P1} to {@code P6}, used on anesthesia codes. */
  ANESTHESIA_PHYSICAL_STATUS,
  /**
   * A Category II modifier ({@code 1P}, {@code 2P}, {@code 3P}, {@code 8P}), used on Category II
   * codes.
   */
  CATEGORY_II,
  /** A HCPCS Level II modifier defined by CMS, such as {@code TC}, {@code RT} or {@code XS}. */
  HCPCS_LEVEL_II
}
