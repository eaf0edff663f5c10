package io.quantzoo.core.sweep;

import io.quantzoo.core.util.ConfigException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The points of a parameter sweep: the axes, the constraints between parameters, and how points are
 * drawn.
 *
 * <p><b>Grid</b>: every combination of the discrete axes. Point {@code i} is the mixed-radix
 * decoding of {@code i} over the axes in order, the last axis varying fastest, so indices are
 * stable and a resumed sweep can skip finished ones. Combinations that break a constraint are not
 * points ({@link #at} returns null); the grid is never materialised, so its memory does not grow
 * with its size.
 *
 * <p><b>Random</b>: {@code samples} points drawn with a {@link SplittableRandom} seeded with {@code
 * seed}. When every axis is discrete, points are drawn from the grid without replacement (the whole
 * grid when it is smaller than {@code samples}); continuous axes draw uniformly from their interval
 * (integers uniformly from {@code [min, max]}). Draws that break a constraint are rejected and
 * drawn again. Point {@code i} is the {@code i}-th accepted draw.
 *
 * <p>Constraints are {@link Expr expressions} over parameter names (swept and fixed); numbers read
 * as themselves, booleans as 1/0, and text as NaN (so a comparison with text never holds).
 */
public final class ParamSpace {
  /** How points are drawn. */
  public enum Method {
    GRID,
    RANDOM
  }

  /** Refuse grids larger than this many raw combinations. */
  public static final long MAX_GRID = 1L << 40;

  private static final int MAX_REJECTIONS_PER_SAMPLE = 1_000;

  private final List<Axis> axes;
  private final List<Expr> constraints;
  private final Map<String, Object> base;
  private final Method method;
  private final long gridSize;
  private final List<SweepPoint> drawn;

  /**
   * @param axes the swept parameters (at least one)
   * @param constraints expressions every point must satisfy
   * @param base the values of the parameters that are not swept (constraints may read them)
   * @param method grid or random
   * @param samples number of random draws (random only)
   * @param seed seed of the random draws (random only)
   * @throws ConfigException on a continuous axis in a grid, too large a grid, or constraints that
   *     reject almost every random draw
   */
  public ParamSpace(
      List<Axis> axes,
      List<Expr> constraints,
      Map<String, Object> base,
      Method method,
      int samples,
      long seed) {
    if (axes.isEmpty()) {
      throw new ConfigException("sweep.params", "give at least one parameter to sweep");
    }
    this.axes = List.copyOf(axes);
    this.constraints = List.copyOf(constraints);
    this.base = new LinkedHashMap<>(base);
    this.method = Objects.requireNonNull(method, "method");
    long size = 1;
    boolean allDiscrete = true;
    for (Axis a : axes) {
      if (!a.isDiscrete()) {
        allDiscrete = false;
        if (method == Method.GRID) {
          throw new ConfigException(
              "sweep.params." + a.name(),
              "a grid needs a step or a list of values for '"
                  + a.name()
                  + "' (a bare min/max interval is for method: random)");
        }
        continue;
      }
      if (size > MAX_GRID / a.size()) {
        throw new ConfigException(
            "sweep.params", "the grid has more than " + MAX_GRID + " combinations; narrow it");
      }
      size *= a.size();
    }
    this.gridSize = allDiscrete ? size : -1;
    if (method == Method.RANDOM) {
      if (samples < 1) {
        throw new ConfigException("sweep.samples", "samples must be >= 1, was " + samples);
      }
      this.drawn = allDiscrete ? drawFromGrid(samples, seed) : drawContinuous(samples, seed);
    } else {
      this.drawn = null;
    }
  }

  public List<Axis> axes() {
    return axes;
  }

  public List<Expr> constraints() {
    return constraints;
  }

  public Method method() {
    return method;
  }

  /** Indices run over {@code [0, upperBound())}; some of them may be filtered out. */
  public long upperBound() {
    return drawn != null ? drawn.size() : gridSize;
  }

  /** The point at {@code index}, or null when its combination breaks a constraint. */
  public SweepPoint at(long index) {
    if (index < 0 || index >= upperBound()) {
      throw new IndexOutOfBoundsException("point " + index + " of " + upperBound());
    }
    if (drawn != null) {
      return drawn.get((int) index);
    }
    Map<String, Object> v = decode(index);
    return satisfies(v) ? new SweepPoint(index, v) : null;
  }

  /** Number of points that satisfy the constraints (walks the grid once; no storage). */
  public long countValid() {
    if (drawn != null) {
      return drawn.size();
    }
    if (constraints.isEmpty()) {
      return gridSize;
    }
    long n = 0;
    for (long i = 0; i < gridSize; i++) {
      if (satisfies(decode(i))) {
        n++;
      }
    }
    return n;
  }

  /** The full parameter map of a point: the fixed parameters overridden by the point's values. */
  public Map<String, Object> merged(SweepPoint p) {
    Map<String, Object> m = new LinkedHashMap<>(base);
    m.putAll(p.values());
    return m;
  }

  /** A stable text describing the space (stored with a sweep, part of its fingerprint). */
  public String describe() {
    StringBuilder b = new StringBuilder(method.name().toLowerCase(java.util.Locale.ROOT));
    for (Axis a : axes) {
      b.append(';').append(a.name()).append('=');
      if (a.isDiscrete()) {
        b.append(a.values());
      } else {
        b.append('[').append(a.min()).append(',').append(a.max()).append(']');
        b.append(a.integer() ? "int" : "real");
      }
    }
    for (Expr c : constraints) {
      b.append(";where ").append(c.text());
    }
    if (drawn != null) {
      b.append(";samples=").append(drawn.size());
      // The draws themselves depend on the seed; hash them so a changed seed is a new space.
      b.append(";draws=").append(drawn.hashCode());
    }
    return b.toString();
  }

  private Map<String, Object> decode(long index) {
    Map<String, Object> v = new LinkedHashMap<>();
    long rest = index;
    Object[] vals = new Object[axes.size()];
    for (int k = axes.size() - 1; k >= 0; k--) {
      Axis a = axes.get(k);
      vals[k] = a.values().get((int) (rest % a.size()));
      rest /= a.size();
    }
    for (int k = 0; k < axes.size(); k++) {
      v.put(axes.get(k).name(), vals[k]);
    }
    return v;
  }

  private boolean satisfies(Map<String, Object> values) {
    if (constraints.isEmpty()) {
      return true;
    }
    for (Expr c : constraints) {
      if (!c.test(name -> number(values.containsKey(name) ? values.get(name) : base.get(name)))) {
        return false;
      }
    }
    return true;
  }

  static double number(Object v) {
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof Boolean b) {
      return b ? 1 : 0;
    }
    return Double.NaN;
  }

  private List<SweepPoint> drawFromGrid(int samples, long seed) {
    List<SweepPoint> out = new ArrayList<>();
    SplittableRandom rnd = new SplittableRandom(seed);
    if (gridSize <= samples) {
      for (long i = 0; i < gridSize; i++) {
        Map<String, Object> v = decode(i);
        if (satisfies(v)) {
          out.add(new SweepPoint(out.size(), v));
        }
      }
      return out;
    }
    Set<Long> tried = new HashSet<>();
    while (out.size() < samples && tried.size() < gridSize) {
      long raw = rnd.nextLong(gridSize);
      if (!tried.add(raw)) {
        continue;
      }
      Map<String, Object> v = decode(raw);
      if (satisfies(v)) {
        out.add(new SweepPoint(out.size(), v));
      }
    }
    return out;
  }

  private List<SweepPoint> drawContinuous(int samples, long seed) {
    List<SweepPoint> out = new ArrayList<>();
    SplittableRandom rnd = new SplittableRandom(seed);
    long attempts = 0;
    long limit = (long) samples * MAX_REJECTIONS_PER_SAMPLE;
    while (out.size() < samples) {
      if (++attempts > limit) {
        throw new ConfigException(
            "sweep.constraints",
            "the constraints rejected "
                + (attempts - 1 - out.size())
                + " of "
                + (attempts - 1)
                + " random draws; loosen them or the ranges");
      }
      Map<String, Object> v = new LinkedHashMap<>();
      for (Axis a : axes) {
        Object x;
        if (a.isDiscrete()) {
          x = a.values().get(rnd.nextInt(a.size()));
        } else if (a.integer()) {
          x = (int) rnd.nextLong((long) a.min(), (long) a.max() + 1);
        } else {
          x = a.min() == a.max() ? a.min() : a.min() + rnd.nextDouble() * (a.max() - a.min());
        }
        v.put(a.name(), x);
      }
      if (satisfies(v)) {
        out.add(new SweepPoint(out.size(), v));
      }
    }
    return out;
  }
}
