package io.quantzoo.core.walkforward;

import io.quantzoo.core.order.Exits;
import io.quantzoo.core.order.OrderRequest;
import java.util.ArrayList;
import java.util.List;

/** The trading context of the active instance: forwards everything and remembers order ids. */
final class TrackingContext extends ForwardingContext {
  final List<Long> orderIds = new ArrayList<>();

  private long track(long id) {
    if (id >= 0) {
      orderIds.add(id);
    }
    return id;
  }

  @Override
  public long submit(OrderRequest request) {
    return track(delegate.submit(request));
  }

  @Override
  public long enterLong(String tag, Exits exits) {
    return track(delegate.enterLong(tag, exits));
  }

  @Override
  public long enterShort(String tag, Exits exits) {
    return track(delegate.enterShort(tag, exits));
  }

  @Override
  public long exitPosition(String tag) {
    return track(delegate.exitPosition(tag));
  }

  @Override
  public long exitPosition(String symbol, String tag) {
    return track(delegate.exitPosition(symbol, tag));
  }
}
