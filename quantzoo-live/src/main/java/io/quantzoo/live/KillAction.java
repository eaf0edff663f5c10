package io.quantzoo.live;

/**
 * What a session did when it acted on a HALTED trading state: the kill switch's cancel of every
 * working order and, when asked, the closing of every position.
 *
 * @param generation the trading state's generation it acted on
 * @param canceled working orders whose cancel was requested
 * @param closing closing orders submitted (one per open position)
 */
public record KillAction(long generation, int canceled, int closing) {}
