/**
 * What a run executed: every {@link io.quantzoo.core.ledger.Fill} and every closed {@link
 * io.quantzoo.core.ledger.Trade} with its costs and excursions.
 */
package io.quantzoo.core.ledger;
