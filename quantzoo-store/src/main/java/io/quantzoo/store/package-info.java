/**
 * The QuantZoo run store: an embedded DuckDB database file holding runs with their trades, fills,
 * equity curves and metrics.
 *
 * <p>{@link io.quantzoo.store.RunStore} is the entry point: it migrates the schema on open, records
 * runs crash-safely (a run is {@code completed} only once all its rows are committed), reads them
 * back and exports them to Parquet. {@link io.quantzoo.store.DuckDbNativeCache} prepares a driver
 * layout that lets later JVMs skip the DuckDB native library extraction. Every time is stored as a
 * UTC {@code TIMESTAMP}; the JVM default time zone is never used. See {@code docs/STORAGE.md}.
 */
package io.quantzoo.store;
