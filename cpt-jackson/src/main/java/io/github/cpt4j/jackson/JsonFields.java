package io.github.cpt4j.jackson;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import io.github.cpt4j.claim.Npi;
import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.text.IsoDate;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the fields of cpt4j's JSON objects from a streaming parser, so that decimal numbers are
 * read exactly from their text and every error names its field.
 */
final class JsonFields {

  private JsonFields() {}

  /** A reader of one value at the parser's current token. */
  @FunctionalInterface
  interface ValueReader<T> {
    T read(JsonParser p, DeserializationContext ctxt) throws IOException;
  }

  /**
   * Tells whether the parser is at an object a reader reads with {@link #firstField}: at its start,
   * or inside it, at a field name or its end, where a type id read before the fields leaves it.
   * Anything else the reader gives to {@code DeserializationContext.handleUnexpectedToken} (through
   * {@link #unexpected}) and returns what that returns: a {@code DeserializationProblemHandler} may
   * give the value, which {@code firstField} cast to a field name, a bare {@code
   * ClassCastException}.
   */
  static boolean atObject(JsonParser p) {
    return p.isExpectedStartObjectToken()
        || p.hasToken(JsonToken.FIELD_NAME)
        || p.hasToken(JsonToken.END_OBJECT);
  }

  /**
   * Returns the first field name of the object at the parser, the parser at its value, or null for
   * an empty object. The parser is {@link #atObject}.
   */
  static String firstField(JsonParser p, Class<?> type) throws IOException {
    if (p.isExpectedStartObjectToken()) {
      return toValue(p, type, false);
    }
    if (p.hasToken(JsonToken.FIELD_NAME)) {
      return toValue(p, type, true);
    }
    return null; // at the object's end
  }

  /**
   * Returns the next field name of {@code owner}'s object, the parser at its value, or null at the
   * object's end; a value beyond the parser's {@code StreamReadConstraints} fails naming the field.
   */
  static String nextField(JsonParser p, Class<?> owner) throws IOException {
    return toValue(p, owner, false);
  }

  /**
   * Moves the parser to a field's value, from the field name it is at or past the next one, and
   * returns the name (null at the object's end). The one place the readers read a field's value: a
   * number longer than {@code StreamReadConstraints} allow (1,000 digits by default) fails in the
   * parser as it reads the token, here, with a {@code StreamConstraintsException} that named no
   * field (the parser reads a value with its name); it is a mapping error of that field. So is
   * malformed JSON in the value ({@code "units":tru}, {@code "units":01}), and malformed JSON
   * between fields ({@code {"code":"99213",}}) a mapping error of the object, named by the callers.
   */
  private static String toValue(JsonParser p, Class<?> owner, boolean atName) throws IOException {
    try {
      String name = atName ? p.currentName() : p.nextFieldName();
      if (name != null) {
        p.nextToken();
      }
      return name;
    } catch (StreamConstraintsException | StreamReadException e) {
      // A value refused was read with its name, and the parser is at that name; a name refused
      // (longer than StreamReadConstraints allow, or malformed) or a broken separator leaves it at
      // the token before, whose name is the previous field's: that field is not at fault, and
      // none is named.
      String name = p.hasToken(JsonToken.FIELD_NAME) ? p.currentName() : null;
      JsonMappingException mapped = unreadable(p, e);
      throw name == null ? mapped : JsonMappingException.wrapWithPath(mapped, owner, name);
    }
  }

  /**
   * What the parser refused, a value beyond its {@code StreamReadConstraints} or malformed JSON, as
   * a mapping error, to which the readers add the path of the field and index it is in: the
   * parser's own exception names neither, only line and column, which it keeps. Jackson's own bean
   * deserializers wrap the parser's errors in the same way.
   */
  private static JsonMappingException unreadable(JsonParser p, JsonProcessingException e) {
    return JsonMappingException.from(p, e.getOriginalMessage(), e);
  }

  /**
   * Reads a string at the parser as a value: a bad string fails with the parser's message (such as
   * a {@code CodeFormatException}'s), naming the field.
   */
  static <T> T text(
      JsonParser p,
      DeserializationContext ctxt,
      Class<?> owner,
      String field,
      Class<T> type,
      Function<String, T> parse)
      throws IOException {
    try {
      return parseText(p, ctxt, type, parse);
    } catch (JsonMappingException e) {
      throw JsonMappingException.wrapWithPath(e, owner, field);
    }
  }

