package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The options of an exclusive group ({@code --setting | --pos}) given twice, or two of them
 * together, are refused in the words every other option gets: picocli's own message named the group
 * by its synopsis, {@code [-s=SETTING | -p=POS]={--pos=11}}.
 */
class ExclusiveOptionsTest {

  private static final FakeData FAKE = new FakeData();

  private static String error(String... args) {
    Cli.Result r = Cli.runWith(FAKE, new byte[0], args);
    assertEquals(2, r.status(), r::toString);
    assertEquals("", r.out(), r::toString);
    assertEquals(1, r.errLines().size(), r::toString);
    return r.errLines().get(0);
  }

  @Test
  void anOptionOfAGroupGivenTwiceIsRefusedAsAnyOtherOptionIs() {
    // As --zip, an option of no group (it goes with --locality: the patient's home and the place
    // of service).
    assertEquals(
        "cpt price: option '--zip' (ZIP) should be specified only once (see 'cpt price --help')",
        error("price", "99213", "--zip", "10001", "--zip", "10002"));
    assertEquals(
        "cpt price: option '--pos' should be specified only once (see 'cpt price --help')",
        error("price", "99213", "-z", "10001", "--pos", "11", "-p", "22"));
  }

  @Test
  void twoOptionsOfAGroupAreRefusedByName() {
    assertEquals(
        "cpt price: give --setting or --pos, not both (see 'cpt price --help')",
        error("price", "99213", "-z", "10001", "--pos=11", "-s", "facility"));
  }
}
