/** QuantZoo core. */
package io.quantzoo.core;
