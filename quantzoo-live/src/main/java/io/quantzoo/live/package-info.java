/**
 * Live trading, starting with paper trading on a replayed feed (docs/LIVE.md): the machine-wide
 * {@link io.quantzoo.live.TradingDirectory}, one append-only {@link io.quantzoo.live.Journal} per
 * session, the {@link io.quantzoo.live.ReplayFeed}, and the {@link io.quantzoo.live.PaperTrader}
 * that runs the trading core on them and resumes a crashed session from its journal. Depends on the
 * core only; never on the research database.
 */
package io.quantzoo.live;
