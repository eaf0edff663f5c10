package io.quantzoo.core.data;

import java.nio.charset.StandardCharsets;

/**
 * Parses decimal numbers straight from bytes, with results bit-identical to {@link
 * Double#parseDouble}.
 *
 * <p>The fast path takes an optional sign, digits and at most one decimal point, and no exponent:
 * when the at most 18 digits form an integer {@code m <= 2^53} with {@code k} digits after the
 * point, both {@code m} and {@code 10^k} are exact doubles, so {@code m / 10^k} is one correctly
 * rounded IEEE division of exact values: the correctly rounded value of the text, which is what
 * {@code Double.parseDouble} returns. Anything else (exponents, long mantissas, hex, {@code NaN},
 * surrounding white space) falls back to {@code Double.parseDouble}.
 */
final class FastDoubleParser {
  private static final long MAX_EXACT = 1L << 53;
  private static final int MAX_DIGITS = 18;
  private static final double[] POW10 = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18
  };

  private FastDoubleParser() {}

  /**
   * Parses bytes {@code [from, to)} of {@code b}.
   *
   * @return the value {@code Double.parseDouble} gives for the text, or {@link Double#NaN} if it
   *     rejects the text (so {@code NaN} means "not a number, or the text NaN")
   */
  static double parse(byte[] b, int from, int to) {
    int i = from;
    boolean negative = false;
    if (i < to) {
      byte sign = b[i];
      if (sign == '-') {
        negative = true;
        i++;
      } else if (sign == '+') {
        i++;
      }
    }
    // Digits beyond 18 may overflow m; such text goes to the slow path below.
    long m = 0;
    int intStart = i;
    for (; i < to; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        break;
      }
      m = m * 10 + d;
    }
    int digits = i - intStart;
    int fractionDigits = 0;
    if (i < to && b[i] == '.') {
      int fractionStart = ++i;
      for (; i < to; i++) {
        int d = b[i] - '0';
        if (d < 0 || d > 9) {
          break;
        }
        m = m * 10 + d;
      }
      fractionDigits = i - fractionStart;
      digits += fractionDigits;
    }
    if (i != to || digits == 0 || digits > MAX_DIGITS || m > MAX_EXACT) {
      return slow(b, from, to);
    }
    double v = fractionDigits == 0 ? (double) m : (double) m / POW10[fractionDigits];
    return negative ? -v : v;
  }

  private static double slow(byte[] b, int from, int to) {
    try {
      return Double.parseDouble(new String(b, from, to - from, StandardCharsets.ISO_8859_1));
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
