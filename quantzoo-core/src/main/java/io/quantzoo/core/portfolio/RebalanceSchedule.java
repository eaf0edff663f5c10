package io.quantzoo.core.portfolio;

/**
 * When a scheduled rebalance is decided: at the close of a bar of the portfolio's merged clock (bar
 * index {@code i} from 0), trading at the next bar's open. Calendar periods are UTC: the bar that
 * starts a new day, ISO week (Monday) or month is the one that triggers, because a bar cannot know
 * that it is the last of its period without seeing the next one.
 */
public sealed interface RebalanceSchedule {

  /**
   * Whether bar {@code index} (time {@code timeMillis}, the previous bar's {@code prevMillis})
   * triggers a scheduled rebalance. Bar 0 never does (the initial allocation is already there).
   */
  boolean due(int index, long timeMillis, long prevMillis);

  /** The schedule as written in a config: {@code none}, {@code 20}, {@code monthly}, ... */
  String describe();

  /** Never on schedule (drift only, or never). */
  record Never() implements RebalanceSchedule {
    @Override
    public boolean due(int index, long timeMillis, long prevMillis) {
      return false;
    }

    @Override
    public String describe() {
      return "none";
    }
  }

  /**
   * Every {@code bars} bars: at the close of bars {@code bars, 2·bars, ...}.
   *
   * @param bars at least 1
   */
  record EveryBars(int bars) implements RebalanceSchedule {
    public EveryBars {
      if (bars < 1) {
        throw new IllegalArgumentException("rebalance every N bars needs N >= 1, was " + bars);
      }
    }

    @Override
    public boolean due(int index, long timeMillis, long prevMillis) {
      return index > 0 && index % bars == 0;
    }

    @Override
    public String describe() {
      return Integer.toString(bars);
    }
  }

  /** Calendar periods, UTC. */
  enum Period {
    DAILY,
    WEEKLY,
    MONTHLY
  }

  /**
   * At the close of the first bar of each new UTC day, ISO week or month.
   *
   * @param period the period
   */
  record Calendar(Period period) implements RebalanceSchedule {
    public Calendar {
      java.util.Objects.requireNonNull(period, "period");
    }

    @Override
    public boolean due(int index, long timeMillis, long prevMillis) {
      return index > 0 && key(timeMillis) != key(prevMillis);
    }

    long key(long millis) {
      long day = Math.floorDiv(millis, 86_400_000L);
      return switch (period) {
        case DAILY -> day;
        // 1970-01-01 was a Thursday: day + 3 counts from Monday 1969-12-29
        case WEEKLY -> Math.floorDiv(day + 3, 7);
        case MONTHLY -> {
          java.time.LocalDate d = java.time.LocalDate.ofEpochDay(day);
          yield d.getYear() * 12L + d.getMonthValue();
        }
      };
    }

    @Override
    public String describe() {
      return period.name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
