package io.quantzoo.core.walkforward;

/**
 * One walk-forward window as positions in the merged timeline (distinct bar times of all symbols,
 * ascending); every range is half-open {@code [from, to)}.
 *
 * @param index window number from 0
 * @param warmFrom first bar fed to the out-of-sample instance without trading
 * @param isFrom first in-sample bar
 * @param isTo end of the in-sample range (exclusive); equals {@code oosFrom}
 * @param oosFrom first out-of-sample bar
 * @param oosTo end of the out-of-sample range (exclusive)
 */
public record Window(int index, int warmFrom, int isFrom, int isTo, int oosFrom, int oosTo) {
  public Window {
    if (!(0 <= warmFrom
        && warmFrom <= oosFrom
        && 0 <= isFrom
        && isFrom < isTo
        && isTo == oosFrom
        && oosFrom < oosTo)) {
      throw new IllegalArgumentException(
          "bad window "
              + index
              + ": "
              + warmFrom
              + " "
              + isFrom
              + " "
              + isTo
              + " "
              + oosFrom
              + " "
              + oosTo);
    }
  }

  public int inSampleBars() {
    return isTo - isFrom;
  }

  public int outOfSampleBars() {
    return oosTo - oosFrom;
  }
}
