/** QuantZoo bench. */
package io.quantzoo.bench;
