package io.quantzoo.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.quantzoo.core.execution.VenueOrder;
import io.quantzoo.core.order.Exits;
import io.quantzoo.core.order.Offset;
import io.quantzoo.core.order.OrderFilled;
import io.quantzoo.core.order.OrderId;
import io.quantzoo.core.order.OrderRequest;
import io.quantzoo.core.order.Side;
import io.quantzoo.core.sweep.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JournalRecordsTest {

  @Test
  void anIntentKeepsEveryTermAndAMissingPriceIsNull() {
    OrderRequest r =
        OrderRequest.limit("BTC-USD", Side.BUY, 0.5, 101.25, "say \"hi\"\\\n\tnow\u0001")
            .withExits(Exits.NONE.withStopLoss(Offset.atr(2, 14)).withTakeProfit(Offset.price(5)));
    String line =
        JournalRecords.intent(
            7, "qzP", new VenueOrder(new OrderId(42), r, 3.5, Double.NaN, Double.NaN), false);
    assertThat(line).startsWith("{\"k\":\"intent\",\"n\":7,\"id\":\"qzP-42\"");
    assertThat(JournalRecords.isMeta(line)).isFalse();
    Map<String, Object> m = Json.parseObject(line);
    assertThat(m)
        .containsEntry("sym", "BTC-USD")
        .containsEntry("side", "BUY")
        .containsEntry("qm", "FIXED")
        .containsEntry("qty", 0.5)
        .containsEntry("type", "LIMIT")
        .containsEntry("lp", 101.25)
        .containsEntry("sp", null)
        .containsEntry("tag", "say \"hi\"\\\n\tnow\u0001")
        .containsEntry("ex", "sl=ATR:2.0:14 tp=PRICE:5.0:0")
        .containsEntry("sd", 3.5)
        .containsEntry("td", null)
        .containsEntry("prot", false);
  }

  @Test
  void aFillRoundTripsExactly() {
    OrderFilled f =
        new OrderFilled(
            new OrderId(3),
            "ETH-USD",
            "17",
            Side.SELL,
            1.0 / 3,
            2345.678901234567,
            0.1 + 0.2,
            1e-9,
            0,
            "Exit",
            12,
            true,
            1_700_000_000_000L,
            1_700_000_000_000L);
    Map<String, Object> m = Json.parseObject(JournalRecords.event(5, "p", f));
    assertThat(m)
        .containsEntry("e", "filled")
        .containsEntry("id", "p-3")
        .containsEntry("qty", 1.0 / 3)
        .containsEntry("px", 2345.678901234567)
        .containsEntry("comm", 0.1 + 0.2)
        .containsEntry("slip", 1e-9)
        .containsEntry("bar", 12)
        .containsEntry("open", true)
        .containsEntry("ts", 1_700_000_000_000L);
  }

  @Test
  void onlyStartResumeAndEndAreMeta() {
    assertThat(JournalRecords.isMeta("{\"k\":\"start\",\"v\":1}")).isTrue();
    assertThat(JournalRecords.isMeta("{\"k\":\"resume\"}")).isTrue();
    assertThat(JournalRecords.isMeta("{\"k\":\"end\"}")).isTrue();
    assertThat(JournalRecords.isMeta("{\"k\":\"bar\",\"n\":1}")).isFalse();
    assertThat(JournalRecords.isMeta("{\"k\":\"ev\",\"n\":1}")).isFalse();
  }
}
