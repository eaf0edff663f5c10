/**
 * Stored runs: {@link io.quantzoo.app.run.RunLifecycle} (start, body, complete or fail: the one
 * place a run is started in the store), and the services built on it, {@link
 * io.quantzoo.app.run.RunService} (one backtest) and {@link io.quantzoo.app.run.PortfolioService}
 * (a portfolio of sleeves). A service for another kind of run (a trading session) belongs here or
 * in a sibling package, and starts its runs through the same lifecycle.
 */
package io.quantzoo.app.run;
