package io.quantzoo.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.quantzoo.core.execution.VenueOrder;
import io.quantzoo.core.order.DenialRule;
import io.quantzoo.core.order.Exits;
import io.quantzoo.core.order.Offset;
import io.quantzoo.core.order.OrderDenied;
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
  void aDenialRoundTripsItsRuleLimitAndValue() {
    OrderDenied d =
        new OrderDenied(
            new OrderId(7),
            "MNQ",
            DenialRule.MAX_ORDER_NOTIONAL,
            "order notional 125,000.00 > max_order_notional 100,000.00",
            100_000,
            125_000.5,
            1_700_000_000_000L,
            1_700_000_000_001L);

    Map<String, Object> m = Json.parseObject(JournalRecords.event(9, "p", d));

    assertThat(m).containsEntry("rule", "MAX_ORDER_NOTIONAL").containsEntry("limit", 100_000.0);
    assertThat(JournalRecords.denied(m)).isEqualTo(d);
  }

  @Test
  void aDenialWithoutNumbersIsWrittenAsBeforeAndReadsThemAsNaN() {
    OrderDenied d = new OrderDenied(new OrderId(2), "MNQ", DenialRule.SIZE_ZERO, "qty 0", 5L, 5L);

    String line = JournalRecords.event(3, "p", d);

    assertThat(line).doesNotContain("limit").doesNotContain("value");
    OrderDenied back = JournalRecords.denied(Json.parseObject(line));
    assertThat(back.limit()).isNaN();
    assertThat(back.value()).isNaN();
    assertThat(back).isEqualTo(d);
  }

  @Test
  void anIntendedDuplicateIsMarkedInTheIntentOnlyWhenSet() {
    OrderRequest r = OrderRequest.market("MNQ", Side.BUY, 1, "E");
    VenueOrder plain = new VenueOrder(new OrderId(1), r, Double.NaN, Double.NaN, Double.NaN);
    VenueOrder dup =
        new VenueOrder(
            new OrderId(2), r.withAllowDuplicate(true), Double.NaN, Double.NaN, Double.NaN);

    assertThat(JournalRecords.intent(1, "p", plain, false)).doesNotContain("dup");
    assertThat(Json.parseObject(JournalRecords.intent(2, "p", dup, false)))
        .containsEntry("dup", true);
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
