package io.quantzoo.spark;

import io.quantzoo.core.sweep.SweepPoint;
import io.quantzoo.store.SweepResults;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The task body: evaluates the points of its index ranges one at a time (lazily, so a task holds
 * one result at a time) and turns each into a row of {@link SweepResults#COLUMNS}, plus the
 * partition column ({@code symbol} in a per-symbol sweep, {@code window} in a walk-forward).
 */
final class EvaluateRanges implements FlatMapFunction<Iterator<IndexRange>, Row> {
  private static final long serialVersionUID = 1L;

  private final SweepJobSpec job;
  private final boolean partitionColumn;
  private final List<String> partitionValues;

  /**
   * @param job the sweep
   * @param partitionValues the value of the partition column per group, or null for no such column
   */
  EvaluateRanges(SweepJobSpec job, List<String> partitionValues) {
    this.job = job;
    this.partitionColumn = partitionValues != null;
    this.partitionValues = partitionValues == null ? null : List.copyOf(partitionValues);
  }

  @Override
  public Iterator<Row> call(Iterator<IndexRange> ranges) {
    return new Iterator<>() {
      private IndexRange range;
      private ExecutorCache.Prepared prepared;
      private long next;
      private SweepPoint pending;

      @Override
      public boolean hasNext() {
        while (pending == null) {
          if (range == null || next >= range.to()) {
            if (!ranges.hasNext()) {
              return false;
            }
            range = ranges.next();
            next = range.from();
            prepared = ExecutorCache.prepared(job, range.group());
            continue;
          }
          pending = prepared.space().at(next++);
        }
        return true;
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        SweepPoint p = pending;
        pending = null;
        Object[] v = SweepResults.row(prepared.evaluator().evaluate(p));
        if (partitionColumn) {
          v = Arrays.copyOf(v, v.length + 1);
          v[v.length - 1] = partitionValues.get(range.group());
        }
        return RowFactory.create(v);
      }
    };
  }
}
