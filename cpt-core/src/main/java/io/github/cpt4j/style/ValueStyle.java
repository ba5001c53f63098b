package io.github.cpt4j.style;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style of the project: strict builders (each attribute set once), no {@code
 * with*} copy methods unless a type asks for them, generated classes hidden behind the abstract
 * type's own {@code builder()} and factory methods.
 *
 * <p>Compile-time only (class retention); the package is not exported.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    typeImmutable = "Immutable*",
    strictBuilder = true,
    defaults = @Value.Immutable(copy = false),
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    builderVisibility = Value.Style.BuilderVisibility.PUBLIC,
    overshadowImplementation = true,
    jdkOnly = true,
    // Default and derived attributes computed in the constructor in declaration order, without
    // the per-object shim that guards against one reading another not yet computed: none reads
    // one declared after it, and the shim (an object and two volatile writes a value) was a tenth
    // of loading the relative value file, 19,090 rows (LoadBenchmark).
    unsafeDefaultAndDerived = true,
    // Keep generated code free of annotations found on the classpath (error-prone, Generated),
    // which a named module could not read.
    allowedClasspathAnnotations = {Override.class})
public @interface ValueStyle {}
