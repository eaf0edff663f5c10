package io.quantzoo.live;

import io.quantzoo.core.order.DenialRule;
import io.quantzoo.core.order.OrderRequest;
import io.quantzoo.core.risk.RiskOverride;
import io.quantzoo.core.sweep.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Operators' one-shot limit overrides, one durable file each in {@code <trading dir>/overrides/}
 * (docs/SAFETY.md, "Operator overrides"). An override lifts one rule for the next order of one
 * symbol and tag that the rule would deny, on any trader of the machine, once; it is then marked
 * used (by which session, when). Granting is audited by the command, using by the trader.
 */
public final class OverrideStore {
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * One override as stored.
   *
   * @param id its id
   * @param override what it lifts, for which order, by whom, why
   * @param grantedAt when it was granted
   * @param usedBy the session that used it, or null while unused
   * @param usedAt when, or null
   */
  public record Entry(
      String id, RiskOverride override, Instant grantedAt, String usedBy, Instant usedAt) {}

  private final Path dir;

  /** The overrides of {@code tradingDir}. */
  public OverrideStore(TradingDirectory tradingDir) {
    this.dir = tradingDir.root().resolve("overrides");
  }

  /** Grants an override (durably) and returns its entry. */
  public Entry grant(RiskOverride o, Instant now) {
    String id =
        "ovr-"
            + now.toString().replaceAll("[^0-9]", "").substring(0, 14)
            + "-"
            + HexFormat.of().toHexDigits((short) RANDOM.nextInt(1 << 16));
    Entry e = new Entry(id, o, now, null, null);
    write(e);
    return e;
  }

  /** Every override, oldest first. */
  public List<Entry> list() {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<Entry> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path f : s.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        out.add(read(f));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    return out;
  }

  /**
   * Uses the oldest unused override that lifts {@code rule} for {@code request}, for {@code
   * session}: marked used durably before it is returned; under an OS lock, so two traders never use
   * one override.
   */
  public Optional<RiskOverride> consume(
      DenialRule rule, OrderRequest request, String session, Instant now) {
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    try (FileChannel ch =
            FileChannel.open(
                dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock l = ch.lock()) {
      for (Entry e : list()) {
        if (e.usedBy() == null && e.override().matches(rule, request)) {
          write(new Entry(e.id(), e.override(), e.grantedAt(), session, now));
          return Optional.of(e.override());
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot use the overrides in " + dir, e);
    }
  }

  private void write(Entry e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", e.id());
    m.put("rule", e.override().rule().name());
    m.put("symbol", e.override().symbol());
    m.put("tag", e.override().tag());
    m.put("operator", e.override().operator());
    m.put("reason", e.override().reason());
    m.put("granted_at", e.grantedAt().toString());
    m.put("used_by", e.usedBy());
    m.put("used_at", e.usedAt() == null ? null : e.usedAt().toString());
    try {
      AtomicFiles.write(
          dir.resolve(e.id() + ".json"), (Json.object(m) + "\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException x) {
      throw new UncheckedIOException("cannot write override " + e.id() + " in " + dir, x);
    }
  }

  private static Entry read(Path f) {
    try {
      Map<String, Object> m = Json.parseObject(Files.readString(f, StandardCharsets.UTF_8));
      String usedAt = (String) m.get("used_at");
      return new Entry(
          (String) m.get("id"),
          new RiskOverride(
              DenialRule.valueOf((String) m.get("rule")),
              (String) m.get("symbol"),
              (String) m.get("tag"),
              (String) m.get("operator"),
              (String) m.get("reason")),
          Instant.parse((String) m.get("granted_at")),
          (String) m.get("used_by"),
          usedAt == null ? null : Instant.parse(usedAt));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read override " + f, e);
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "override file " + f + " is damaged (" + e.getMessage() + "); remove it", e);
    }
  }
}
