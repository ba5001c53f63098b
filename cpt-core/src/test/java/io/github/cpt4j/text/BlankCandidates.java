package io.github.cpt4j.text;

/**
 * The characters a parser's trimming is checked on: every one that could be read as a blank, and a
 * spread of the others. Checking all 65,536 through parsers that throw for most of them took
 * seconds a build; the predicates themselves are checked over every character.
 */
final class BlankCandidates {

  private BlankCandidates() {}

  /**
   * Tells whether {@code c} is worth a parser's time: Latin-1, white space, the space and separator
   * categories, the controls and format characters, and every 61st other character.
   */
  static boolean worthChecking(char c) {
    if (c <= 0xFF || c % 61 == 0 || WhiteSpace.isSpace(c) || Blanks.isBlank(c)) {
      return true;
    }
    int type = Character.getType(c);
    return type == Character.SPACE_SEPARATOR
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR
        || type == Character.CONTROL
        || type == Character.FORMAT;
  }
}
