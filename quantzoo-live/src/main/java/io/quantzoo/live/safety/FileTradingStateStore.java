package io.quantzoo.live.safety;

import io.quantzoo.core.risk.TradingState;
import io.quantzoo.core.sweep.Json;
import io.quantzoo.live.TradingDirectory;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The trading state of one machine, kept in the trading directory (docs/SAFETY.md):
 *
 * <pre>
 * &lt;trading dir&gt;/safety/
 *   state.json   the state: one JSON object, replaced atomically (write a temporary file, fsync,
 *                rename, fsync the directory); carries its generation
 *   created      written once, when the store is created: from then on a missing state.json is
 *                detected (HALTED) instead of starting afresh
 *   generation   8 bytes, a little-endian long, memory-mapped by every process: the generation of
 *                the latest write, bumped after the state is durable
 *   lock         locked (an OS file lock) by a writer, so two writers never interleave
 * </pre>
 *
 * <p><b>Cheap reads.</b> {@link #current} compares the mapped generation with the one it last read
 * and reads {@code state.json} only when it changed, so a change made by any process is seen by
 * every other on its next read, without a file read per order. At most once a second a read also
 * checks the files' identity (two {@code stat} calls), so a change that bypassed the counter (a
 * hand edit, a deleted file) is noticed within a second.
 *
 * <p><b>Fail closed.</b> A {@code state.json} that is corrupt, unreadable, or missing after
 * creation reads as HALTED with a {@link StateFailure} that names the file and the recovery. A
 * brand-new store (no {@code created}) starts ACTIVE with cause {@link StateCause#INITIAL};
 * removing the whole {@code safety/} directory therefore starts afresh, like a new machine.
 *
 * <p>Thread-safe. Holds no open file: nothing to close (the mapping goes with the object).
 */
public final class FileTradingStateStore implements TradingStateStore {
  /** The store's directory in the trading directory. */
  public static final String DIR = "safety";

  /** The state file's name. */
  public static final String STATE = "state.json";

  /** The creation marker's name. */
  public static final String CREATED = "created";

  /** The generation counter's name. */
  public static final String GENERATION = "generation";

  /** The writers' lock file's name. */
  public static final String LOCK = "lock";

  static final int FORMAT = 1;
  private static final int MAX_BYTES = 64 * 1024;
  private static final Duration REVALIDATE = Duration.ofSeconds(1);

  /** What an operator does about a state that cannot be read. */
  static final String RECOVER =
      "check `qz kill-switch status`, then write a fresh state with `qz kill-switch deactivate"
          + " --reason R --operator O` (or `qz kill-switch activate --reason R --operator O` to"
          + " stay halted)";

  private static final VarHandle LONG =
      MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /**
   * One writer lock per lock file in this JVM: the OS lock is per process, and POSIX drops a
   * process's lock when it closes any descriptor of the file, so this JVM opens the lock file only
   * while it holds this lock.
   */
  private static final Map<Path, ReentrantLock> WRITERS = new ConcurrentHashMap<>();

  private final Path dir;
  private final Path stateFile;
  private final Path createdFile;
  private final Path generationFile;
  private final Path lockFile;
  private final Clock clock;
  private final long revalidateNanos;
  private final List<StateChangeListener> listeners = new CopyOnWriteArrayList<>();
  private final AtomicLong stateFileReads = new AtomicLong();
  private volatile Mapping mapping;
  private volatile Cached cached;

  private record Mapping(ByteBuffer buf, Object fileKey, boolean writable) {}

  private record FileSig(Object fileKey, long size, FileTime modified) {}

  private record Cached(long generation, SafetyState state, long checkedAt, FileSig sig) {}

  private FileTradingStateStore(Path dir, Clock clock, Duration revalidate) {
    this.dir = dir;
    this.stateFile = dir.resolve(STATE);
    this.createdFile = dir.resolve(CREATED);
    this.generationFile = dir.resolve(GENERATION);
    this.lockFile = dir.resolve(LOCK);
    this.clock = clock;
    this.revalidateNanos = revalidate.toNanos();
  }

  /**
   * The store of {@code tradingDir} on the system clock; see {@link #open(TradingDirectory,
   * Clock)}.
   */
  public static FileTradingStateStore open(TradingDirectory tradingDir) {
    return open(tradingDir, Clock.systemUTC());
  }

  /**
   * The store of {@code tradingDir}, created (ACTIVE, cause INITIAL) if it was never created. The
   * state itself is not checked here: a corrupt or missing state reads as HALTED.
   *
   * @param clock for {@code changedAt} and whether a daily-loss halt is still in force
   * @throws UncheckedIOException if the store's directory or generation counter cannot be set up
   *     (the message names the path and what to do)
   */
  public static FileTradingStateStore open(TradingDirectory tradingDir, Clock clock) {
    return open(tradingDir, clock, REVALIDATE);
  }

  static FileTradingStateStore open(TradingDirectory tradingDir, Clock clock, Duration revalidate) {
    FileTradingStateStore s =
        new FileTradingStateStore(tradingDir.root().resolve(DIR), clock, revalidate);
    try {
      s.setUp();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot set up the trading state in "
              + s.dir
              + " ("
              + problem(e)
              + "): the traders' user must be able to create and write files there",
          e);
    }
    return s;
  }

  private void setUp() throws IOException {
    if (!Files.isRegularFile(createdFile) || !Files.isRegularFile(generationFile)) {
      Files.createDirectories(dir);
      locked(() -> {
        if (!Files.exists(createdFile)) {
          create();
        } else {
          remap(true);
        }
        return null;
      });
    } else {
      remap(false);
    }
    Mapping m = mapping;
    long g = gen(m);
    cached = new Cached(g, readFresh(), System.nanoTime(), sig());
  }

  /** Under the writer lock: the first state (unless a crash left one) and the creation record. */
  private void create() throws IOException {
    Instant createdAt = clock.instant();
    Mapping g = remap(true); // the counter first: other processes may map it from now on
    if (Files.exists(stateFile)) { // a creation cut short after the state was written
      SafetyState s = readFresh();
      if (s.createdAt() != null) {
        createdAt = s.createdAt();
      }
    } else {
      long next = gen(g) + 1;
      SafetyState initial =
          new SafetyState(
              TradingState.ACTIVE,
              StateCause.INITIAL,
              "system",
              "trading state created",
              createdAt,
              next,
              null,
              createdAt,
              null,
              false);
      writeAtomically(stateFile, toJson(initial));
      bump(g, next);
    }
    recordCreation(createdAt);
  }

  private void recordCreation(Instant createdAt) throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", FORMAT);
    m.put("createdAt", createdAt.toString());
    m.put("pid", ProcessHandle.current().pid());
    writeAtomically(createdFile, (Json.object(m) + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /** The directory the store keeps its files in ({@code <trading dir>/safety}). */
  public Path directory() {
    return dir;
  }

  /** The state file ({@code <trading dir>/safety/state.json}). */
  public Path stateFile() {
    return stateFile;
  }

  @Override
  public String location() {
    return stateFile.toString();
  }

  @Override
  public SafetyState current() {
    Cached c = cached;
    if (gen(mapping) == c.generation() && System.nanoTime() - c.checkedAt() < revalidateNanos) {
      return c.state();
    }
    return refresh();
  }

  private synchronized SafetyState refresh() {
    Cached c = cached;
    long now = System.nanoTime();
    if (gen(mapping) == c.generation()) {
      if (now - c.checkedAt() < revalidateNanos) {
        return c.state(); // another thread just refreshed
      }
      if (!c.state().failed() && sameFiles(c.sig())) {
        cached = new Cached(c.generation(), c.state(), now, c.sig());
        return c.state();
      }
    }
    try {
      remap(false);
    } catch (IOException e) {
      SafetyState failed = generationFailure(e, c.generation());
      cached = new Cached(c.generation(), failed, now, null);
      return failed;
    }
    long g = gen(mapping);
    FileSig sig = sig();
    SafetyState s = readFresh();
    cached = new Cached(g, s, now, sig);
    return s;
  }

  private boolean sameFiles(FileSig sig) {
    try {
      Object key = Files.readAttributes(generationFile, BasicFileAttributes.class).fileKey();
      return Objects.equals(key, mapping.fileKey()) && Objects.equals(sig, sig());
    } catch (IOException e) {
      return false;
    }
  }

  private FileSig sig() {
    try {
      BasicFileAttributes a = Files.readAttributes(stateFile, BasicFileAttributes.class);
      return new FileSig(a.fileKey(), a.size(), a.lastModifiedTime());
    } catch (IOException e) {
      return null;
    }
  }

  @Override
  public SafetyState read() {
    return readFresh();
  }

  @Override
  public long generation() {
    return gen(mapping);
  }

  /** How often this store has read {@code state.json} (for the test that cheap reads do not). */
  long stateFileReads() {
    return stateFileReads.get();
  }

  @Override
  public SafetyState activate(String operator, String reason, boolean closePositions) {
    return operatorChange(TradingState.HALTED, operator, reason, false, closePositions);
  }

  @Override
  public SafetyState reduce(String operator, String reason, boolean overrideLossHalt) {
    return operatorChange(TradingState.REDUCING, operator, reason, overrideLossHalt, false);
  }

  @Override
  public SafetyState deactivate(String operator, String reason, boolean overrideLossHalt) {
    return operatorChange(TradingState.ACTIVE, operator, reason, overrideLossHalt, false);
  }

  private SafetyState operatorChange(
      TradingState to,
      String operator,
      String reason,
      boolean overrideLossHalt,
      boolean closePositions) {
    return write((cur, next) -> {
      Instant now = clock.instant();
      Instant createdAt = cur.createdAt() != null ? cur.createdAt() : createdAt().orElse(now);
      return Optional.of(
          StateRules.operator(
              cur, to, operator, reason, overrideLossHalt, closePositions, now, next, createdAt));
    });
  }

  @Override
  public SafetyState escalate(
      TradingState to, StateCause cause, String control, String reason, Instant lossHaltUntil) {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(cause, "cause");
    return write((cur, next) ->
        StateRules.escalate(cur, to, cause, control, reason, lossHaltUntil, clock.instant(), next));
  }

  @Override
  public void addListener(StateChangeListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  private interface Change {
    Optional<SafetyState> apply(SafetyState current, long nextGeneration);
  }

  /** Read, change and write under the writer lock; then tell the listeners. */
  private SafetyState write(Change change) {
    SafetyState[] beforeAfter = new SafetyState[2];
    try {
      locked(() -> {
        Files.createDirectories(dir);
        SafetyState before = readFresh();
        Mapping m = remap(true);
        long next = Math.max(gen(m), before.generation()) + 1;
        Optional<SafetyState> after = change.apply(before, next);
        beforeAfter[0] = before;
        if (after.isEmpty()) {
          return null;
        }
        SafetyState a = after.get();
        // A stricter state is published as soon as the new file is in place, before the rename is
        // forced to disk: a reader that sees it early only stops earlier. Anything else is
        // published once durable, so no process ever acts on a lower state that a crash could undo.
        boolean stricter = !before.failed() && a.state().compareTo(before.state()) > 0;
        writeAtomically(stateFile, toJson(a), stricter ? () -> bump(m, next) : () -> {});
        if (!Files.exists(createdFile)) { // the creation record went missing: record it again
          recordCreation(a.createdAt());
        }
        if (!stricter) {
          bump(m, next);
        }
        cached = new Cached(next, a, System.nanoTime(), sig());
        beforeAfter[1] = a;
        return null;
      });
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the trading state "
              + stateFile
              + " ("
              + problem(e)
              + "); nothing was changed. The traders' user must be able to write "
              + dir
              + " and its files",
          e);
    }
    if (beforeAfter[1] == null) {
      return beforeAfter[0];
    }
    RuntimeException first = null;
    for (StateChangeListener l : listeners) {
      try {
        l.changed(beforeAfter[0], beforeAfter[1]);
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
    return beforeAfter[1];
  }

  private interface IoAction<T> {
    T run() throws IOException;
  }

  private <T> T locked(IoAction<T> action) throws IOException {
    ReentrantLock jvm = WRITERS.computeIfAbsent(lockFile, k -> new ReentrantLock());
    jvm.lock();
    try (FileChannel ch =
        FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      FileLock l = ch.lock();
      try {
        return action.run();
      } finally {
        l.release();
      }
    } finally {
      jvm.unlock();
    }
  }

  /**
   * The mapping of the generation file, mapped again when the file was replaced; with {@code
   * forWrite} (under the writer lock) created when missing and mapped writable.
   */
  private synchronized Mapping remap(boolean forWrite) throws IOException {
    if (forWrite && !Files.exists(generationFile)) {
      writeGeneration(mapping == null ? 0 : gen(mapping));
    }
    Object key = Files.readAttributes(generationFile, BasicFileAttributes.class).fileKey();
    Mapping m = mapping;
    if (m != null && key != null && key.equals(m.fileKey()) && (!forWrite || m.writable())) {
      return m;
    }
    FileChannel ch;
    boolean writable = true;
    try {
      ch = FileChannel.open(generationFile, StandardOpenOption.READ, StandardOpenOption.WRITE);
    } catch (AccessDeniedException e) {
      if (forWrite) {
        throw e;
      }
      ch = FileChannel.open(generationFile, StandardOpenOption.READ);
      writable = false;
    }
    try (FileChannel c = ch) {
      if (c.size() < Long.BYTES) {
        if (!writable) {
          throw new IOException(generationFile + " is shorter than 8 bytes");
        }
        c.write(ByteBuffer.allocate(Long.BYTES), 0);
        c.force(true);
      }
      ByteBuffer buf =
          c.map(
              writable ? FileChannel.MapMode.READ_WRITE : FileChannel.MapMode.READ_ONLY,
              0,
              Long.BYTES);
      m = new Mapping(buf, key, writable);
    }
    mapping = m;
    return m;
  }

  /**
   * Publishes {@code g} to every process. Not forced to disk: the counter only signals a change
   * (the state file carries its own generation, and a write takes the larger of the two), and a
   * process that starts reads the state file anyway.
   */
  private static void bump(Mapping m, long g) {
    LONG.setRelease(m.buf(), 0, g);
  }

  private static long gen(Mapping m) {
    return (long) LONG.getAcquire(m.buf(), 0);
  }

  private void writeGeneration(long g) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(Long.BYTES).order(ByteOrder.LITTLE_ENDIAN).putLong(0, g);
    writeAtomically(generationFile, b.array());
  }

  private void writeAtomically(Path target, byte[] bytes) throws IOException {
    writeAtomically(target, bytes, () -> {});
  }

  /** Write a temporary file, fsync it, rename it over {@code target}, then fsync the directory. */
  private void writeAtomically(Path target, byte[] bytes, Runnable afterRename) throws IOException {
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    try (FileChannel ch =
        FileChannel.open(
            tmp,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer b = ByteBuffer.wrap(bytes);
      while (b.hasRemaining()) {
        ch.write(b);
      }
      ch.force(true);
    }
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    afterRename.run();
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true); // the rename itself is durable
    } catch (IOException e) {
      if (File.separatorChar != '\\') { // Windows cannot open a directory; elsewhere it is an error
        throw e;
      }
    }
  }

  // --- reading and the fail-closed messages ---

  private SafetyState readFresh() {
    stateFileReads.incrementAndGet();
    Instant now = clock.instant();
    Mapping m = mapping;
    long g = m == null ? 0 : gen(m);
    byte[] bytes;
    try {
      if (Files.size(stateFile) > MAX_BYTES) {
        return corrupt("larger than " + MAX_BYTES + " bytes", g, now);
      }
      bytes = Files.readAllBytes(stateFile);
    } catch (NoSuchFileException e) {
      Optional<Instant> created = createdAt();
      String msg =
          Files.exists(createdFile)
              ? "the trading state file "
                  + stateFile
                  + " is missing, although the state was created"
                  + created.map(t -> " at " + t).orElse("")
                  + " ("
                  + createdFile
                  + "): trading is HALTED. To recover, "
                  + RECOVER
              : "the trading state file "
                  + stateFile
                  + " and its creation record "
                  + createdFile
                  + " are missing (removed while in use): trading is HALTED. To recover, "
                  + RECOVER;
      return SafetyState.failClosed(
          new StateFailure(StateFailure.Kind.MISSING, msg), g, created.orElse(null), now);
    } catch (IOException e) {
      String msg =
          "the trading state file "
              + stateFile
              + " cannot be read ("
              + problem(e)
              + "): trading is HALTED. Give the traders' user read and write access to "
              + dir
              + " and its files (the state counts again as soon as it can be read), or "
              + RECOVER;
      return SafetyState.failClosed(
          new StateFailure(StateFailure.Kind.UNREADABLE, msg), g, createdAt().orElse(null), now);
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      return corrupt("not UTF-8 text", g, now);
    }
    try {
      return parse(text);
    } catch (IllegalArgumentException | IndexOutOfBoundsException | DateTimeParseException e) {
      return corrupt(e.getMessage(), g, now);
    }
  }

  private SafetyState corrupt(String problem, long g, Instant now) {
    String msg =
        "the trading state file "
            + stateFile
            + " is corrupt ("
            + problem
            + "): trading is HALTED. To recover, "
            + RECOVER;
    return SafetyState.failClosed(
        new StateFailure(StateFailure.Kind.CORRUPT, msg), g, createdAt().orElse(null), now);
  }

  private SafetyState generationFailure(IOException e, long g) {
    String msg =
        "the trading state's generation counter "
            + generationFile
            + " cannot be read ("
            + problem(e)
            + "), so changes made by other processes cannot be seen: trading is HALTED. To"
            + " recover (a write creates the counter again), "
            + RECOVER;
    StateFailure.Kind kind =
        e instanceof NoSuchFileException ? StateFailure.Kind.MISSING : StateFailure.Kind.UNREADABLE;
    return SafetyState.failClosed(
        new StateFailure(kind, msg), g, createdAt().orElse(null), clock.instant());
  }

  /** When the creation record says the store was created, if it can tell. */
  private Optional<Instant> createdAt() {
    try {
      Object v = Json.parseObject(Files.readString(createdFile)).get("createdAt");
      return v instanceof String s ? Optional.of(Instant.parse(s)) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static String problem(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file " + e.getMessage();
    }
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m;
  }

  // --- the file format ---

  static byte[] toJson(SafetyState s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", FORMAT);
    m.put("state", s.state().name());
    m.put("cause", s.cause().name());
    m.put("operator", s.operator());
    m.put("reason", s.reason());
    m.put("changedAt", s.changedAt().toString());
    m.put("generation", s.generation());
    m.put("lossHaltUntil", s.lossHaltUntil() == null ? null : s.lossHaltUntil().toString());
    m.put("createdAt", s.createdAt().toString());
    m.put("closePositions", s.closePositions());
    return (Json.object(m) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The state a {@code state.json} holds.
   *
   * @throws IllegalArgumentException when it is not a complete, valid state
   */
  static SafetyState parse(String text) {
    String t = text.strip();
    if (!t.endsWith("}")) {
      throw new IllegalArgumentException("not a complete JSON object");
    }
    Map<String, Object> m = Json.parseObject(t);
    Object format = m.get("format");
    if (!(format instanceof Integer f) || f != FORMAT) {
      throw new IllegalArgumentException("format " + format + ", expected " + FORMAT);
    }
    TradingState state = named(TradingState.class, string(m, "state"), "state");
    StateCause cause = named(StateCause.class, string(m, "cause"), "cause");
    if (cause == StateCause.FAIL_CLOSED) {
      throw new IllegalArgumentException("cause FAIL_CLOSED is never written");
    }
    if (!(m.get("generation") instanceof Number g) || g.longValue() < 1) {
      throw new IllegalArgumentException("generation missing or not a positive integer");
    }
    Object until = m.get("lossHaltUntil");
    if (until != null && !(until instanceof String)) {
      throw new IllegalArgumentException("lossHaltUntil is not a time");
    }
    return new SafetyState(
        state,
        cause,
        string(m, "operator"),
        string(m, "reason"),
        Instant.parse(string(m, "changedAt")),
        g.longValue(),
        until == null ? null : Instant.parse((String) until),
        Instant.parse(string(m, "createdAt")),
        null,
        state == TradingState.HALTED && Boolean.TRUE.equals(m.get("closePositions")));
  }

  private static String string(Map<String, Object> m, String key) {
    if (m.get(key) instanceof String s) {
      return s;
    }
    throw new IllegalArgumentException(key + " missing or not a string");
  }

  private static <E extends Enum<E>> E named(Class<E> type, String name, String what) {
    try {
      return Enum.valueOf(type, name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown " + what + " '" + name + "'", e);
    }
  }
}
