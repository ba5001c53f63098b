package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The options of an exclusive group ({@code --zip | --locality}, {@code --setting | --pos}) given
 * twice, or two of them together, are refused in the words every other option gets: picocli's own
 * message named the group by its synopsis, {@code [-z=ZIP | -l=MAC-LOC]={--zip=10001}}.
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
    assertEquals(
        "cpt price: option '--zip' should be specified only once (see 'cpt price --help')",
        error("price", "99213", "--zip", "10001", "--zip", "10002"));
    assertEquals(
        "cpt price: option '--locality' should be specified only once (see 'cpt price --help')",
        error("price", "99213", "-l", "13282-99", "--locality=13202-01"));
    assertEquals(
        "cpt price: option '--pos' should be specified only once (see 'cpt price --help')",
        error("price", "99213", "-z", "10001", "--pos", "11", "-p", "22"));
  }

  @Test
  void twoOptionsOfAGroupAreRefusedByName() {
    assertEquals(
        "cpt price: give --zip or --locality, not both (see 'cpt price --help')",
        error("price", "99213", "--zip", "10001", "--locality", "13282-99"));
    assertEquals(
        "cpt price: give --setting or --pos, not both (see 'cpt price --help')",
        error("price", "99213", "-z", "10001", "--pos=11", "-s", "facility"));
  }
}
