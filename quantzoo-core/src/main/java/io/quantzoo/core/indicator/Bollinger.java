package io.quantzoo.core.indicator;

import java.util.List;
import java.util.Objects;

/**
 * Bollinger Bands: a simple moving average of {@code period} values with bands {@code mult}
 * standard deviations of the same window above and below it. Standard deviation divisor per {@link
 * Deviation}: population (÷ n, Bollinger's own definition and TA-Lib's {@code BBANDS}, default) or
 * sample (÷ n − 1, pandas {@code rolling().std()}).
 *
 * <p>Outputs, all defined from bar {@code period − 1}:
 *
 * <ul>
 *   <li>{@code upper = middle + mult·σ}, {@code middle = SMA}, {@code lower = middle − mult·σ};
 *   <li>{@code bandwidth = (upper − lower) / middle} (a ratio, not a percent; not finite when the
 *       middle band is 0);
 *   <li>{@code percent_b = (x − lower) / (upper − lower)} where {@code x} is the current input; 0.5
 *       when the bands have zero width (every value of the window equal, so {@code x} is the
 *       middle).
 * </ul>
 */
public final class Bollinger implements Indicator {
  private static final List<String> OUT =
      List.of("upper", "middle", "lower", "bandwidth", "percent_b");
  private final Sma mean;
  private final StdDev sd;
  private final double mult;
  private final PriceSource source;
  private double upper = Double.NaN;
  private double middle = Double.NaN;
  private double lower = Double.NaN;
  private double bandwidth = Double.NaN;
  private double percentB = Double.NaN;

  /** Bollinger's defaults on closes: 20 bars, 2 population standard deviations. */
  public Bollinger() {
    this(20, 2, Deviation.POPULATION, PriceSource.CLOSE);
  }

  public Bollinger(int period, double mult, Deviation deviation, PriceSource source) {
    if (!(mult > 0) || !Double.isFinite(mult)) {
      throw new IllegalArgumentException("mult must be > 0, was " + mult);
    }
    this.mean = new Sma(period);
    this.sd = new StdDev(period, Objects.requireNonNull(deviation, "deviation"), PriceSource.CLOSE);
    this.mult = mult;
    this.source = Objects.requireNonNull(source, "source");
  }

  /** Feeds the next input value; returns the upper band (NaN during warm-up). */
  public double update(double x) {
    double m = mean.update(x);
    double s = sd.update(x);
    if (!Double.isNaN(m) && !Double.isNaN(s)) {
      double w = mult * s;
      middle = m;
      upper = m + w;
      lower = m - w;
      bandwidth = (upper - lower) / m;
      percentB = upper > lower ? (x - lower) / (upper - lower) : 0.5;
    }
    return upper;
  }

  @Override
  public void update(
      long timeMillis, double open, double high, double low, double close, double volume) {
    update(source.of(open, high, low, close, volume));
  }

  public double upper() {
    return upper;
  }

  public double middle() {
    return middle;
  }

  public double lower() {
    return lower;
  }

  public double bandwidth() {
    return bandwidth;
  }

  public double percentB() {
    return percentB;
  }

  @Override
  public List<String> outputs() {
    return OUT;
  }

  @Override
  public double value(int k) {
    return switch (k) {
      case 0 -> upper;
      case 1 -> middle;
      case 2 -> lower;
      case 3 -> bandwidth;
      case 4 -> percentB;
      default -> throw new IndexOutOfBoundsException("output " + k + " of " + OUT);
    };
  }

  @Override
  public int warmup() {
    return Math.max(mean.warmup(), sd.warmup());
  }

  public int period() {
    return mean.period();
  }
}
