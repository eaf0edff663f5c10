package io.quantzoo.core.order;

/** The rule of our own that refused an order before it reached a venue. */
public enum DenialRule {
  /** The sizing model gave no positive quantity (e.g. too little equity for one lot). */
  SIZE_ZERO,
  /** An ATR-based exit was asked for before enough bars existed to measure the ATR. */
  ATR_UNAVAILABLE,
  /** A reduce-only order would not reduce the position. */
  NOT_REDUCING,
  /** The risk gate refused it (the rule and values are in the detail). */
  RISK_GATE
}
