/** QuantZoo cli. */
package io.quantzoo.cli;
