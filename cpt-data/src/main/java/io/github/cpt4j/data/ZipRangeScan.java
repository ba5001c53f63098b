package io.github.cpt4j.data;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The fast path of the bundled ZIP range files ({@code zip-localities-*.txt}, {@code
 * zip-states-*.txt}, {@code dmepos-rural-zips-*.txt}): reads their lines {@code HEAD
 * first[-last][+] ...} straight from the bytes. It gives up (returns null) on anything but the
 * plain shape the build writes, and the caller then reads the file the general way ({@code
 * BufferedReader}, a {@code String} per word, {@code Integer.parseInt}), which accepts or refuses
 * it with an error naming the line. So it never reports an error, and what it returns is what the
 * general reader hands its builder, range for range, in order ({@code ZipRangeScanProperties}).
 *
 * <p>What it buys: the three files are 320 KB of text, about 60,000 ranges, read at the start of
 * {@code cpt lookup} and {@code cpt price}; the general reader made two {@code String}s and a parse
 * per range, cold, for 15-20 ms of CPU per file (results/startup-profile-2026-11-30-b.md).
 *
 * <p>It accepts: {@code #} lines and empty lines, skipped; data lines of a head word of printable
 * ASCII, then ranges separated by one or more spaces, each 1-5 digits, optionally {@code -} and 1-5
 * digits, optionally {@code +} when {@code plusFour} is allowed; spaces before the line break;
 * every line ending in {@code \n}. Anything else (a tab, a carriage return, a leading space, a
 * sign, a sixth digit, a last line without a line break) is left to the general reader.
 */
final class ZipRangeScan {

  /** The head word of each data line, such as {@code 13202-02} or {@code NY}. */
  private String[] heads = new String[64];

  /** The number of data lines. */
  private int lines;

  /** Per range: the index of its line in {@link #heads}, first and last ZIP code, the '+' flag. */
  private int[] lineOf = new int[1024];

  private int[] firsts = new int[1024];
  private int[] lasts = new int[1024];
  private boolean[] plusFours = new boolean[1024];
  private int ranges;

  private ZipRangeScan() {}

  /** What to do with each range, in file order. */
  interface RangeSink {
    /**
     * Takes one range of data line {@code line} (0-based, counting data lines only; its head word
     * is {@link #head(int) head(line)}).
     */
    void accept(int line, int first, int last, boolean plusFour);
  }

  /** Returns the number of ranges read. */
  int ranges() {
    return ranges;
  }

  /** Returns the number of data lines read (lines with a head word). */
  int dataLines() {
    return lines;
  }

  /** Returns the head word of data line {@code i} (0-based, in file order). */
  String head(int i) {
    return heads[i];
  }

  /** Hands every range, in file order, to {@code sink}. */
  void replay(RangeSink sink) {
    for (int i = 0; i < ranges; i++) {
      sink.accept(lineOf[i], firsts[i], lasts[i], plusFours[i]);
    }
  }

  /**
   * Reads {@code bytes}, or returns null when they are not of the plain shape described on this
   * class.
   *
   * @param plusFour whether a range may end in {@code +} (the locality file's flag)
   */
  static ZipRangeScan scan(byte[] bytes, boolean plusFour) {
    ZipRangeScan scan = new ZipRangeScan();
    int n = bytes.length;
    int i = 0;
    while (i < n) {
      byte b = bytes[i];
      if (b == '\n') { // an empty line
        i++;
        continue;
      }
      if (b == '#') { // a comment line
        while (i < n && bytes[i] != '\n') {
          if (bytes[i] == '\r') {
            return null; // a line break to BufferedReader.readLine
          }
          i++;
        }
        if (i == n) {
          return null; // no line break at the end
        }
        i++;
        continue;
      }
      // The head word: printable ASCII up to the first space or line break.
      int start = i;
      while (i < n && bytes[i] > ' ' && bytes[i] < 0x7F) {
        i++;
      }
      if (i == start || i == n || bytes[i] != ' ' && bytes[i] != '\n') {
        return null;
      }
      int line = scan.addLine(new String(bytes, start, i - start, StandardCharsets.US_ASCII));
      // The ranges, each after one or more spaces.
      while (bytes[i] == ' ') {
        while (i < n && bytes[i] == ' ') {
          i++;
        }
        if (i == n) {
          return null;
        }
        if (bytes[i] == '\n') {
          break; // spaces before the line break
        }
        int end = digitsEnd(bytes, i);
        if (end < 0) {
          return null;
        }
        int first = number(bytes, i, end);
        int last = first;
        i = end;
        if (bytes[i] == '-') {
          end = digitsEnd(bytes, i + 1);
          if (end < 0) {
            return null;
          }
          last = number(bytes, i + 1, end);
          i = end;
        }
        boolean flagged = false;
        if (bytes[i] == '+' && plusFour) {
          flagged = true;
          i++;
          if (i == n) {
            return null;
          }
        }
        if (bytes[i] != ' ' && bytes[i] != '\n') {
          return null;
        }
        scan.addRange(line, first, last, flagged);
      }
      i++; // the line break
    }
    return scan;
  }

  /**
   * Returns the end of the 1-5 digits at {@code from}, or -1 when there are none, more, or the file
   * ends right after them (no line break).
   */
  private static int digitsEnd(byte[] bytes, int from) {
    int i = from;
    while (i < bytes.length && i - from <= 5 && bytes[i] >= '0' && bytes[i] <= '9') {
      i++;
    }
    return i == from || i - from > 5 || i == bytes.length ? -1 : i;
  }

  private static int number(byte[] bytes, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      value = value * 10 + bytes[i] - '0';
    }
    return value;
  }

  private int addLine(String head) {
    if (lines == heads.length) {
      heads = Arrays.copyOf(heads, lines * 2);
    }
    heads[lines] = head;
    return lines++;
  }

  private void addRange(int line, int first, int last, boolean plusFour) {
    if (ranges == firsts.length) {
      int size = ranges * 2;
      lineOf = Arrays.copyOf(lineOf, size);
      firsts = Arrays.copyOf(firsts, size);
      lasts = Arrays.copyOf(lasts, size);
      plusFours = Arrays.copyOf(plusFours, size);
    }
    lineOf[ranges] = line;
    firsts[ranges] = first;
    lasts[ranges] = last;
    plusFours[ranges] = plusFour;
    ranges++;
  }
}
