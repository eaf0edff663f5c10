package io.quantzoo.live.approval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Per-order approval by typed confirmation: the operator must type the order's side, quantity and
 * symbol (e.g. {@code BUY 10 AAPL}) within the timeout. Anything else, the end of the input or
 * silence refuses the order. There is no "yes to all", and nothing typed before the prompt counts.
 */
public final class OrderConfirmation {

  /** How one confirmation ended. */
  public enum Result {
    /** The operator typed the order back exactly. */
    CONFIRMED,
    /** The operator typed something else. */
    MISMATCH,
    /** Nothing was typed in time. */
    TIMEOUT,
    /** The input ended (no terminal). */
    NO_INPUT
  }

  /** Where typed lines come from. */
  interface LineSource {
    /** Drops what was typed so far. */
    void discardPending();

    /**
     * The next line typed, waiting up to {@code timeout}: null when none came in time.
     *
     * @throws java.io.EOFException when the input ended
     */
    String next(Duration timeout) throws IOException, InterruptedException;
  }

  private final LineSource in;
  private final PrintWriter out;
  private final Duration timeout;

  /**
   * Reads confirmations from {@code in} (a daemon thread reads it line by line).
   *
   * @param in the operator's input
   * @param out where the prompt goes
   * @param timeout how long one confirmation waits
   */
  public OrderConfirmation(BufferedReader in, PrintWriter out, Duration timeout) {
    this(new ReaderSource(in), out, timeout);
  }

  OrderConfirmation(LineSource in, PrintWriter out, Duration timeout) {
    this.in = Objects.requireNonNull(in, "in");
    this.out = Objects.requireNonNull(out, "out");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  /** The text the operator must type for an order, e.g. {@code BUY 10 AAPL}. */
  public static String expected(String side, double quantity, String symbol) {
    return side.toUpperCase(Locale.ROOT) + " " + quantityText(quantity) + " " + symbol;
  }

  static String quantityText(double q) {
    return BigDecimal.valueOf(q).stripTrailingZeros().toPlainString();
  }

  /**
   * Asks for one order.
   *
   * @param side BUY or SELL
   * @param quantity the quantity
   * @param symbol the symbol
   * @param description the order in full (type, prices), shown to the operator
   */
  public Result confirm(String side, double quantity, String symbol, String description) {
    String want = expected(side, quantity, symbol);
    in.discardPending();
    out.printf(
        Locale.ROOT,
        "LIVE ORDER: %s%nType '%s' within %d s to send it (anything else refuses it): ",
        description,
        want,
        timeout.toSeconds());
    out.flush();
    String got;
    try {
      got = in.next(timeout);
    } catch (java.io.EOFException e) {
      out.println();
      out.println("no input to confirm from: order refused");
      out.flush();
      return Result.NO_INPUT;
    } catch (IOException e) {
      return Result.NO_INPUT;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Result.TIMEOUT;
    }
    if (got == null) {
      out.println();
      out.println("no confirmation in time: order refused");
      out.flush();
      return Result.TIMEOUT;
    }
    if (normalize(got).equals(want)) {
      return Result.CONFIRMED;
    }
    out.println("typed '" + got.strip() + "', expected '" + want + "': order refused");
    out.flush();
    return Result.MISMATCH;
  }

  private static String normalize(String s) {
    String[] parts = s.strip().split("\\s+");
    if (parts.length != 3) {
      return s.strip();
    }
    return parts[0].toUpperCase(Locale.ROOT) + " " + parts[1] + " " + parts[2];
  }

  /** Lines of a reader, read by a daemon thread so that a wait can time out. */
  private static final class ReaderSource implements LineSource {
    private static final String EOF = "\u0000eof";
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private volatile boolean ended;

    ReaderSource(BufferedReader reader) {
      Thread t =
          new Thread(
              () -> {
                try {
                  String l;
                  while ((l = reader.readLine()) != null) {
                    lines.add(l);
                  }
                } catch (IOException e) {
                  // the end of the input
                }
                ended = true;
                lines.add(EOF);
              },
              "qz-order-confirmation");
      t.setDaemon(true);
      t.start();
    }

    @Override
    public void discardPending() {
      lines.clear();
      if (ended) {
        lines.add(EOF);
      }
    }

    @Override
    public String next(Duration timeout) throws IOException, InterruptedException {
      String l = lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (EOF.equals(l)) {
        lines.add(EOF);
        throw new java.io.EOFException();
      }
      return l;
    }
  }
}
