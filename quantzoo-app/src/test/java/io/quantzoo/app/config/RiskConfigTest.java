package io.quantzoo.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quantzoo.core.risk.PreTradeRiskGate;
import io.quantzoo.core.risk.RiskGate;
import io.quantzoo.core.risk.RiskLimits;
import io.quantzoo.core.strategy.StrategyRegistry;
import io.quantzoo.core.util.ConfigException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** The {@code risk:} section: parsed by key, refused by key and value, off unless given. */
class RiskConfigTest {
  private static final String MINIMAL = "strategy: buy_and_hold\ndata: {path: x.csv}\n";

  private static RunPlan plan(String yaml) {
    return new RunPlanner(StrategyRegistry.builtIn(), null, null)
        .plan(ConfigLoader.parse(new StringReader(yaml), "t.yaml"));
  }

  @Test
  void withoutARiskSectionResearchRunsHaveNoGate() {
    RunPlan p = plan(MINIMAL);

    assertThat(p.researchRiskLimits()).isEmpty();
    assertThat(p.newResearchRiskGate()).isSameAs(RiskGate.ALLOW_ALL);
    assertThat(p.effectiveYaml()).doesNotContain("risk");
  }

  @Test
  void everyKeyIsBoundAndTheOthersStayOffInAResearchRun() {
    RunPlan p =
        plan(
            MINIMAL
                + """
                risk:
                  max_order_quantity: 5
                  max_order_notional: 1e5
                  max_position_quantity: 10
                  max_position_notional: 2e5
                  max_gross_exposure: 3e5
                  max_open_orders: 20
                  max_orders_per_second: 50
                  price_collar_pct: 7.5
                  duplicate_window: 500ms
                  leverage: 1.5
                  max_daily_loss: 2000
                  max_drawdown_pct: 15
                  stale_bars: 4
                  session_hours: true
                """);

    RiskLimits l = p.researchRiskLimits().orElseThrow();
    assertThat(l)
        .isEqualTo(new RiskLimits(5, 1e5, 10, 2e5, 3e5, 20, 50, 7.5, 500, 1.5, 2000, 15, 4, true));
    assertThat(l.unsetLimits()).isEmpty();
    assertThat(p.newResearchRiskGate()).isInstanceOf(PreTradeRiskGate.class);
    assertThat(p.effectiveYaml()).contains("risk:").contains("duplicate_window: 500ms");

    RiskLimits partial =
        plan(MINIMAL + "risk: {max_order_notional: 1000}\n").researchRiskLimits().orElseThrow();
    assertThat(partial.unsetLimits()).hasSize(13).doesNotContain("max_order_notional");
  }

  @Test
  void inTradingTheSectionReplacesTheDefaultsKeyByKey() {
    RunPlan p =
        plan(
            MINIMAL + "initial_cash: 50000\nrisk: {max_order_quantity: 3, session_hours: false}\n");

    RiskLimits t = p.tradingRiskLimits();
    assertThat(t.maxOrderQuantity()).isEqualTo(3);
    assertThat(t.sessionHours()).as("a default turned off").isFalse();
    assertThat(t.maxOrderNotional()).as("default, 2 × initial cash").isEqualTo(100_000);
    assertThat(t.maxOrdersPerSecond()).isEqualTo(100);
    assertThat(t.priceCollarPct()).isEqualTo(10);
    assertThat(plan(MINIMAL).tradingRiskLimits()).isEqualTo(RiskLimits.defaultsForTrading(100_000));
  }

  @Test
  void badValuesNameTheKeyAndTheValue() {
    assertThatThrownBy(() -> plan(MINIMAL + "risk: {max_order_notional: -5}\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("key 'risk.max_order_notional' must be > 0, was -5.0");
    assertThatThrownBy(() -> plan(MINIMAL + "risk: {max_open_orders: 0}\n"))
        .hasMessage("key 'risk.max_open_orders' must be > 0, was 0");
    assertThatThrownBy(() -> plan(MINIMAL + "risk: {duplicate_window: soon}\n"))
        .hasMessage(
            "key 'risk.duplicate_window' must be a duration such as 500ms, 5s, 2m or 1h, was"
                + " soon");
    assertThatThrownBy(() -> plan(MINIMAL + "risk: {max_drawdown_pct: 120}\n"))
        .hasMessage("key 'risk.max_drawdown_pct' must be < 100, was 120.0");
    assertThatThrownBy(() -> plan(MINIMAL + "risk: {leverage: lots}\n"))
        .hasMessageContaining("key 'risk.leverage' must be a number, was 'lots'");
    assertThatThrownBy(() -> plan(MINIMAL + "risk: {stale_bars: 2.5}\n"))
        .hasMessageContaining("key 'risk.stale_bars' must be a whole number, was '2.5'");
    assertThatThrownBy(() -> plan(MINIMAL + "risk: {max_order_qty: 5}\n"))
        .hasMessageContaining("unknown key 'risk.max_order_qty'")
        .hasMessageContaining("max_order_quantity");
  }
}
