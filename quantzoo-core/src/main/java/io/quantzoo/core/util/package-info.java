/** Small shared types of the core, such as {@link io.quantzoo.core.util.ConfigException}. */
package io.quantzoo.core.util;
