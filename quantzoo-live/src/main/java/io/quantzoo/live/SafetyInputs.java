package io.quantzoo.live;

import io.quantzoo.core.risk.TradingState;
import java.util.Objects;

/**
 * What a trader reads of the machine-wide trading state: a cheap generation number that changes
 * with every write of the state, and the state itself, read only when the generation changed.
 */
public interface SafetyInputs {

  /**
   * The operator's state as a trader takes it in.
   *
   * @param state the trading state (HALTED when it cannot be read)
   * @param generation the state's generation
   * @param cause why it is in this state (e.g. {@code operator}, {@code daily_loss})
   * @param closePositions whether the activation that halted it asked to close positions
   */
  record Snapshot(TradingState state, long generation, String cause, boolean closePositions) {
    public Snapshot {
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(cause, "cause");
    }
  }

  /** Nothing outside: always ACTIVE (tests, and sessions run without the safety layer). */
  SafetyInputs NONE =
      new SafetyInputs() {
        @Override
        public long generation() {
          return 0;
        }

        @Override
        public Snapshot read() {
          return new Snapshot(TradingState.ACTIVE, 0, "none", false);
        }
      };

  /** The state's generation (cheap: no file read). */
  long generation();

  /** The state now. */
  Snapshot read();
}
