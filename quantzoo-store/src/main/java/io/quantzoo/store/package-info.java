/** QuantZoo store. */
package io.quantzoo.store;
