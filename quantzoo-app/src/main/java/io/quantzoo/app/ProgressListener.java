package io.quantzoo.app;

/** Told how far a long operation (a sweep's points, a walk-forward's windows) has come. */
public interface ProgressListener {
  /** {@code done} of {@code total} units finished, {@code sessionDone} of them in this session. */
  void update(long done, long total, long sessionDone);

  /** The operation ended (completed or not); no more updates follow. */
  void finish();

  /** A listener that ignores everything. */
  static ProgressListener silent() {
    return Silent.INSTANCE;
  }

  /** The {@link #silent()} listener. */
  enum Silent implements ProgressListener {
    INSTANCE;

    @Override
    public void update(long done, long total, long sessionDone) {}

    @Override
    public void finish() {}
  }
}