  /** Reads a string at the parser as a value; fails with the parser's message. */
  @SuppressWarnings("unchecked") // handleUnexpectedToken returns what was asked for or throws
  static <T> T parseText(
      JsonParser p, DeserializationContext ctxt, Class<T> type, Function<String, T> parse)
      throws IOException {
    if (!p.hasToken(JsonToken.VALUE_STRING)) {
      return (T)
          unexpected(
              p,
              ctxt,
              type,
              type == String.class
                  ? "expected a string"
                  : "expected " + named(type) + " as a string");
    }
    String text = textOf(p);
    try {
      return parse.apply(text);
    } catch (IllegalArgumentException e) { // CodeFormatException is one
      throw InvalidFormatException.from(
          p, "not " + named(type) + ": " + e.getMessage(), text, type);
    }
  }

  /**
   * The text of the string at the parser. The parser reads a string's text only when asked for it,
   * here, after the field's name: a string longer than its {@code StreamReadConstraints} allow
   * (20,000,000 characters by default) then fails with a bare {@code StreamConstraintsException},
   * which named no field and is no {@code JsonMappingException}; it is a mapping error, to which
   * the callers add the field's path as to any other.
   */
  private static String textOf(JsonParser p) throws IOException {
    try {
      return p.getText();
    } catch (StreamConstraintsException | StreamReadException e) {
      // Malformed too, such as a bad escape ("99\q13"): the parser reads it only now.
      throw unreadable(p, e);
    }
  }

  /**
   * The error of a value of the wrong kind, {@code "expected a whole number, not the string '2'"}:
   * {@code expected} followed by the value {@link #shown}. A string too long for the parser's
   * {@code StreamReadConstraints} to read is refused as such, as a mapping error, so that the
   * caller names the field.
   */
  static JsonMappingException wrongKind(JsonParser p, String expected, Class<?> type)
      throws IOException {
    try {
      return InvalidFormatException.from(p, expected + ", not " + shown(p), p.getText(), type);
    } catch (StreamConstraintsException | StreamReadException e) {
      return unreadable(p, e);
    }
  }

  /**
   * The type as a message names it: "a CptCode", "an UnpricedReason", and "an NPI", as the
   * initialism is read.
   */
  static String named(Class<?> type) {
    if (type == Npi.class) {
      return "an NPI";
    }
    String name = type.getSimpleName();
    return ("AEIOU".indexOf(name.charAt(0)) >= 0 ? "an " : "a ") + name;
  }

  /**
   * Hands a token {@code type} cannot be read from to the context's {@code handleUnexpectedToken}
   * and returns what a {@code DeserializationProblemHandler} gives for it; without one it fails
   * with {@code expected} followed by the value {@link #shown}, {@code expected a ProcedureCode as
   * a string, not the number 99213}, where Jackson's own message named the token's constant alone
   * ({@code from Integer value (token `JsonToken.VALUE_NUMBER_INT`)}), not which value it was.
   */
  static Object unexpected(
      JsonParser p, DeserializationContext ctxt, Class<?> type, String expected)
      throws IOException {
    String message;
    try {
      message = expected + ", not " + shown(p);
    } catch (StreamConstraintsException | StreamReadException e) {
      throw unreadable(p, e);
    }
    // As an argument, not the format: the shown value may hold a '%'.
    return ctxt.handleUnexpectedToken(type, p.currentToken(), p, "%s", message);
  }

  /**
   * The most significant digits a {@code double} keeps of any decimal: one of at most 15 digits
   * turned into a {@code double} and back (by the shortest decimal that reads as the same double)
   * comes out as it went in.
   */
  private static final int DOUBLE_EXACT_DIGITS = 15;

  /**
   * The most significant digits a {@code float} keeps of any decimal, as {@link
   * #DOUBLE_EXACT_DIGITS} for a double: a tree's {@code FloatNode}, a {@code Map} of Floats given
   * to {@code convertValue}, and binary formats' 32-bit numbers hold floats.
   */
  private static final int FLOAT_EXACT_DIGITS = 6;

