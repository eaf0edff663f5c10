package io.quantzoo.live.approval;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An operator's approval of one live trading session: this strategy, with this source, on this
 * account, these instruments, orders up to this notional, until this time. It also ends at any
 * change of the trading state (the kill switch): it is bound to the state's generation at the time
 * it was granted.
 *
 * @param id the approval's id
 * @param strategy the strategy's name
 * @param sourceHash the SHA-256 of the strategy's code (hex), see {@link StrategySource}
 * @param account the broker account
 * @param instruments the symbols it may trade
 * @param maxOrderNotional the largest order value it covers (account currency)
 * @param grantedAt when it was granted
 * @param expiresAt when it ends
 * @param operator who granted it
 * @param reason why
 * @param stateGeneration the trading state's generation when it was granted
 * @param endedAt when it was ended early (revoked), or null
 * @param endedBy who ended it, or null
 */
public record SessionApproval(
    String id,
    String strategy,
    String sourceHash,
    String account,
    List<String> instruments,
    double maxOrderNotional,
    Instant grantedAt,
    Instant expiresAt,
    String operator,
    String reason,
    long stateGeneration,
    Instant endedAt,
    String endedBy) {
  public SessionApproval {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(sourceHash, "sourceHash");
    Objects.requireNonNull(account, "account");
    instruments = List.copyOf(instruments);
    Objects.requireNonNull(grantedAt, "grantedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(reason, "reason");
    if (!(maxOrderNotional > 0)) {
      throw new IllegalArgumentException("max order notional must be > 0, was " + maxOrderNotional);
    }
    if (!expiresAt.isAfter(grantedAt)) {
      throw new IllegalArgumentException("an approval must expire after it is granted");
    }
    if (operator.isBlank() || reason.isBlank()) {
      throw new IllegalArgumentException("an approval names its operator and reason");
    }
  }

  /** This approval ended by {@code by} at {@code at}. */
  public SessionApproval ended(Instant at, String by) {
    return new SessionApproval(
        id,
        strategy,
        sourceHash,
        account,
        instruments,
        maxOrderNotional,
        grantedAt,
        expiresAt,
        operator,
        reason,
        stateGeneration,
        at,
        by);
  }

  /**
   * Why this approval does not cover an order, or null when it does.
   *
   * @param now the time
   * @param generation the trading state's generation now
   */
  public String whyNot(
      String strategy,
      String sourceHash,
      String account,
      String symbol,
      double orderNotional,
      Instant now,
      long generation) {
    if (endedAt != null) {
      return "approval " + id + " was ended by " + endedBy + " at " + endedAt;
    }
    if (!now.isBefore(expiresAt)) {
      return "approval " + id + " expired at " + expiresAt;
    }
    if (generation != stateGeneration) {
      return "approval " + id + " ended when the trading state changed after it was granted";
    }
    if (!this.strategy.equals(strategy)) {
      return "approval " + id + " is for strategy " + this.strategy + ", not " + strategy;
    }
    if (!this.sourceHash.equals(sourceHash)) {
      return "approval "
          + id
          + " is for source "
          + abbreviate(this.sourceHash)
          + ", the running strategy's source is "
          + abbreviate(sourceHash)
          + " (the code changed since it was approved)";
    }
    if (!this.account.equals(account)) {
      return "approval " + id + " is for account " + this.account + ", not " + account;
    }
    if (!instruments.contains(symbol)) {
      return "approval " + id + " does not cover " + symbol + " (only " + instruments + ")";
    }
    if (orderNotional > maxOrderNotional) {
      return String.format(
          java.util.Locale.ROOT,
          "order value %.2f exceeds approval %s's max order notional %.2f",
          orderNotional,
          id,
          maxOrderNotional);
    }
    return null;
  }

  private static String abbreviate(String hash) {
    return hash.length() > 12 ? hash.substring(0, 12) : hash;
  }
}
