package io.quantzoo.live.approval;

import io.quantzoo.core.sweep.Json;
import io.quantzoo.live.AtomicFiles;
import io.quantzoo.live.TradingDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Session approvals, one durable file each in {@code <trading dir>/approvals/}. Granting and ending
 * are the caller's to audit. An unreadable approval file is never taken as an approval: it is
 * reported by {@link #list()} as a problem and covers nothing.
 */
public final class ApprovalStore {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path dir;

  /** The approvals of {@code tradingDir}. */
  public ApprovalStore(TradingDirectory tradingDir) {
    this.dir = tradingDir.root().resolve("approvals");
  }

  /** Where approvals are kept. */
  public Path directory() {
    return dir;
  }

  /** A fresh approval id, e.g. {@code apr-20261202T170500Z-3fa1}. */
  public static String newId(Instant now) {
    String t =
        now.toString()
            .replace("-", "")
            .replace(":", "")
            .replaceAll("\\.\\d+", "")
            .toLowerCase(Locale.ROOT);
    return "apr-" + t + "-" + HexFormat.of().toHexDigits((short) RANDOM.nextInt(1 << 16));
  }

  /** Stores a granted approval durably. */
  public SessionApproval grant(SessionApproval a) {
    if (!a.id().matches("[A-Za-z0-9-]+")) {
      throw new IllegalArgumentException("bad approval id '" + a.id() + "'");
    }
    Path f = dir.resolve(a.id() + ".json");
    if (Files.exists(f)) {
      throw new IllegalStateException("approval " + a.id() + " exists");
    }
    write(a);
    return a;
  }

  /**
   * Ends an approval early.
   *
   * @return the ended approval, or empty when there is no such approval
   */
  public Optional<SessionApproval> end(String id, Instant at, String operator) {
    Optional<SessionApproval> a = get(id);
    if (a.isEmpty() || a.get().endedAt() != null) {
      return a;
    }
    SessionApproval e = a.get().ended(at, operator);
    write(e);
    return Optional.of(e);
  }

  /** One approval by id. */
  public Optional<SessionApproval> get(String id) {
    Path f = dir.resolve(id + ".json");
    if (!id.matches("[A-Za-z0-9-]+") || !Files.isRegularFile(f)) {
      return Optional.empty();
    }
    return Optional.of(read(f));
  }

  /** Every approval, oldest first. */
  public List<SessionApproval> list() {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<SessionApproval> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path f : s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
        out.add(read(f));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    return out;
  }

  /**
   * The first approval that covers the order, or the reasons none does.
   *
   * @return the covering approval, or empty with every candidate's reason added to {@code why}
   */
  public Optional<SessionApproval> covering(
      String strategy,
      String sourceHash,
      String account,
      String symbol,
      double orderNotional,
      Instant now,
      long generation,
      List<String> why) {
    for (SessionApproval a : list()) {
      String no = a.whyNot(strategy, sourceHash, account, symbol, orderNotional, now, generation);
      if (no == null) {
        return Optional.of(a);
      }
      why.add(no);
    }
    if (why.isEmpty()) {
      why.add("no session approval exists: qz approve session ...");
    }
    return Optional.empty();
  }

  private void write(SessionApproval a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", a.id());
    m.put("strategy", a.strategy());
    m.put("source_hash", a.sourceHash());
    m.put("account", a.account());
    m.put("instruments", String.join(",", a.instruments()));
    m.put("max_order_notional", a.maxOrderNotional());
    m.put("granted_at", a.grantedAt().toString());
    m.put("expires_at", a.expiresAt().toString());
    m.put("operator", a.operator());
    m.put("reason", a.reason());
    m.put("state_generation", a.stateGeneration());
    m.put("ended_at", a.endedAt() == null ? null : a.endedAt().toString());
    m.put("ended_by", a.endedBy());
    try {
      AtomicFiles.write(
          dir.resolve(a.id() + ".json"), (Json.object(m) + "\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write approval " + a.id() + " in " + dir, e);
    }
  }

  private static SessionApproval read(Path f) {
    try {
      Map<String, Object> m = Json.parseObject(Files.readString(f, StandardCharsets.UTF_8));
      String ended = (String) m.get("ended_at");
      String instruments = (String) m.get("instruments");
      return new SessionApproval(
          (String) m.get("id"),
          (String) m.get("strategy"),
          (String) m.get("source_hash"),
          (String) m.get("account"),
          instruments.isEmpty() ? List.of() : Arrays.asList(instruments.split(",")),
          ((Number) m.get("max_order_notional")).doubleValue(),
          Instant.parse((String) m.get("granted_at")),
          Instant.parse((String) m.get("expires_at")),
          (String) m.get("operator"),
          (String) m.get("reason"),
          ((Number) m.get("state_generation")).longValue(),
          ended == null ? null : Instant.parse(ended),
          (String) m.get("ended_by"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read approval " + f, e);
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "approval file "
              + f
              + " is damaged ("
              + e.getMessage()
              + "); it covers nothing: remove it and grant a new approval",
          e);
    }
  }
}
