package io.quantzoo.core.indicator;

/**
 * The last {@code capacity} values of a series with bars-ago access: {@code get(0)} is the newest,
 * {@code get(1)} the one before. Reading a value older than what was kept, or before anything was
 * added, gives NaN; a negative bars-ago (the future) throws. O(1), no allocation after
 * construction.
 *
 * <p>Typical use in a strategy: push an indicator's value once per bar, then ask {@link
 * #crossedAbove(History)}.
 */
public final class History {
  private final double[] buf;
  private int size;
  private int head = -1;

  public History(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
    }
    this.buf = new double[capacity];
  }

  /** Appends the newest value. */
  public void add(double x) {
    head = head + 1 == buf.length ? 0 : head + 1;
    buf[head] = x;
    if (size < buf.length) {
      size++;
    }
  }

  /** The value {@code barsAgo} bars back; NaN if not (or no longer) available. */
  public double get(int barsAgo) {
    if (barsAgo < 0) {
      throw new IllegalArgumentException(
          "barsAgo must be >= 0 (no reading of future values), was " + barsAgo);
    }
    if (barsAgo >= size) {
      return Double.NaN;
    }
    int i = head - barsAgo;
    return buf[i < 0 ? i + buf.length : i];
  }

  /** Number of values kept (at most the capacity). */
  public int size() {
    return size;
  }

  public int capacity() {
    return buf.length;
  }

  /** This series crossed above {@code other} on the newest value (see {@link Cross#above}). */
  public boolean crossedAbove(History other) {
    return Cross.above(get(1), get(0), other.get(1), other.get(0));
  }

  /** This series crossed below {@code other} on the newest value. */
  public boolean crossedBelow(History other) {
    return Cross.below(get(1), get(0), other.get(1), other.get(0));
  }

  /** This series crossed above a fixed level on the newest value. */
  public boolean crossedAbove(double level) {
    return Cross.above(get(1), get(0), level, level);
  }

  /** This series crossed below a fixed level on the newest value. */
  public boolean crossedBelow(double level) {
    return Cross.below(get(1), get(0), level, level);
  }
}
