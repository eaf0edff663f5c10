/**
 * Bars as they arrive: {@link io.quantzoo.core.feed.BarHistory} holds every bar seen so far per
 * symbol (read by bars-ago), and a {@link io.quantzoo.core.feed.BarFeed} delivers the next group of
 * bars that share one open time: {@link io.quantzoo.core.feed.HistoricalBarFeed} from loaded series
 * (the merged multi-symbol clock of backtests, in one place), replay and live feeds as time passes.
 *
 * <p>One bar-time convention everywhere: a bar is stamped with its open time and is closed at its
 * end (the next bar's open; for daily bars, the session close). A feed delivers a bar only once it
 * is closed, so a strategy never sees a bar that is still forming.
 */
package io.quantzoo.core.feed;
