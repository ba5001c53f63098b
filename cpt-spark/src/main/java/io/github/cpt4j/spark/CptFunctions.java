package io.github.cpt4j.spark;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.cli.price.Practitioners;
import io.github.cpt4j.code.CptCode;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.fee.PractitionerType;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF5;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Spark SQL functions for work on single lines:
 *
 * <ul>
 *   <li>{@code cpt_valid(code)}: whether the text is a procedure code in canonical form (five
 *       characters, upper case, no blanks), as {@link ProcedureCode#isValid}; null for null;
 *   <li>{@code cpt_category(code)}: {@code CATEGORY_I}, {@code CATEGORY_II}, {@code CATEGORY_III}
 *       for a CPT code, {@code HCPCS_LEVEL_II} for a Level II code, null when not a valid code;
 *   <li>{@code cpt_practitioner_type(taxonomy)}: the practitioner type, as {@code --practitioner}
 *       writes it ({@code np}), that a NUCC provider taxonomy code names ({@link
 *       PractitionerType#fromTaxonomy}), read in either case as the batch reads it; null for a code
 *       of no type (a registered nurse's), for text not shaped as a code, and for null. For
 *       analysis (the practitioners of a provider file by Medicare share); to price, give the batch
 *       the taxonomy codes themselves as its {@code practitioner} column, which refuses a code of
 *       no type rather than, as a null cell would be, pricing the row as the default
 *       practitioner's;
 *   <li>{@code cpt_price_line(code, modifiers, locality, setting, date)}: a struct {@code (amount
 *       decimal(12,2), result string)}, the line priced alone as a claim of one line, exactly as a
 *       batch row without a claim key with those five cells; blank cells take the pricing's
 *       defaults, {@code date} may be a date, a timestamp (its day in the session time zone at
 *       registration, as {@code CAST(date AS DATE)} would read it then) or {@code YYYY-MM-DD} text.
 *       It takes no rendering provider: the lines of a claim of one line are all one
 *       practitioner's, so an NPI could change no amount; price claims with {@link
 *       SparkClaimPricing#price}, whose {@code rendering_provider} column judges each
 *       practitioner's lines apart. Nor a charge: its amount is the fee schedule's, where {@link
 *       SparkClaimPricing#price} pays a row of a {@code charge} column the lower of the two.
 * </ul>
 *
 * <p>Arguments may be of any type, read as {@link SparkClaimPricing#price} reads a typed column: a
 * number as its digits (so an {@code int} code column, as {@code inferSchema} makes it, works: a
 * code of fewer than five digits gets back the zeros it lost, {@code 790} is {@code 00790}), an
 * array as its elements separated by blanks ({@code array('26', '59')} is the modifiers {@code 26
 * 59}), anything else as its text.
 *
 * <pre>{@code
 * CptFunctions.register(pricing);
 * spark.sql("SELECT code, cpt_price_line(code, mods, '13282-99', 'facility', dos).amount "
 *     + "FROM lines WHERE cpt_valid(code)");
 * }</pre>
 */
public final class CptFunctions {

  /** The type {@code cpt_price_line} returns. */
  public static final StructType PRICE_LINE_TYPE =
      new StructType()
          .add("amount", SparkClaimPricing.AMOUNT_TYPE, true)
          .add("result", DataTypes.StringType, false);

  private CptFunctions() {}

  /**
   * Registers the four functions with the pricing's session; {@code cpt_price_line} prices with its
   * schedule and options (broadcast, built once per executor), and reads a timestamp date in the
   * session time zone ({@code spark.sql.session.timeZone}) as it is now: register again after
   * changing it. {@code cpt_price_line} works while {@code pricing} is open: after {@link
   * SparkClaimPricing#close} Spark refuses queries that call it.
   *
   * @param pricing the pricing whose session, schedule and options the functions use
   * @throws IllegalArgumentException if {@code spark.sql.session.timeZone} names no time zone
   * @throws IllegalStateException if {@code pricing} is closed
   */
  public static void register(SparkClaimPricing pricing) {
    requireNonNull(pricing, "pricing");
    // Refused before any function is registered: none half-registered with a released schedule.
    pricing.files();
    SparkSession spark = pricing.session();
    // Typed Object, not String: Spark does not cast the arguments of a function registered without
    // input types, and would hand an int or an array to a String parameter.
    spark
        .udf()
        .register("cpt_valid", (UDF1<Object, Boolean>) CptFunctions::valid, DataTypes.BooleanType);
    spark
        .udf()
        .register(
            "cpt_category", (UDF1<Object, String>) CptFunctions::category, DataTypes.StringType);
    spark
        .udf()
        .register(
            "cpt_practitioner_type",
            (UDF1<Object, String>) CptFunctions::practitionerType,
            DataTypes.StringType);
    spark
        .udf()
        .register(
            "cpt_price_line",
            // Its struct has no limiting charge: the claim is not priced a second time for one.
            new PriceLine(
                pricing.files(),
                pricing.options().withLimitingCharges(false),
                SessionTimeZone.of(spark)),
            PRICE_LINE_TYPE);
  }

  /** {@code cpt_valid}. */
  static Boolean valid(Object code) {
    return code == null ? null : ProcedureCode.isValid(codeText(code));
  }

  /** A code cell's text; a timestamp is no code, whatever the zone its day is read in. */
  private static String codeText(Object code) {
    return PartitionPricer.codeText(code, ZoneOffset.UTC);
  }

  /** {@code cpt_category}. */
  static String category(Object code) {
    if (code == null) {
      return null;
    }
    Optional<ProcedureCode> parsed = ProcedureCode.tryParse(codeText(code));
    if (parsed.isEmpty()) {
      return null;
    }
    // ProcedureCode is sealed: a code that is not a CPT code is a Level II code.
    return parsed.get() instanceof CptCode cpt ? cpt.category().name() : "HCPCS_LEVEL_II";
  }

  /** {@code cpt_practitioner_type}: the codes the batch's {@code practitioner} column reads. */
  static String practitionerType(Object taxonomy) {
    if (taxonomy == null) {
      return null;
    }
    try {
      return Practitioners.fromTaxonomy(codeText(taxonomy)).map(PractitionerType::id).orElse(null);
    } catch (IllegalArgumentException e) {
      return null; // Not shaped as a code: null, as cpt_category answers text that is no code.
    }
  }

  /** {@code cpt_price_line}: one row of a batch with five columns, priced alone. */
  static final class PriceLine implements UDF5<Object, Object, Object, Object, Object, Row> {
    private static final long serialVersionUID = 1L;

    private static final List<String> COLUMNS =
        List.of("code", "modifiers", "locality", "setting", "date");

    private final Broadcast<FeeScheduleFiles> files;
    private final PricingOptions options;
    private final ZoneId timeZone;

    /**
     * The rules of each thread, made on its first call: the row parser is not thread-safe, and one
     * instance may be called by several threads at once. An executor's task has its own copy of the
     * function, but the driver evaluates it over local rows (a query over {@code VALUES}, constant
     * arguments) with the session's one registered instance, on every thread that runs a query.
     */
    private transient ThreadLocal<BatchRules> rules;

    /**
     * Creates the function.
     *
     * @param timeZone the zone a timestamp date's day is read in, the session's
     */
    PriceLine(Broadcast<FeeScheduleFiles> files, PricingOptions options, ZoneId timeZone) {
      this.files = files;
      this.options = options;
      this.timeZone = timeZone;
      this.rules = newRules();
    }

    private ThreadLocal<BatchRules> newRules() {
      return ThreadLocal.withInitial(() -> new BatchRules(COLUMNS, options, files.value()));
    }

    /** Restores the transient rules of a copy sent to a task. */
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
      in.defaultReadObject();
      rules = newRules();
    }

    @Override
    public Row call(Object code, Object modifiers, Object locality, Object setting, Object date) {
      String[] fields = {
        PartitionPricer.codeText(code, timeZone),
        PartitionPricer.text(modifiers, timeZone),
        PartitionPricer.text(locality, timeZone),
        PartitionPricer.text(setting, timeZone),
        PartitionPricer.text(date, timeZone)
      };
      BatchRules.LineResult result = rules.get().priceClaim(List.<String[]>of(fields)).get(0);
      return RowFactory.create(result.amount(), result.result());
    }
  }
}
