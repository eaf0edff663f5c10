package io.quantzoo.live.approval;

import io.quantzoo.core.order.DenialRule;
import io.quantzoo.core.order.OrderRequest;
import io.quantzoo.core.risk.PreTradeRiskGate;
import io.quantzoo.core.risk.RiskDecision;
import io.quantzoo.core.risk.RiskGate;
import io.quantzoo.core.risk.RiskView;
import io.quantzoo.live.audit.AuditEvent;
import io.quantzoo.live.audit.AuditEventType;
import io.quantzoo.live.audit.AuditLog;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Approvals for real-money orders (docs/SAFETY.md, "Approvals"), in front of the pre-trade gate: an
 * order that passed every control is sent only when a session approval covers it (strategy and its
 * source hash, account, instrument, order notional, not expired, granted under the current trading
 * state) or the operator confirms it by typing it back. There is no automatic approval.
 *
 * <p>Orders that close or reduce a position (protective exits, close-position and reduce-only
 * orders) need no approval: an expired approval must never keep a position from being closed.
 */
public final class ApprovalGate implements RiskGate {
  private final RiskGate inner;
  private final ApprovalStore approvals;
  private final String strategy;
  private final String sourceHash;
  private final String account;
  private final LongSupplier stateGeneration;
  private final Clock wallClock;
  private final OrderConfirmation confirmation;
  private final AuditLog audit;

  /**
   * @param inner the pre-trade gate, checked first
   * @param approvals the session approvals
   * @param strategy the strategy's name
   * @param sourceHash its {@link StrategySource#hash}
   * @param account the broker account
   * @param stateGeneration the trading state's generation now
   * @param wallClock expiry is wall-clock time
   * @param confirmation per-order typed confirmation, or null when there is no operator terminal
   * @param audit where per-order approvals and refusals are audited (null: none)
   */
  public ApprovalGate(
      RiskGate inner,
      ApprovalStore approvals,
      String strategy,
      String sourceHash,
      String account,
      LongSupplier stateGeneration,
      Clock wallClock,
      OrderConfirmation confirmation,
      AuditLog audit) {
    this.inner = Objects.requireNonNull(inner, "inner");
    this.approvals = Objects.requireNonNull(approvals, "approvals");
    this.strategy = Objects.requireNonNull(strategy, "strategy");
    this.sourceHash = Objects.requireNonNull(sourceHash, "sourceHash");
    this.account = Objects.requireNonNull(account, "account");
    this.stateGeneration = Objects.requireNonNull(stateGeneration, "stateGeneration");
    this.wallClock = Objects.requireNonNull(wallClock, "wallClock");
    this.confirmation = confirmation;
    this.audit = audit;
  }

  @Override
  public void onBars(RiskView view) {
    inner.onBars(view);
  }

  @Override
  public RiskDecision check(
      OrderRequest request, double estimatedQuantity, boolean protective, RiskView view) {
    RiskDecision d = inner.check(request, estimatedQuantity, protective, view);
    if (!d.allowed()
        || protective
        || PreTradeRiskGate.reduces(request, estimatedQuantity, view.position(request.symbol()))) {
      return d;
    }
    String sym = request.symbol();
    double price =
        Double.isFinite(request.limitPrice())
            ? request.limitPrice()
            : Double.isFinite(request.stopPrice()) ? request.stopPrice() : view.lastPrice(sym);
    double notional = Math.abs(estimatedQuantity) * price * view.instrument(sym).pointValue();
    List<String> why = new ArrayList<>();
    Optional<SessionApproval> a =
        approvals.covering(
            strategy,
            sourceHash,
            account,
            sym,
            notional,
            wallClock.instant(),
            stateGeneration.getAsLong(),
            why);
    if (a.isPresent()) {
      return d;
    }
    if (confirmation != null) {
      String description =
          String.format(
              java.util.Locale.ROOT,
              "%s %s %s %s%s (about %.2f); no session approval: %s",
              request.side(),
              OrderConfirmation.quantityText(estimatedQuantity),
              sym,
              request.type(),
              Double.isFinite(request.limitPrice()) ? " @ " + request.limitPrice() : "",
              notional,
              String.join("; ", why));
      OrderConfirmation.Result r =
          confirmation.confirm(request.side().name(), estimatedQuantity, sym, description);
      audit(r == OrderConfirmation.Result.CONFIRMED, request, estimatedQuantity, r.name());
      if (r == OrderConfirmation.Result.CONFIRMED) {
        return d;
      }
      why.add("typed confirmation: " + r.name().toLowerCase(java.util.Locale.ROOT));
    } else {
      audit(false, request, estimatedQuantity, "no session approval and no terminal to confirm");
    }
    return RiskDecision.deny(
        DenialRule.APPROVAL_REQUIRED, Double.NaN, notional, String.join("; ", why));
  }

  private void audit(boolean granted, OrderRequest r, double qty, String how) {
    if (audit == null) {
      return;
    }
    audit.append(
        AuditEvent.builder(
                granted ? AuditEventType.APPROVAL_GRANTED : AuditEventType.APPROVAL_DENIED)
            .symbol(r.symbol())
            .side(r.side())
            .quantity(qty)
            .orderType(r.type())
            .operator("operator terminal")
            .reason(how)
            .detail("scope", "order")
            .detail("strategy", strategy)
            .detail("source_hash", sourceHash)
            .detail("account", account)
            .build());
  }
}