  /**
   * Reads an amount: a JSON string such as {@code "101.06"} (as cpt4j writes them: digits and a
   * point, no sign or exponent) or a number, either read exactly from its text, never through a
   * {@code double}. A number that already is a {@code double} (a {@code JsonNode} tree read without
   * {@code USE_BIG_DECIMAL_FOR_FLOATS} keeps fractions so) is taken only when it has at most 15
   * significant digits, which a double cannot have changed; a longer one may have lost digits and
   * is refused rather than read wrong. A {@code float} likewise, by its own shortest form, of at
   * most 6 digits.
   */
  static BigDecimal decimal(JsonParser p, DeserializationContext ctxt, Class<?> owner, String field)
      throws IOException {
    try {
      if (p.hasToken(JsonToken.VALUE_NUMBER_INT)) {
        return decimalOfNumber(p);
      }
      if (p.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
        // A number copied into a TokenBuffer (a type id after the amount, buffered until it is
        // read) keeps its text, but getNumberValueExact on the buffer parses it as a double:
        // where the parser still holds the text or a BigDecimal, read that.
        Object deferred = p.getNumberValueDeferred();
        if (deferred instanceof String || deferred instanceof BigDecimal) {
          return decimalOfNumber(p);
        }
        Number exact = p.getNumberValueExact();
        if (exact instanceof BigDecimal decimal) {
          return decimal;
        }
        // A double that is no decimal: NaN or Infinity, which a parser that allows them gives, and
        // which a tree read without USE_BIG_DECIMAL_FOR_FLOATS holds for 1e400. BigDecimal refuses
        // them with a bare NumberFormatException that named no field.
        if (Double.isNaN(exact.doubleValue()) || Double.isInfinite(exact.doubleValue())) {
          throw InvalidFormatException.from(
              p,
              "a decimal number is finite, not "
                  + exact
                  + ": give amounts as JSON strings (as cpt4j writes them), or read trees with"
                  + " DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS",
              exact,
              BigDecimal.class);
        }
        // A float by its own shortest form: its double's (180.1f is 180.10000610351562) has
        // digits that were never given.
        boolean isFloat = exact instanceof Float;
        BigDecimal shortest =
            isFloat
                ? new BigDecimal(Float.toString(exact.floatValue()))
                : BigDecimal.valueOf(exact.doubleValue());
        if (shortest.precision() > (isFloat ? FLOAT_EXACT_DIGITS : DOUBLE_EXACT_DIGITS)) {
          throw InvalidFormatException.from(
              p,
              "the amount "
                  + shortest.toPlainString()
                  + " was read as a "
                  + (isFloat ? "float" : "double")
                  + ", which may have lost digits: give amounts as JSON"
                  + " strings (as cpt4j writes them), or read trees with"
                  + " DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS",
              exact,
              BigDecimal.class);
        }
        return shortest;
      }
      // A string is parsed by BigDecimal in time that grows faster than its length: bound it as
      // the parser's StreamReadConstraints bound a number token, which never gets here longer.
      int maxLength = p.streamReadConstraints().getMaxNumberLength();
      if (p.hasToken(JsonToken.VALUE_STRING) && p.getTextLength() > maxLength) {
        throw InvalidFormatException.from(
            p,
            "a decimal number has at most " + maxLength + " characters, not " + p.getTextLength(),
            CodeFormatException.quote(p.getText()),
            BigDecimal.class);
      }
      if (!p.hasToken(JsonToken.VALUE_STRING)) {
        // Not "as a string": a number is read too.
        return (BigDecimal)
            unexpected(p, ctxt, BigDecimal.class, "expected a decimal number such as \"2400.00\"");
      }
      return parseText(p, ctxt, BigDecimal.class, JsonFields::decimalText);
    } catch (StreamConstraintsException | StreamReadException e) {
      // getTextLength() reads the string, see textOf.
      throw JsonMappingException.wrapWithPath(unreadable(p, e), owner, field);
    } catch (JsonMappingException e) {
      throw JsonMappingException.wrapWithPath(e, owner, field);
    }
  }

