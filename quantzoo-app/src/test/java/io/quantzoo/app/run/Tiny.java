package io.quantzoo.app.run;

import io.quantzoo.app.Plans;
import io.quantzoo.app.config.RunPlan;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** A six-bar buy-and-hold plan with hand-checked results (final equity 10,078). */
final class Tiny {
  private Tiny() {}

  static final String YAML =
      """
      strategy: buy_and_hold
      data: {path: %s}
      instrument: {symbol: TINY, asset_class: equity}
      initial_cash: 10000
      sizing: {type: fixed, quantity: 10}
      execution:
        fill: next_open
        commission: {type: fixed, amount: 1}
      """;

  static RunPlan plan() {
    return plan(resource("tiny.csv"));
  }

  static RunPlan plan(Path data) {
    return Plans.parse(YAML.formatted(data), "tiny.yaml", null, null);
  }

  static Path resource(String name) {
    try {
      return Path.of(Tiny.class.getResource("/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
