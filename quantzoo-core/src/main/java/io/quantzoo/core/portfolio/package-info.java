/**
 * Portfolios: several strategy × symbol sleeves in one account with shared cash on one merged
 * clock. {@link io.quantzoo.core.portfolio.PortfolioEngine} runs each sleeve as an ordinary
 * backtest and mirrors its fills, scaled, into the portfolio account, one {@link
 * io.quantzoo.core.ledger.Ledger} per sleeve; {@link io.quantzoo.core.portfolio.Allocator} sets the
 * weights from a rolling {@link io.quantzoo.core.portfolio.Covariance} estimate; {@link
 * io.quantzoo.core.portfolio.RebalanceSchedule} says when. Semantics and formulas: {@code
 * docs/PORTFOLIOS.md}.
 */
package io.quantzoo.core.portfolio;
