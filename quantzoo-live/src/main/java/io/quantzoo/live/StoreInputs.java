package io.quantzoo.live;

import io.quantzoo.live.safety.SafetyState;
import io.quantzoo.live.safety.TradingStateStore;
import java.util.Locale;
import java.util.Objects;

/** A trader's {@link SafetyInputs} from the machine-wide {@link TradingStateStore}. */
public final class StoreInputs implements SafetyInputs {
  private final TradingStateStore store;

  /** Reads {@code store}. */
  public StoreInputs(TradingStateStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  @Override
  public long generation() {
    return store.generation();
  }

  @Override
  public Snapshot read() {
    SafetyState s = store.current();
    return new Snapshot(
        s.state(), s.generation(), s.cause().name().toLowerCase(Locale.ROOT), s.closePositions());
  }
}
