/**
 * Parameter sweeps on Apache Spark: the driver plans a config as {@code qz sweep} does and hands
 * index ranges of the sweep's points to the executors as tasks; each executor loads the bars itself
 * (once per JVM), evaluates its points with the engine's own point evaluator and returns one row
 * per point; the rows are written as a Parquet dataset that {@code qz sweep import} stores. The
 * engine knows nothing of Spark; only this package does.
 */
package io.quantzoo.spark;
