package io.quantzoo.core.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ExprTest {
  private static double eval(String e, Map<String, Double> vars) {
    return Expr.parse(e)
        .eval(n -> {
          Double v = vars.get(n);
          if (v == null) {
            throw new IllegalArgumentException(n);
          }
          return v;
        });
  }

  @Test
  void arithmeticFollowsUsualPrecedence() {
    assertThat(eval("1 + 2 * 3", Map.of())).isEqualTo(7);
    assertThat(eval("(1 + 2) * 3", Map.of())).isEqualTo(9);
    assertThat(eval("2 ^ 3 ^ 2", Map.of())).isEqualTo(512); // right associative: 2^9
    assertThat(eval("-2 ^ 2", Map.of())).isEqualTo(-4); // unary minus binds looser than ^
    assertThat(eval("10 - 4 - 3", Map.of())).isEqualTo(3); // left associative
    assertThat(eval("7 % 4 + 1.5e1", Map.of())).isEqualTo(18);
  }

  @Test
  void comparisonsAndLogicGiveOneOrZero() {
    Map<String, Double> v = Map.of("fast", 10.0, "slow", 30.0);
    assertThat(eval("fast < slow", v)).isEqualTo(1);
    assertThat(eval("fast >= slow", v)).isEqualTo(0);
    assertThat(eval("fast * 2 < slow && slow <= 30", v)).isEqualTo(1);
    assertThat(eval("fast > 20 || !(slow != 30)", v)).isEqualTo(1);
    assertThat(Expr.parse("fast < slow").names()).containsExactlyInAnyOrder("fast", "slow");
  }

  @Test
  void functionsOfMetrics() {
    Map<String, Double> m = Map.of("sharpe", 1.5, "trades", 16.0, "max_drawdown_pct", 20.0);
    assertThat(eval("sharpe * sqrt(trades) - 0.1 * max_drawdown_pct", m)).isEqualTo(4.0);
    assertThat(eval("max(sharpe, 2) + min(-1, abs(-3)) + log(exp(2))", m)).isEqualTo(3.0);
  }

  @Test
  void nanIsFalseAndPropagates() {
    Map<String, Double> m = Map.of("x", Double.NaN);
    assertThat(Expr.parse("x").test(m::get)).isFalse();
    assertThat(eval("x + 1", m)).isNaN();
    assertThat(Expr.parse("x < 1").test(m::get)).isFalse();
  }

  @Test
  void syntaxErrorsNameThePosition() {
    assertThatThrownBy(() -> Expr.parse("fast < ")).hasMessageContaining("position 8");
    assertThatThrownBy(() -> Expr.parse("(a + b")).hasMessageContaining("expected ')'");
    assertThatThrownBy(() -> Expr.parse("a $ b")).hasMessageContaining("unexpected '$'");
    assertThatThrownBy(() -> Expr.parse("foo(1)")).hasMessageContaining("unknown function 'foo'");
    assertThatThrownBy(() -> Expr.parse("min(1)")).hasMessageContaining("min takes 2");
    assertThatThrownBy(() -> Expr.parse(" ")).hasMessageContaining("empty");
  }
}
