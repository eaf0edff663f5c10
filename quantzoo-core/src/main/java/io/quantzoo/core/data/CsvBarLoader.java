package io.quantzoo.core.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Loads OHLCV bars from a CSV file.
 *
 * <p>Format: UTF-8 (a byte-order mark is skipped), comma-separated, a header row first, LF or CRLF
 * line endings; fields may be wrapped in double quotes (a doubled quote inside stands for one) and
 * white space around fields is ignored; blank lines are skipped. Columns are found by name as
 * {@link BarColumns} describes, timestamps are read as {@link TimestampParser} describes, and rows
 * are validated by {@link BarAssembler}: see there for the rules, the refuse-by-default behaviour
 * and {@link LoadOptions#dropBadRows()}. Line numbers in problems are 1-based physical lines (the
 * header is line 1).
 *
 * <p>The file is read whole into memory and scanned as bytes; numbers and common timestamp forms
 * are parsed without creating strings, so a million rows load in a fraction of a second. Files of 2
 * GiB or more are refused.
 */
public final class CsvBarLoader {
  private static final int MAX_FILE_BYTES = Integer.MAX_VALUE - 16;

  private final byte[] buf;
  private final int end;
  private int pos;
  private long line;
  private long recordLine;
  private int fieldCount;
  private int[] starts;
  private int[] ends;
  private boolean[] escaped;

  private CsvBarLoader(byte[] buf, int start) {
    this.buf = buf;
    this.end = buf.length;
    this.pos = start;
    this.starts = new int[64];
    this.ends = new int[64];
    this.escaped = new boolean[64];
  }

  /**
   * Loads {@code file}.
   *
   * @return one series per symbol, with what was found
   * @throws DataException if the file cannot be read, lacks a required column, has no data row, or
   *     has any bad row (unless {@link LoadOptions#dropBadRows()}, then only if no row is good)
   */
  public static LoadResult load(Path file, LoadOptions opts) {
    return load(file, opts, false);
  }

  /** As {@link #load(Path, LoadOptions)}; with {@code allowEmpty}, all rows may be bad. */
  static LoadResult load(Path file, LoadOptions opts, boolean allowEmpty) {
    String label = file.toString();
    byte[] bytes = read(file, label);
    int start =
        bytes.length >= 3
                && bytes[0] == (byte) 0xEF
                && bytes[1] == (byte) 0xBB
                && bytes[2] == (byte) 0xBF
            ? 3
            : 0;
    return new CsvBarLoader(bytes, start).run(label, opts, allowEmpty);
  }

