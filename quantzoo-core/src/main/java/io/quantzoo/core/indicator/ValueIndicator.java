package io.quantzoo.core.indicator;

import java.util.List;
import java.util.Objects;

/**
 * Base of the single-input indicators (moving averages, RSI, ROC, ...): they transform one number
 * per bar, taken from the bar by a {@link PriceSource} (close by default) or passed directly with
 * {@link #update(double)} (for example another indicator's output).
 */
public abstract class ValueIndicator implements Indicator {
  private final PriceSource source;
  private final List<String> outputs;

  protected ValueIndicator(String name, PriceSource source) {
    this.outputs = List.of(Objects.requireNonNull(name, "name"));
    this.source = Objects.requireNonNull(source, "source");
  }

  /** Feeds the next input value and returns the new value of the first output (NaN in warm-up). */
  public abstract double update(double x);

  @Override
  public final void update(
      long timeMillis, double open, double high, double low, double close, double volume) {
    update(source.of(open, high, low, close, volume));
  }

  @Override
  public List<String> outputs() {
    return outputs;
  }

  @Override
  public double value(int k) {
    if (k != 0) {
      throw new IndexOutOfBoundsException("output " + k + " of " + outputs);
    }
    return value();
  }

  @Override
  public abstract double value();

  public PriceSource source() {
    return source;
  }
}
