/**
 * Orders as strategies ask for them: {@link io.quantzoo.core.order.OrderRequest} with its type,
 * time in force, quantity mode and attached protective {@link io.quantzoo.core.order.Exits}.
 */
package io.quantzoo.core.order;
