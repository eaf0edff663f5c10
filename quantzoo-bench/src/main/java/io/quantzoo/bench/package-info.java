/**
 * JMH benchmarks ({@link io.quantzoo.bench.EngineBenchmark}) and the seeded synthetic data
 * generator ({@link io.quantzoo.bench.SyntheticBars}) used by {@code bench/run.sh}.
 */
package io.quantzoo.bench;
