/**
 * Portfolios: several strategy × symbol sleeves in one account with shared cash on one merged
 * clock. {@link io.quantzoo.core.portfolio.PortfolioEngine} runs each sleeve through the ordinary
 * {@link io.quantzoo.core.engine.BacktestEngine} and mirrors its fills, scaled, into the portfolio
 * account; {@link io.quantzoo.core.portfolio.Allocator} sets the weights from a rolling {@link
 * io.quantzoo.core.portfolio.Covariance} estimate; {@link
 * io.quantzoo.core.portfolio.RebalanceSchedule} says when. Semantics and formulas: {@code
 * docs/PORTFOLIOS.md}.
 */
package io.quantzoo.core.portfolio;
