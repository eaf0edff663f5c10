package io.quantzoo.core.run;

import java.time.Instant;
import java.util.Objects;

/**
 * Identity and provenance of a stored run.
 *
 * @param runId unique id, never reused
 * @param kind what produced the run (backtest, walk-forward, portfolio, trading session)
 * @param strategy strategy name
 * @param symbols comma-separated traded symbols
 * @param configYaml the effective configuration as YAML (every default filled in)
 * @param seed random seed
 * @param dataFingerprint fingerprint(s) of the input data
 * @param engineVersion the QuantZoo version that produced it
 * @param status running, completed or failed
 * @param createdAt when the run started (wall clock; not part of results)
 * @param finishedAt when it completed or failed, or null
 * @param elapsedMillis wall-clock duration of the backtest, or -1
 * @param message error message for failed runs, else empty
 */
public record RunInfo(
    String runId,
    RunKind kind,
    String strategy,
    String symbols,
    String configYaml,
    long seed,
    String dataFingerprint,
    String engineVersion,
    RunStatus status,
    Instant createdAt,
    Instant finishedAt,
    long elapsedMillis,
    String message) {

  public RunInfo {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(symbols, "symbols");
    Objects.requireNonNull(configYaml, "configYaml");
    Objects.requireNonNull(dataFingerprint, "dataFingerprint");
    Objects.requireNonNull(engineVersion, "engineVersion");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(message, "message");
  }

  /** Lifecycle of a stored run. Only a run written in full is ever {@code COMPLETED}. */
  public enum RunStatus {
    RUNNING,
    COMPLETED,
    FAILED;

    public String dbName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