  /**
   * The parser's number as a {@code BigDecimal}. A JSON number whose exponent a {@code BigDecimal}
   * cannot hold ({@code 1e-2147483649}) is valid JSON, and Jackson refuses it with a bare {@code
   * NumberFormatException} that names no field and is no {@code IOException}: refused here as any
   * other bad amount is, so that the caller's path names the field.
   */
  private static BigDecimal decimalOfNumber(JsonParser p) throws IOException {
    try {
      return p.getDecimalValue();
    } catch (NumberFormatException e) {
      String text = p.getText();
      throw InvalidFormatException.from(
          p,
          "a decimal number's exponent is within the range of a BigDecimal's scale, not "
              + CodeFormatException.quote(text),
          text,
          BigDecimal.class);
    }
  }

  /**
   * Reads an amount given as a string as the text form of a line reads a charge ({@code
   * BilledLine.parse("99213 $180.00")}): ASCII digits with at most one decimal point ({@code 2400},
   * {@code 2400.00}, {@code .50}), after a minus sign that the amount's own check refuses with its
   * message. {@code new BigDecimal(String)} also read a plus sign and an exponent ({@code "+10"},
   * {@code "1e3"}, as 1000.00) and any Unicode digit ({@code "\u0661\u0662"} as 12), which the text
   * form refuses and cpt4j never writes.
   */
  private static BigDecimal decimalText(String text) {
    boolean point = false;
    boolean digits = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digits = true;
      } else if (c == '.' && !point) {
        point = true;
      } else if (!(c == '-' && i == 0)) {
        String at = CodeFormatException.quote(String.valueOf(c)) + " at index " + i;
        throw notADecimal(
            text,
            c > 0x7f
                ? "character " + i + " is not ASCII, and the digits are 0-9"
                : at
                    + (c == '.' ? " is a second decimal point" : " is not a digit 0-9 or a point"));
      }
    }
    if (!digits) {
      throw notADecimal(text, text.isEmpty() ? "it is empty" : "it has no digits");
    }
    // Only ASCII digits, a sign and a point are left: BigDecimal reads them as written.
    return new BigDecimal(text);
  }

  private static IllegalArgumentException notADecimal(String text, String why) {
    return new IllegalArgumentException(
        CodeFormatException.quote(text) + " is not a decimal number such as 2400.00: " + why);
  }

  /**
   * The most digits an amount read has before the decimal point: less than a quadrillion dollars,
   * the bound {@code FeeResult.priced} puts on a fee, so that every fee written reads back.
   */
  static final int MAX_AMOUNT_DIGITS = 15;

  /**
   * The most digits a fee's {@code amount}, its exact amount rounded to cents, has before the
   * decimal point: one more than {@link #MAX_AMOUNT_DIGITS}, as rounding may carry into a sixteenth
   * digit ({@code 999999999999999.995} is {@code 1000000000000000.00}), and that fee reads back
   * too.
   */
  static final int MAX_ROUNDED_AMOUNT_DIGITS = MAX_AMOUNT_DIGITS + 1;

  /**
   * The most decimal places an exact amount read has: {@link FeeResult#MAX_SCALE}, the bound
   * cpt4j's own amounts are made within, so that every fee and step written reads back. The bound
   * is also what makes a number {@code 1E-999999999} fail at once instead of in rounding or
   * writing.
   */
  static final int MAX_AMOUNT_SCALE = FeeResult.MAX_SCALE;

  /**
   * Reads a fee's amount as {@link #decimal} does, bounded: never negative, less than a quadrillion
   * dollars, at most {@value #MAX_AMOUNT_SCALE} decimal places. The bounds are checked on the
   * number's precision and scale before anything computes with it or writes it out: rounding {@code
   * 1E+9999999} to cents takes a minute of CPU and writing it twenty megabytes, and {@code
   * 1E+999999999} overflows {@code BigInteger} with a bare {@code ArithmeticException}. Null when a
   * {@code DeserializationProblemHandler} answers null for a value of the wrong kind: the field is
   * then absent, as for a JSON null.
   */
  static BigDecimal amount(JsonParser p, DeserializationContext ctxt, Class<?> owner, String field)
      throws IOException {
    return amount(p, ctxt, owner, field, MAX_AMOUNT_DIGITS);
  }

  /**
   * Reads a fee's {@code amount}, its exact amount rounded to cents, as {@link #amount(JsonParser,
   * DeserializationContext, Class, String)} does, with at most {@value #MAX_ROUNDED_AMOUNT_DIGITS}
   * digits before the point: at most a quadrillion dollars, what a fee below one rounds to.
   */
  static BigDecimal roundedAmount(
      JsonParser p, DeserializationContext ctxt, Class<?> owner, String field) throws IOException {
    return amount(p, ctxt, owner, field, MAX_ROUNDED_AMOUNT_DIGITS);
  }

  private static BigDecimal amount(
      JsonParser p, DeserializationContext ctxt, Class<?> owner, String field, int maxDigits)
      throws IOException {
    BigDecimal amount = decimal(p, ctxt, owner, field);
    if (amount == null) {
      // A DeserializationProblemHandler's answer for a token of the wrong kind: the field's
      // absence, as a JSON null is, and as decimal() gives it for a charge.
      return null;
    }
    // BigDecimal's toString, not toPlainString, in the messages: it stays short for 1E+999999999.
    String problem = null;
    if (amount.signum() < 0) {
      problem = "an amount is never negative, not ";
    } else if (amount.scale() > MAX_AMOUNT_SCALE) {
      problem = "an amount has at most " + MAX_AMOUNT_SCALE + " decimal places, not ";
    } else if (amount.signum() != 0
        // In long: the int difference overflows for a scale near Integer.MIN_VALUE. Zero needs no
        // bound: 0E+999999999 is zero, and is written as 0.
        && (long) amount.precision() - amount.scale() > maxDigits) {
      problem =
          maxDigits == MAX_AMOUNT_DIGITS
              ? "an amount is less than a quadrillion dollars, not "
              : "an amount rounded to cents has at most "
                  + maxDigits
                  + " digits before the point (a fee is less than a quadrillion dollars), not ";
    }
    if (problem != null) {
      throw JsonMappingException.wrapWithPath(
          InvalidFormatException.from(
              p, problem + CodeFormatException.quote(amount.toString()), amount, BigDecimal.class),
          owner,
          field);
    }
    return amount;
  }

  /**
   * Returns a parser of the names of {@code type}'s constants, as written: one that is none of them
   * fails naming those it could have been, where {@code Enum.valueOf} said "No enum constant"
   * followed by the class's internal name.
   */
  static <E extends Enum<E>> Function<String, E> enumName(Class<E> type) {
    return text -> {
      for (E constant : type.getEnumConstants()) {
        if (constant.name().equals(text)) {
          return constant;
        }
      }
      StringBuilder names = new StringBuilder();
      for (E constant : type.getEnumConstants()) {
        names.append(names.length() == 0 ? "" : ", ").append(constant.name());
      }
      throw new IllegalArgumentException(CodeFormatException.quote(text) + " is none of " + names);
    };
  }

  /**
   * Parses a date {@code yyyy-MM-dd}, {@code 2025-06-02}, failing as the text parsers here fail:
   * with a four-digit year, as the text form of a line, the command line and the data loaders read
   * it; {@code LocalDate.parse} also took ISO's signed and longer years ({@code -2025-06-02},
   * {@code +12025-06-02}) and wrote them back.
   */
  static LocalDate date(String text) {
    try {
      return IsoDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          CodeFormatException.quote(text) + " is not a date such as 2025-06-02: " + e.getMessage(),
          e);
    }
  }

  /**
   * Reads a whole number from {@code min} to {@code max}, naming the field when it is not one or is
   * out of range. {@code what} names the number in the message, as in {@code "units must be 1 to
   * 99999, not 0"} ({@code ClaimLine.MAX_UNITS}). With a null {@code owner} (an array's element)
   * the caller adds the path. A value of the wrong kind goes to a {@code
   * DeserializationProblemHandler} through {@link #unexpected}, as every other field's does: its
   * answer is the number read, held to the same bounds, and its null (returned) the field's
   * absence.
   */
  static Integer integer(
      JsonParser p,
      DeserializationContext ctxt,
      Class<?> owner,
      String field,
      int min,
      int max,
      String what)
      throws IOException {
    BigInteger value;
    if (p.hasToken(JsonToken.VALUE_NUMBER_INT)) {
      // Any integral token, not only an INT one: a tree built with put("units", 2L), or a Map of
      // Longs given to convertValue (JDBC, YAML), holds 2 as a LONG or BIG_INTEGER. The value,
      // not its Java type, decides, compared as a BigInteger so that nothing wraps around.
      value =
          p.getNumberType() == JsonParser.NumberType.INT
              ? BigInteger.valueOf(p.getIntValue())
              : p.getBigIntegerValue();
    } else {
      Integer answer;
      try {
        answer = (Integer) unexpected(p, ctxt, Integer.class, "expected a whole number");
      } catch (JsonMappingException e) {
        throw withPath(e, owner, field);
      }
      if (answer == null) {
        return null;
      }
      value = BigInteger.valueOf(answer);
    }
    if (value.compareTo(BigInteger.valueOf(min)) < 0
        || value.compareTo(BigInteger.valueOf(max)) > 0) {
      throw withPath(
          InvalidFormatException.from(
              p,
              what
                  + " must be "
                  + min
                  + " to "
                  + max
                  + ", not "
                  // Quoted, and so cut, only when long: a BigIntegerNode may hold any number.
                  + (value.bitLength() < 64
                      ? value.toString()
                      : CodeFormatException.quote(value.toString())),
              value,
              Integer.class),
          owner,
          field);
    }
    return value.intValue();
  }

  /** The most characters of a number a message shows unquoted: a longer one is quoted and cut. */
  private static final int SHOWN_NUMBER_LENGTH = 20;

  /**
   * The value at the parser as a message of a value of the wrong kind shows it: {@code the decimal
   * number 1.5}, {@code the string '2'} (quoted and cut as cpt4j quotes any input), {@code true},
   * {@code an object}. Jackson's token constant ({@code VALUE_NUMBER_FLOAT}) said of what kind the
   * value was, but not which it was.
   */
  private static String shown(JsonParser p) throws IOException {
    JsonToken token = p.currentToken();
    if (token == null) {
      return "the end of the input";
    }
    return switch (token) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "the string " + CodeFormatException.quote(p.getText());
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        String text = p.getText();
        // A decimal says so: a BigDecimal 2 (convertValue of a Map, a tree) has the text "2", and
        // "expected a whole number, not the number 2" would hide why it was refused.
        yield (token == JsonToken.VALUE_NUMBER_FLOAT ? "the decimal number " : "the number ")
            + (text.length() <= SHOWN_NUMBER_LENGTH ? text : CodeFormatException.quote(text));
      }
      case VALUE_TRUE, VALUE_FALSE, VALUE_NULL -> token.asString();
      default -> token.toString();
    };
  }

  /** Adds {@code owner[field]} to the path of {@code e}, unless {@code owner} is null. */
  static JsonMappingException withPath(JsonMappingException e, Class<?> owner, String field) {
    return owner == null ? e : JsonMappingException.wrapWithPath(e, owner, field);
  }

  /**
   * Reads a boolean, naming the field when it is not one. A value of the wrong kind goes to a
   * {@code DeserializationProblemHandler}, as for {@link #integer}: its null is the field's
   * absence.
   */
  static Boolean bool(JsonParser p, DeserializationContext ctxt, Class<?> owner, String field)
      throws IOException {
    if (!p.currentToken().isBoolean()) {
      try {
        return (Boolean) unexpected(p, ctxt, Boolean.class, "expected true or false");
      } catch (JsonMappingException e) {
        throw JsonMappingException.wrapWithPath(e, owner, field);
      }
    }
    return p.getBooleanValue();
  }

  /**
   * The message of a {@code DeserializationProblemHandler}'s null where no null can be: an element
   * of a list, a value of a finding's data. (For a field, its null is the field's absence, as a
   * JSON null is.)
   */
  static final String HANDLER_NULL =
      "expected a value here, not null (a DeserializationProblemHandler's answer for the value"
          + " given)";

  /**
   * Reads a JSON array with {@code element}, naming the field and index of a bad element; with a
   * null {@code owner} (a value that is a bare array) only the index. An element read as null (a
   * {@code DeserializationProblemHandler}'s answer) is refused there too.
   */
  static <T> List<T> array(
      JsonParser p,
      DeserializationContext ctxt,
      Class<?> owner,
      String field,
      ValueReader<T> element)
      throws IOException {
    if (!p.isExpectedStartArrayToken()) {
      throw withPath(wrongKind(p, "expected an array", List.class), owner, field);
    }
    List<T> result = new ArrayList<>();
    while (true) {
      try {
        if (p.nextToken() == JsonToken.END_ARRAY) {
          break;
        }
        T value = element.read(p, ctxt);
        if (value == null) {
          // Only a DeserializationProblemHandler's answer: no list of cpt4j's holds null, and
          // the null reached cpt-core as a bare NullPointerException naming no path.
          throw InvalidFormatException.from(p, HANDLER_NULL, null, List.class);
        }
        result.add(value);
      } catch (StreamConstraintsException | StreamReadException e) {
        throw withPath(
            JsonMappingException.wrapWithPath(unreadable(p, e), List.class, result.size()),
            owner,
            field);
      } catch (JsonMappingException e) {
        throw withPath(
            JsonMappingException.wrapWithPath(e, List.class, result.size()), owner, field);
      }
    }
    return result;
  }

  /**
   * Hands a field {@code owner} does not have to the context's {@code handleUnknownProperty}, which
   * refuses it or, as the mapper's {@code FAIL_ON_UNKNOWN_PROPERTIES} says, skips its value;
   * malformed JSON in a skipped value is an error of that field, named.
   *
   * @param deserializer the deserializer reading {@code owner}, or null
   */
  static void unknown(
      JsonParser p,
      DeserializationContext ctxt,
      JsonDeserializer<?> deserializer,
      Class<?> owner,
      String field)
      throws IOException {
    try {
      ctxt.handleUnknownProperty(p, deserializer, owner, field);
    } catch (StreamConstraintsException | StreamReadException e) {
      throw JsonMappingException.wrapWithPath(unreadable(p, e), owner, field);
    }
  }

  /** Builds a value from the fields read, turning a rejected combination into a mapping error. */
  static <T> T build(JsonParser p, Class<T> type, ValueBuilder<T> builder) throws IOException {
    try {
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw InvalidFormatException.from(
          p, "not a valid " + type.getSimpleName() + ": " + e.getMessage(), null, type);
    }
  }

  /**
   * Builds a value as {@link #build(JsonParser, Class, ValueBuilder)} does, for a builder that can
   * only reject {@code owner}'s {@code field}: the error's path then names that field, as the
   * errors of reading it do.
   */
  static <T> T build(
      JsonParser p, Class<T> type, Class<?> owner, String field, ValueBuilder<T> builder)
      throws IOException {
    try {
      return build(p, type, builder);
    } catch (JsonMappingException e) {
      throw JsonMappingException.wrapWithPath(e, owner, field);
    }
  }

  /** Builds a value and may reject it with an {@link IllegalArgumentException}. */
  @FunctionalInterface
  interface ValueBuilder<T> {
    T build();
  }

  /**
   * Refuses a field that the object being read has given before: {@code
   * {"code":"71046","code":"99213"}} was read as 99213 without a word, the first value dropped,
   * which for an amount or a code is a contradiction to report, as the readers report others, not a
   * choice to make. {@code seen} holds the names read so far in the object.
   */
  static void once(JsonParser p, Set<String> seen, Class<?> owner, String field)
      throws IOException {
    if (!seen.add(field)) {
      throw JsonMappingException.wrapWithPath(
          InvalidFormatException.from(
              p,
              owner.getSimpleName()
                  + " has the field "
                  + CodeFormatException.quote(field)
                  + " twice: which value is meant is not for cpt4j to guess",
              field,
              owner),
          owner,
          field);
    }
  }

  /** A new, empty set of the field names an object has given, for {@link #once}. */
  static Set<String> names() {
    return new HashSet<>();
  }

  /**
   * Tells whether the value at the parser is JSON {@code null} for one of {@code fields}: read as
   * the field's absence, as Jackson reads null for a bean's property, so that a JSON writer that
   * writes null for what is absent is read as it means. A required field given null is then
   * missing, and named as such.
   */
  static boolean nullFor(JsonParser p, String name, Set<String> fields) {
    return p.hasToken(JsonToken.VALUE_NULL) && fields.contains(name);
  }

  /** Fails for a required field that is absent. */
  static <T> T required(JsonParser p, T value, Class<?> owner, String field) throws IOException {
    if (value == null) {
      throw InvalidFormatException.from(
          p,
          owner.getSimpleName() + " needs the field " + CodeFormatException.quote(field),
          null,
          owner);
    }
    return value;
  }
}
