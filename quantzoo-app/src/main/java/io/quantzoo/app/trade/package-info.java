/**
 * Trading sessions ({@code qz trade}): {@link io.quantzoo.app.trade.TradeService} plans a config as
 * {@code qz run} does, fingerprints the session, runs it through the paper trader of {@code
 * quantzoo-live} on a replayed feed, and imports a finished session into the research database as a
 * run of kind {@code trade} (docs/LIVE.md).
 */
package io.quantzoo.app.trade;
