/**
 * How orders turn into fills: the fill model (next open or on close), commission, slippage and
 * sizing models, and the intrabar policy for stop/target conflicts. All are values named in the
 * run's config.
 */
package io.quantzoo.core.execution;
