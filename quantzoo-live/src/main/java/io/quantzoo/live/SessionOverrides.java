package io.quantzoo.live;

import io.quantzoo.core.order.DenialRule;
import io.quantzoo.core.order.OrderRequest;
import io.quantzoo.core.risk.RiskOverride;
import io.quantzoo.core.risk.RiskOverrides;
import io.quantzoo.core.sweep.Json;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A session's overrides: live, an override used from the {@link OverrideStore} is journaled as an
 * input record right where it was used; replaying, the journaled use comes back at the same order,
 * so a resumed session decides exactly as the original run did.
 */
final class SessionOverrides implements RiskOverrides {
  static final String OVERRIDE = "override";

  private final OverrideStore store;
  private final String session;
  private final Clock clock;
  private Journal journal;
  private long n;

  SessionOverrides(OverrideStore store, String session, Clock clock) {
    this.store = store;
    this.session = Objects.requireNonNull(session, "session");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  void attach(Journal journal) {
    this.journal = journal;
  }

  void atBar(long n) {
    this.n = n;
  }

  @Override
  public Optional<RiskOverride> consume(DenialRule rule, OrderRequest request) {
    if (journal == null) {
      return Optional.empty();
    }
    if (journal.verifying()) {
      String in =
          journal.pollInput(
              l -> l.contains("\"what\":\"" + OVERRIDE + "\"") && l.contains(rule.name()));
      if (in == null) {
        return Optional.empty();
      }
      Map<String, Object> m = Json.parseObject(in);
      return Optional.of(
          new RiskOverride(
              DenialRule.valueOf((String) m.get("rule")),
              (String) m.get("sym"),
              (String) m.get("tag"),
              (String) m.get("operator"),
              (String) m.get("reason")));
    }
    if (store == null) {
      return Optional.empty();
    }
    Optional<RiskOverride> o = store.consume(rule, request, session, clock.instant());
    if (o.isPresent()) {
      Map<String, Object> m = JournalRecords.head(JournalRecords.CONTROL);
      m.put("n", n);
      m.put("what", OVERRIDE);
      m.put("rule", o.get().rule().name());
      m.put("sym", o.get().symbol());
      m.put("tag", o.get().tag());
      m.put("operator", o.get().operator());
      m.put("reason", o.get().reason());
      journal.recordInput(Json.object(m));
    }
    return o;
  }
}
