package io.quantzoo.store;

/**
 * Test seam: called inside {@link RunStore#completeRun}'s transaction after each table is written,
 * so tests can fail or stall a completion half way. Production stores use {@link #NONE}.
 */
@FunctionalInterface
interface WriteHook {
  /** Does nothing. */
  WriteHook NONE = (runId, table) -> {};

  /**
   * Called after {@code table}'s rows for {@code runId} were written, before the commit.
   *
   * @param table one of {@code runs}, {@code trades}, {@code fills}, {@code equity}, {@code
   *     metrics}, in that order
   */
  void afterWrite(String runId, String table);
}
