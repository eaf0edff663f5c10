/**
 * Market data: the {@link io.quantzoo.core.data.BarSeries} every other part reads, and the loaders
 * that build it from files.
 *
 * <p>Where to start:
 *
 * <ul>
 *   <li>{@link io.quantzoo.core.data.CsvBarLoader#load} reads a CSV file into one series per
 *       symbol, refusing the file (a {@link io.quantzoo.core.data.DataException} listing every
 *       problem with its line, column, rule and value) unless {@link
 *       io.quantzoo.core.data.LoadOptions#dropBadRows()} asks to skip bad rows.
 *   <li>{@link io.quantzoo.core.data.DataInspector} summarises a file (span, spacing, gaps,
 *       problems) for {@code qz data inspect}.
 *   <li>{@link io.quantzoo.core.data.BarAssembler} holds the validation, ordering and drop rules
 *       that every loader shares; a loader for another format splits rows and hands them to it.
 *   <li>{@link io.quantzoo.core.data.BarSeriesBuilder} builds a series in code, throwing on the
 *       first invalid bar.
 * </ul>
 *
 * <p>Timestamps are epoch milliseconds in UTC everywhere; naive times in files are read in the zone
 * given by {@link io.quantzoo.core.data.LoadOptions#zone()}, never the system default.
 */
package io.quantzoo.core.data;
