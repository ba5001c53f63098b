package io.github.cpt4j.data.medicare;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Good files damaged in one place, for the properties that a loader either reads a file or refuses
 * it cleanly: cut short, one byte changed, one byte inserted or one deleted.
 */
final class ByteDamage {

  /** One way to damage a file at a position. */
  enum Kind {
    CUT,
    FLIP,
    INSERT,
    DELETE
  }

  private ByteDamage() {}

  /**
   * One damage, to be done to any file: at position {@code at} modulo the file's length plus one,
   * by {@code kind}, writing {@code value} where a byte is changed or inserted.
   */
  record Damage(int at, byte value, Kind kind) {
    /** Returns a damaged copy of {@code good}, which is left as it is. */
    byte[] applyTo(byte[] good) {
      return damage(good, at, value, kind);
    }
  }

  /** Returns one of {@code good} (as ISO-8859-1 bytes) damaged once, by one of {@code kinds}. */
  static Arbitrary<byte[]> of(List<String> good, Kind... kinds) {
    return Combinators.combine(Arbitraries.of(good), damages(kinds))
        .as((text, damage) -> damage.applyTo(text.getBytes(StandardCharsets.ISO_8859_1)));
  }

  /** Returns one damage by one of {@code kinds}, anywhere in a file of up to 10,000 bytes. */
  static Arbitrary<Damage> damages(Kind... kinds) {
    return Combinators.combine(
            Arbitraries.integers().between(0, 10_000),
            Arbitraries.integers().between(0, 255),
            Arbitraries.of(kinds))
        .as((at, value, kind) -> new Damage(at, (byte) value.intValue(), kind));
  }

  private static byte[] damage(byte[] good, int at, byte value, Kind kind) {
    int i = at % (good.length + 1);
    return switch (kind) {
      case CUT -> Arrays.copyOf(good, i);
      case FLIP -> {
        byte[] copy = good.clone();
        if (i < copy.length) {
          copy[i] = value;
        }
        yield copy;
      }
      case DELETE -> {
        if (i == good.length) {
          yield good;
        }
        byte[] copy = new byte[good.length - 1];
        System.arraycopy(good, 0, copy, 0, i);
        System.arraycopy(good, i + 1, copy, i, good.length - i - 1);
        yield copy;
      }
      case INSERT -> {
        byte[] copy = new byte[good.length + 1];
        System.arraycopy(good, 0, copy, 0, i);
        copy[i] = value;
        System.arraycopy(good, i, copy, i + 1, good.length - i);
        yield copy;
      }
    };
  }
}
