/** QuantZoo report. */
package io.quantzoo.report;
