package io.quantzoo.live.audit;

/**
 * Where an appended line went: its sequence number, its tag and its file.
 *
 * @param seq the line's sequence number (1-based, continuous across files)
 * @param tag the line's HMAC tag (hex)
 * @param file the file's name in {@code audit/}
 */
public record AuditSeq(long seq, String tag, String file) {}
