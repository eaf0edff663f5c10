package io.quantzoo.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quantzoo.core.execution.CommissionModel;
import io.quantzoo.core.execution.FillModel;
import io.quantzoo.core.execution.SizingModel;
import io.quantzoo.core.execution.SlippageModel;
import io.quantzoo.core.instrument.AssetClass;
import io.quantzoo.core.strategy.StrategyRegistry;
import io.quantzoo.core.util.ConfigException;
import java.io.StringReader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {
  private static RunConfigFile parse(String yaml) {
    return ConfigLoader.parse(new StringReader(yaml), "t.yaml");
  }

  private static RunPlan plan(String yaml) {
    return new RunPlanner(StrategyRegistry.builtIn(), null, null).plan(parse(yaml));
  }

  private static final String MINIMAL = "strategy: buy_and_hold\ndata: {path: x.csv}\n";

  @Test
  void fillsEveryDefaultInOnePlace() {
    RunPlan p = plan(MINIMAL);
    assertThat(p.engine().initialCash()).isEqualTo(100_000);
    assertThat(p.engine().fillModel()).isEqualTo(FillModel.NEXT_OPEN);
    assertThat(p.engine().commission()).isInstanceOf(CommissionModel.None.class);
    assertThat(p.engine().slippage()).isInstanceOf(SlippageModel.None.class);
    assertThat(p.engine().sizing()).isEqualTo(new SizingModel.PercentOfEquity(100));
    assertThat(p.engine().closeAtEnd()).isTrue();
    assertThat(p.engine().seed()).isEqualTo(42);
    assertThat(p.effectiveYaml()).contains("fill: next_open").contains("seed: 42");
  }

  @Test
  void bindsEverySetting() {
    RunPlan p =
        plan(
            """
            strategy: sma_cross
            params: {fast: 3, slow: 7, direction: long_only}
            data:
              - {path: a.csv, symbol: A, timezone: America/New_York}
              - {path: b.parquet, drop_bad_rows: true}
            instruments:
              A: {asset_class: future, tick_size: 0.25, tick_value: 0.5}
              B: ES
            initial_cash: 5e4
            execution:
              fill: on_close
              commission: {type: per_unit, per_unit: 0.62, minimum: 1}
              slippage: {type: ticks, ticks: 1}
              intrabar: target_first
            sizing: {type: risk, percent: 0.5}
            close_at_end: false
            seed: 7
            """);
    assertThat(p.sources()).hasSize(2);
    assertThat(p.sources().get(0).zone().getId()).isEqualTo("America/New_York");
    assertThat(p.sources().get(1).parquet()).isTrue();
    assertThat(p.sources().get(1).dropBadRows()).isTrue();
    assertThat(p.instrumentsBySymbol().get("A").assetClass()).isEqualTo(AssetClass.FUTURE);
    assertThat(p.instrumentsBySymbol().get("A").pointValue()).isEqualTo(2.0); // 0.5 / 0.25
    assertThat(p.instrumentsBySymbol().get("B").pointValue()).isEqualTo(50.0); // ES catalog
    assertThat(p.engine().initialCash()).isEqualTo(50_000);
    assertThat(p.engine().fillModel()).isEqualTo(FillModel.ON_CLOSE);
    assertThat(p.engine().commission()).isEqualTo(new CommissionModel.PerUnit(0.62, 1));
    assertThat(p.engine().sizing()).isEqualTo(new SizingModel.Risk(0.5));
    assertThat(p.engine().closeAtEnd()).isFalse();
    assertThat(p.engine().seed()).isEqualTo(7);
    assertThat(p.params().getInt("fast")).isEqualTo(3);
  }

  @Test
  void unknownKeysAreRefusedWithTheirLineAndTheAllowedKeys() {
    assertThatThrownBy(() -> parse(MINIMAL + "execution:\n  fil: on_close\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "t.yaml line 4: unknown key 'execution.fil'; allowed here: commission, fill,"
                + " intrabar, slippage");
  }

  @Test
  void wrongTypesNameTheKeyLineAndValue() {
    assertThatThrownBy(() -> parse(MINIMAL + "initial_cash: lots\n"))
        .hasMessage("t.yaml line 3: key 'initial_cash' must be a number, was 'lots'");
    assertThatThrownBy(() -> parse(MINIMAL + "seed: 1.5\n"))
        .hasMessage("t.yaml line 3: key 'seed' must be a whole number, was '1.5'");
    assertThatThrownBy(() -> parse(MINIMAL + "execution: next_open\n"))
        .hasMessageContaining("key 'execution' must be a mapping");
  }

  @Test
  void valuesOutOfRangeAreRefusedByKey() {
    assertThatThrownBy(() -> plan(MINIMAL + "initial_cash: -5\n"))
        .hasMessage("key 'initial_cash' must be > 0, was -5.0");
    assertThatThrownBy(() -> plan(MINIMAL + "execution: {fill: tomorrow}\n"))
        .hasMessage("key 'execution.fill' must be one of next_open, on_close, was tomorrow");
    assertThatThrownBy(() -> plan(MINIMAL + "sizing: {type: fixed, percent: 3}\n"))
        .hasMessageContaining("do not apply to its type; use: quantity");
    assertThatThrownBy(() -> plan(MINIMAL + "instrument: XYZ\n"))
        .hasMessageContaining("names no catalog instrument: XYZ");
    assertThatThrownBy(() -> plan("data: {path: x.csv}\n"))
        .hasMessageContaining("'strategy' is required");
  }

  /** F4 and F7 of the adversarial test: slippage that breaks prices or is silently ignored. */
  @Test
  void slippageThatWouldMakeAPriceNonPositiveOrDoesNotBelongToItsTypeIsRefused() {
    assertThatThrownBy(() -> plan(MINIMAL + "execution: {slippage: {type: bps, bps: 20000}}\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "key 'execution.slippage.bps' must be below 10000 (a sell's fill price must stay"
                + " above 0), was 20000.0");
    assertThatThrownBy(() -> plan(MINIMAL + "execution: {slippage: {type: bps, bps: 10000}}\n"))
        .hasMessageContaining("below 10000");
    assertThat(
            plan(MINIMAL + "execution: {slippage: {type: bps, bps: 9999}}\n").engine().slippage())
        .isEqualTo(new SlippageModel.BasisPoints(9999));
    assertThatThrownBy(
            () -> plan(MINIMAL + "execution: {slippage: {type: ticks, ticks: 1, bps: 3}}\n"))
        .hasMessage(
            "key 'execution.slippage' has settings that do not apply to its type; use: ticks");
    assertThatThrownBy(() -> plan(MINIMAL + "execution: {slippage: {type: none, bps: 5}}\n"))
        .hasMessageContaining("has settings but type none");
    assertThatThrownBy(() -> plan(MINIMAL + "execution: {slippage: {ticks: 5}}\n"))
        .hasMessageContaining("has settings but no type");
    assertThatThrownBy(() ->
            plan(MINIMAL + "execution: {slippage: {type: random_ticks, max_ticks: 2, ticks: 1}}\n"))
        .hasMessageContaining("use: max_ticks");
    assertThatThrownBy(() -> plan(MINIMAL + "execution: {slippage: {type: ticks, ticks: .inf}}\n"))
        .hasMessageContaining("must be a finite number");
  }

  /** F6 of the adversarial test: these ended in exit 1 "internal error". */
  @Test
  void aPathWithANulByteAndABlankSymbolAreConfigErrors() {
    assertThatThrownBy(() -> plan("strategy: buy_and_hold\ndata: {path: \"bh.csv\\0\"}\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("key 'data.path' is not a valid file path (");
    assertThatThrownBy(() -> plan("strategy: buy_and_hold\ndata: {path: x.csv, symbol: \"\"}\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("key 'data.symbol' must not be blank");
  }

  /** F3 of the adversarial test: values that passed validation, then crashed the metrics. */
  @Test
  void amountsThatOverflowARunAndImpossibleRatesAreConfigErrors() {
    assertThatThrownBy(() -> plan(MINIMAL + "initial_cash: 1.0e308\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("key 'initial_cash' must be a finite number at most 1e15");
    assertThatThrownBy(
            () -> plan(MINIMAL + "execution: {commission: {type: per_unit, per_unit: .inf}}\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("execution.commission");
    assertThatThrownBy(
            () -> plan(MINIMAL + "execution: {commission: {type: fixed, amount: 1.0e308}}\n"))
        .hasMessageContaining("key 'execution.commission.amount' must be a finite number");
    assertThatThrownBy(() -> plan(MINIMAL + "sizing: {type: fixed, quantity: 1.0e308}\n"))
        .hasMessageContaining("key 'sizing.quantity' must be a finite number");
    assertThatThrownBy(() -> plan(MINIMAL + "metrics: {risk_free_rate_pct: -100}\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("key 'metrics.risk_free_rate_pct' must be a finite percent");
    assertThatThrownBy(() -> plan(MINIMAL + "metrics: {risk_free_rate_pct: .nan}\n"))
        .hasMessageContaining("risk_free_rate_pct");
    assertThat(plan(MINIMAL + "initial_cash: 1.0e15\n").engine().initialCash()).isEqualTo(1e15);
  }

  @Test
  void duplicateKeysAndBrokenYamlAreRefused() {
    assertThatThrownBy(() -> parse("strategy: a\nstrategy: b\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("t.yaml line 2")
        .hasMessageContaining("duplicate key");
    assertThatThrownBy(() -> parse("strategy: [unclosed\n")).hasMessageContaining("not valid YAML");
    assertThatThrownBy(() -> parse("")).hasMessageContaining("empty");
  }

  @Test
  void javaTypeTagsAreNeverConstructed() {
    assertThatThrownBy(() -> parse("strategy: !!java.io.File /etc/passwd\ndata: {path: x}\n"))
        .isInstanceOf(ConfigException.class);
  }

  @Test
  void relativeDataPathsResolveBesideTheConfigThenUnderHome() {
    RunPlanner planner =
        new RunPlanner(StrategyRegistry.builtIn(), Path.of("/nonexistent"), Path.of(".."));
    assertThat(planner.resolve("data/btc-usd-4h-2016-2025.csv"))
        .isEqualTo(Path.of("..", "data", "btc-usd-4h-2016-2025.csv"));
  }
}
