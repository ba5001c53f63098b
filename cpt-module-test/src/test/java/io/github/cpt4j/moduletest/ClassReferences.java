package io.github.cpt4j.moduletest;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packages of the library that one compiled class refers to, read from its constant pool: the
 * names of the classes it uses and the descriptors and signatures of its fields, methods and
 * generics. A class refers to nothing it does not name there, so this is everything it depends on
 * at compile time (constants inlined from another class excepted).
 */
final class ClassReferences {

  /** An internal class name of the library inside a name, descriptor or signature. */
  private static final Pattern LIBRARY_CLASS =
      Pattern.compile("io/github/cpt4j/((?:[a-z0-9_]+/)*)[A-Za-z0-9_$]+");

  private ClassReferences() {}

  /**
   * Returns the packages of the library named in the class file {@code bytes}, in dotted form.
   *
   * @throws IOException if the bytes are not a class file
   */
  static Set<String> packages(byte[] bytes) throws IOException {
    Set<String> packages = new TreeSet<>();
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
    if (in.readInt() != 0xCAFEBABE) {
      throw new IOException("not a class file");
    }
    in.readUnsignedShort(); // minor version
    in.readUnsignedShort(); // major version
    int count = in.readUnsignedShort();
    // JVMS 4.4: entry 0 is unused; a long or a double takes two entries.
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> addPackages(in.readUTF(), packages);
        case 7, 8, 16, 19, 20 -> in.skipBytes(2);
        case 15 -> in.skipBytes(3);
        case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
        case 5, 6 -> {
          in.skipBytes(8);
          i++;
        }
        default -> throw new IOException("unknown constant pool tag " + tag + " at entry " + i);
      }
    }
    return packages;
  }

  private static void addPackages(String utf8, Set<String> packages) {
    Matcher m = LIBRARY_CLASS.matcher(utf8);
    while (m.find()) {
      String sub = m.group(1);
      packages.add(
          "io.github.cpt4j"
              + (sub.isEmpty() ? "" : "." + sub.substring(0, sub.length() - 1).replace('/', '.')));
    }
  }
}
