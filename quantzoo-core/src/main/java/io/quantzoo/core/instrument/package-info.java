/**
 * Contract specifications ({@link io.quantzoo.core.instrument.Instrument}: tick size, point value,
 * lot step, sessions) and the built-in {@link io.quantzoo.core.instrument.InstrumentCatalog}.
 */
package io.quantzoo.core.instrument;
