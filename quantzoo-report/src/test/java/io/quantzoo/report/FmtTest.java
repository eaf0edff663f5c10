package io.quantzoo.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class FmtTest {

  @Test
  void numbers() {
    assertThat(Fmt.grouped(1234567.891, 2)).isEqualTo("1,234,567.89");
    assertThat(Fmt.grouped(-0.001, 2)).isEqualTo("0.00");
    assertThat(Fmt.grouped(Double.NaN, 2)).isEqualTo("n/a");
    assertThat(Fmt.percent(12.345)).isEqualTo("12.35%");
    assertThat(Fmt.percent(Double.POSITIVE_INFINITY)).isEqualTo("inf");
    assertThat(Fmt.plain(101.5, 2)).isEqualTo("101.50");
    assertThat(Fmt.plain(1.08543, 2)).isEqualTo("1.08543");
    assertThat(Fmt.plain(0.1 + 0.2, 2)).isEqualTo("0.30");
    assertThat(Fmt.plain(100, 0)).isEqualTo("100");
    assertThat(Fmt.plain(0.00001234, 0)).isEqualTo("0.00001234");
    assertThat(MetricCatalog.format("avg_bars_held", 12.5)).isEqualTo("12.5 bars");
    assertThat(MetricCatalog.format("trades", 1234)).isEqualTo("1,234");
  }

  @Test
  void timesAreUtc() {
    long t = Instant.parse("2024-02-29T23:05:00Z").toEpochMilli();
    assertThat(Fmt.time(t)).isEqualTo("2024-02-29 23:05");
    assertThat(Fmt.time(t + 7_000)).isEqualTo("2024-02-29 23:05:07");
    assertThat(Fmt.instant(Instant.ofEpochMilli(t))).isEqualTo("2024-02-29 23:05:00 UTC");
    assertThat(Fmt.instant(null)).isEqualTo("n/a");
  }

  @Test
  void escaping() {
    assertThat(Fmt.html("<a href='x'>\"&\"</a>"))
        .isEqualTo("&lt;a href=&#39;x&#39;&gt;&quot;&amp;&quot;&lt;/a&gt;");
    assertThat(Fmt.md("<b>|x_y*z|</b>\nnext")).isEqualTo("&lt;b&gt;\\|x\\_y\\*z\\|&lt;/b&gt; next");
    assertThat(Fmt.md("P&L &amp; &#60;")).isEqualTo("P&L &amp;amp; &amp;\\#60;");
    assertThat(Fmt.fence("a ``` b")).isEqualTo("````");
    assertThat(Fmt.fence("plain")).isEqualTo("```");
  }
}
