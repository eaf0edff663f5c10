package io.quantzoo.core.indicator;

import java.util.List;

/**
 * An indicator of two aligned series (rolling correlation, beta, ...), fed one pair of values per
 * bar. The same contract as {@link Indicator}: O(1), no allocation, no look-ahead, NaN in warm-up.
 */
public interface PairIndicator {

  /** Feeds the next pair; returns the new value of the first output. */
  double update(double x, double y);

  List<String> outputs();

  double value(int k);

  default double value() {
    return value(0);
  }

  int warmup();
}
