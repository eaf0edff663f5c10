package io.quantzoo.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FastDoubleParserTest {

  /** The parser's answer for {@code text}, read from the middle of a larger buffer. */
  private static double parse(String text) {
    byte[] inner = text.getBytes(StandardCharsets.ISO_8859_1);
    byte[] buf = new byte[inner.length + 6];
    System.arraycopy(inner, 0, buf, 3, inner.length);
    buf[0] = '9';
    buf[1] = '9';
    buf[2] = ',';
    buf[buf.length - 3] = ',';
    buf[buf.length - 2] = '7';
    buf[buf.length - 1] = '.';
    return FastDoubleParser.parse(buf, 3, 3 + inner.length);
  }

  /** Double.parseDouble's answer, or NaN where it refuses the text. */
  private static double reference(String text) {
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static void assertSameAsJdk(String text) {
    assertThat(Double.doubleToRawLongBits(parse(text)))
        .as("'%s': fast %s, JDK %s", text, parse(text), reference(text))
        .isEqualTo(Double.doubleToRawLongBits(reference(text)));
  }

  @Test
  void edgeCasesAreBitIdenticalToDoubleParseDouble() {
    List<String> cases =
        List.of(
            "0",
            "-0",
            "+0",
            "-0.0",
            "0.000",
            "1",
            "-1",
            "+1.5",
            ".5",
            "5.",
            "-.5",
            "0.1",
            "0.2",
            "0.3",
            "456.16",
            "16.65999984741211",
            "17.09000015258789",
            "561.88098307",
            "9007199254740992",
            "9007199254740993",
            "9007199254740991.5",
            "900719925474099.3",
            "123456789012345678",
            "1234567890123456789",
            "12345678901234567890123",
            "0.000000000000000001",
            "0.0000000000000000001",
            "0.30000000000000004",
            "1.7976931348623157e308",
            "4.9e-324",
            "1e22",
            "1e23",
            "1E5",
            "1.5e-3",
            "0x1p3",
            "1d",
            "2.5f",
            "NaN",
            "Infinity",
            "-Infinity",
            "nan",
            "inf",
            "",
            ".",
            "-",
            "+",
            "-.",
            "1..2",
            "1.2.3",
            "1-2",
            "--1",
            "abc",
            "12a",
            " 1",
            "1 ",
            "1,5");
    for (String c : cases) {
      assertSameAsJdk(c);
    }
  }

  @Test
  void seededRandomDecimalsAreBitIdenticalToDoubleParseDouble() {
    Random rnd = new Random(20_160_518L);
    StringBuilder sb = new StringBuilder();
    for (int n = 0; n < 200_000; n++) {
      sb.setLength(0);
      int sign = rnd.nextInt(10);
      if (sign == 0) {
        sb.append('-');
      } else if (sign == 1) {
        sb.append('+');
      }
      int intDigits = rnd.nextInt(rnd.nextBoolean() ? 6 : 20);
      for (int i = 0; i < intDigits; i++) {
        sb.append((char) ('0' + rnd.nextInt(10)));
      }
      if (rnd.nextInt(4) != 0) {
        sb.append('.');
        int fractionDigits = rnd.nextInt(rnd.nextBoolean() ? 9 : 25);
        for (int i = 0; i < fractionDigits; i++) {
          sb.append((char) ('0' + rnd.nextInt(10)));
        }
      }
      if (rnd.nextInt(50) == 0) {
        sb.append('e').append(rnd.nextInt(40) - 20);
      }
      if (rnd.nextInt(200) == 0) {
        sb.insert(rnd.nextInt(sb.length() + 1), "x.-+ ".charAt(rnd.nextInt(5)));
      }
      assertSameAsJdk(sb.toString());
    }
  }

  @Test
  void seededRandomDoublesRoundTripThroughTheirShortestText() {
    Random rnd = new Random(42L);
    for (int n = 0; n < 100_000; n++) {
      double d =
          switch (n % 3) {
            case 0 -> rnd.nextDouble() * 100_000;
            case 1 -> Math.round(rnd.nextDouble() * 1e8) / 100.0;
            default -> Double.longBitsToDouble(rnd.nextLong());
          };
      String text = Double.toString(d);
      assertSameAsJdk(text);
      assertSameAsJdk(String.format(java.util.Locale.ROOT, "%.8f", d));
    }
  }
}
