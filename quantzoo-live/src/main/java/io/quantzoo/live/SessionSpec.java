package io.quantzoo.live;

import java.util.Objects;

/**
 * What a trading session runs, as its journal's {@code start} record keeps it.
 *
 * @param fingerprint identifies "the same command": a hash of the strategy, its parameters, the
 *     engine settings, the data (path, size, modification time), the feed and the broker; the
 *     replay speed is not part of it. Running a trader whose fingerprint matches an unfinished
 *     session resumes that session.
 * @param strategy strategy name
 * @param symbols comma-separated symbols
 * @param seed the random seed
 * @param configYaml the effective configuration as YAML
 * @param dataFingerprint fingerprint(s) of the bars (as stored with runs)
 * @param dataPath the data file(s), for people
 * @param feed the feed ({@code replay})
 * @param broker the broker ({@code paper})
 */
public record SessionSpec(
    String fingerprint,
    String strategy,
    String symbols,
    long seed,
    String configYaml,
    String dataFingerprint,
    String dataPath,
    String feed,
    String broker) {
  public SessionSpec {
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(symbols, "symbols");
    Objects.requireNonNull(configYaml, "configYaml");
    Objects.requireNonNull(dataFingerprint, "dataFingerprint");
    Objects.requireNonNull(dataPath, "dataPath");
    Objects.requireNonNull(feed, "feed");
    Objects.requireNonNull(broker, "broker");
  }
}
