package io.quantzoo.core.param;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares one component of a typed parameter record: its default, its allowed range and its help
 * text. The config name is the component name in snake_case ({@code holdingPeriod} → {@code
 * holding_period}).
 *
 * <pre>{@code
 * public record Params(
 *     @Param(value = "fast SMA period in bars", def = "10", min = 1, max = 10_000) int fast,
 *     @Param(value = "side(s) to trade", def = "long_short",
 *            choices = {"long_short", "long_only", "short_only"}) String direction) {}
 * }</pre>
 *
 * <p>Supported component types: {@code int}, {@code double}, {@code boolean} and {@code String}
 * (with {@link #choices()} it becomes a choice; without, free text checked by the record's own
 * constructor).
 */
@Target(ElementType.RECORD_COMPONENT)
@Retention(RetentionPolicy.RUNTIME)
public @interface Param {
  /** One line of help. */
  String value();

  /** Default value, written as in a config ("10", "1.5", "true", "long_short"). */
  String def();

  /** Inclusive minimum for numbers. */
  double min() default Double.NEGATIVE_INFINITY;

  /** Inclusive maximum for numbers. */
  double max() default Double.POSITIVE_INFINITY;

  /** Allowed values of a String component; empty for free text. */
  String[] choices() default {};
}