  /**
   * Reads the whole file into one array in 1 MiB reads. {@code Files.readAllBytes} would copy
   * through a temporary native buffer as large as the file, doubling the memory a large file costs.
   */
  private static byte[] readInChunks(Path file) throws IOException {
    try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file)) {
      long size = ch.size();
      byte[] out = new byte[(int) size];
      java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(out);
      while (buf.position() < out.length) {
        int limit = Math.min(out.length, buf.position() + (1 << 20));
        buf.limit(limit);
        if (ch.read(buf) < 0) {
          break; // the file shrank while being read: parse what was there
        }
      }
      return buf.position() == out.length ? out : java.util.Arrays.copyOf(out, buf.position());
    }
  }

  private static byte[] read(Path file, String label) {
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw new DataException(
            new DataProblem(label, 0, "", "file must be smaller than 2 GiB", ""));
      }
      return readInChunks(file);
    } catch (NoSuchFileException e) {
      throw new DataException(new DataProblem(label, 0, "", "file must exist", ""));
    } catch (AccessDeniedException e) {
      throw new DataException(new DataProblem(label, 0, "", "file must be readable", ""));
    } catch (IOException e) {
      throw new DataException(
          new DataProblem(label, 0, "", "file must be readable", String.valueOf(e.getMessage())));
    }
  }

  private LoadResult run(String label, LoadOptions opts, boolean allowEmpty) {
    BarAssembler asm = new BarAssembler(label, opts);
    if (!nextRecord()) {
      asm.problem(0, "", "file must have a header row, was empty", "");
      throw asm.refusal();
    }
    if (isBlank()) {
      asm.problem(1, "", "line 1 must be the header row, was blank", "");
      throw asm.refusal();
    }
    int headerFields = fieldCount;
    List<String> names = new ArrayList<>(headerFields);
    for (int k = 0; k < headerFields; k++) {
      names.add(text(k));
    }
    BarColumns cols = BarColumns.resolve(names);
    if (!asm.acceptColumns(cols)) {
      throw asm.refusal();
    }
    asm.expectRows(estimateRows());
    readRows(asm, cols, headerFields, new TimestampParser(opts.zone()));
    return asm.finish(allowEmpty);
  }

  /** The hot loop: one pass over the rows, no allocation for good rows of a single symbol. */
  private void readRows(
      BarAssembler asm, BarColumns cols, int headerFields, TimestampParser times) {
    int ti = cols.time();
    int oi = cols.open();
    int hi = cols.high();
    int li = cols.low();
    int ci = cols.close();
    int vi = cols.volume();
    int si = cols.symbol();
    byte[] b = buf;
    byte[] lastSymbolBytes = null;
    String lastSymbol = null;
    long blankLines = 0;
    while (nextRecord()) {
      long ln = recordLine;
      if (fieldCount != headerFields) {
        if (isBlank()) {
          blankLines++;
          continue;
        }
        asm.problem(
            ln,
            "",
            "row must have " + headerFields + " fields like the header",
            String.valueOf(fieldCount));
        asm.rejectRow();
        continue;
      }
      long t = times.parse(b, starts[ti], ends[ti]);
      double o = FastDoubleParser.parse(b, starts[oi], ends[oi]);
      double h = FastDoubleParser.parse(b, starts[hi], ends[hi]);
      double l = FastDoubleParser.parse(b, starts[li], ends[li]);
      double c = FastDoubleParser.parse(b, starts[ci], ends[ci]);
      double v = vi < 0 ? 0 : FastDoubleParser.parse(b, starts[vi], ends[vi]);
      boolean bad = false;
      if (t == TimestampParser.INVALID) {
        asm.badTime(ln, detail(asm, ti));
        bad = true;
      }
      if (!Double.isFinite(o)) {
        asm.badNumber(ln, BarAssembler.OPEN, detail(asm, oi));
        bad = true;
      }
      if (!Double.isFinite(h)) {
        asm.badNumber(ln, BarAssembler.HIGH, detail(asm, hi));
        bad = true;
      }
      if (!Double.isFinite(l)) {
        asm.badNumber(ln, BarAssembler.LOW, detail(asm, li));
        bad = true;
      }
      if (!Double.isFinite(c)) {
        asm.badNumber(ln, BarAssembler.CLOSE, detail(asm, ci));
        bad = true;
      }
      if (!Double.isFinite(v)) {
        asm.badNumber(ln, BarAssembler.VOLUME, detail(asm, vi));
        bad = true;
      }
      String symbol = null;
      if (si >= 0) {
        int s = starts[si];
        int e = ends[si];
        if (lastSymbolBytes != null
            && !escaped[si]
            && Arrays.equals(lastSymbolBytes, 0, lastSymbolBytes.length, b, s, e)) {
          symbol = lastSymbol;
        } else {
          symbol = text(si).strip();
          if (symbol.isEmpty()) {
            asm.problem(ln, asm.columnName(BarAssembler.SYMBOL), BarAssembler.RULE_NOT_EMPTY, "");
            bad = true;
          }
          // Cache by raw bytes only when they are the text itself (no quotes undone).
          lastSymbol = symbol;
          lastSymbolBytes = escaped[si] || symbol.isEmpty() ? null : Arrays.copyOfRange(b, s, e);
        }
      }
      if (bad) {
        asm.rejectRow();
      } else {
        asm.add(ln, symbol, t, o, h, l, c, v);
      }
    }
    if (blankLines > 0) {
      asm.note("skipped " + blankLines + " blank line(s)");
    }
  }

  /** The text of field {@code k} if the assembler will keep the problem, else "". */
  private String detail(BarAssembler asm, int k) {
    return asm.keepsMoreProblems() ? text(k) : "";
  }

  private boolean isBlank() {
    return fieldCount == 1 && starts[0] == ends[0] && !escaped[0];
  }

  /** Field {@code k} of the current record as a string, quotes undone. */
  private String text(int k) {
    String s = new String(buf, starts[k], ends[k] - starts[k], StandardCharsets.UTF_8);
    return escaped[k] ? s.replace("\"\"", "\"") : s;
  }

  /**
   * Rows left, estimated from the mean length of the next lines (at most 64), with 5% to spare;
   * capped so that a misleading start cannot pre-allocate more than about 200 MB.
   */
  /**
   * An upper bound of the data rows: the line count after the header. Exact for the usual file, so
   * the bar columns are allocated once at their final size and never copied.
   */
  private int estimateRows() {
    long lines = 0;
    byte[] b = buf;
    for (int p = pos; p < end; p++) {
      if (b[p] == '\n') {
        lines++;
      }
    }
    if (end > pos && b[end - 1] != '\n') {
      lines++;
    }
    return (int) Math.min(Integer.MAX_VALUE - 16, Math.max(16, lines));
  }

  /**
   * Splits the next record into fields (offsets into {@link #buf}, trimmed of spaces and tabs,
   * quotes removed). A quoted field may hold commas and line breaks.
   *
   * @return {@code false} at the end of the input
   */
  private boolean nextRecord() {
    if (pos >= end) {
      return false;
    }
    byte[] b = buf;
    int p = pos;
    recordLine = line + 1;
    int k = 0;
    while (true) {
      while (p < end && (b[p] == ' ' || b[p] == '\t')) {
        p++;
      }
      int fs;
      int fe;
      boolean esc = false;
      if (p < end && b[p] == '"') {
        fs = ++p;
        while (true) {
          if (p >= end) {
            fe = p;
            break;
          }
          byte c = b[p];
          if (c == '"') {
            if (p + 1 < end && b[p + 1] == '"') {
              esc = true;
              p += 2;
              continue;
            }
            fe = p++;
            break;
          }
          if (c == '\n') {
            line++;
          }
          p++;
        }
        while (p < end && b[p] != ',' && b[p] != '\n' && b[p] != '\r') {
          p++;
        }
      } else {
        fs = p;
        while (p < end) {
          byte c = b[p];
          // ',' (44) is above '\n' and '\r': one comparison passes digits, letters, '-' and ':'.
          if (c <= ',' && (c == ',' || c == '\n' || c == '\r')) {
            break;
          }
          p++;
        }
        fe = p;
        while (fe > fs && (b[fe - 1] == ' ' || b[fe - 1] == '\t')) {
          fe--;
        }
      }
      if (k == starts.length) {
        starts = Arrays.copyOf(starts, k * 2);
        ends = Arrays.copyOf(ends, k * 2);
        escaped = Arrays.copyOf(escaped, k * 2);
      }
      starts[k] = fs;
      ends[k] = fe;
      escaped[k] = esc;
      k++;
      if (p < end && b[p] == ',') {
        p++;
        continue;
      }
      if (p < end) {
        if (b[p] == '\r' && p + 1 < end && b[p + 1] == '\n') {
          p++;
        }
        p++;
      }
      line++;
      break;
    }
    fieldCount = k;
    pos = p;
    return true;
  }
}
