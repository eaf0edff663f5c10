package io.quantzoo.core.validation;

import java.util.Arrays;
import java.util.Objects;

/**
 * One train/test split of samples {@code 0..n-1}: both index arrays are sorted ascending and
 * disjoint. A value class (equality, hash code and text compare the array contents); the arrays are
 * handed out as they are, without copying: do not modify them.
 */
public final class Split {
  private final int[] train;
  private final int[] test;

  /**
   * A split; the arrays are kept, not copied.
   *
   * @param train the training sample indices, after purging and embargo (may be empty)
   * @param test the test sample indices
   */
  public Split(int[] train, int[] test) {
    this.train = Objects.requireNonNull(train, "train");
    this.test = Objects.requireNonNull(test, "test");
  }

  /** The training sample indices, sorted (may be empty). */
  public int[] train() {
    return train;
  }

  /** The test sample indices, sorted. */
  public int[] test() {
    return test;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Split s && Arrays.equals(train, s.train) && Arrays.equals(test, s.test);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(train) + Arrays.hashCode(test);
  }

  @Override
  public String toString() {
    return "Split[train=" + Arrays.toString(train) + ", test=" + Arrays.toString(test) + "]";
  }
}
