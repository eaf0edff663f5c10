/**
 * The audit trail of the safety layer (docs/AUDIT.md): append-only JSON lines in {@code <trading
 * dir>/audit/}, one per order intent, submission, venue answer, fill, cancel, denial, state change,
 * approval, limit override and config load, each chained to the one before by an HMAC-SHA256 tag
 * keyed by a secret kept outside the log ({@link io.quantzoo.live.audit.AuditKey}). {@link
 * io.quantzoo.live.audit.AuditLog} appends (durably, with group commit, from many processes);
 * {@link io.quantzoo.live.audit.AuditVerifier} finds edits, deletions, reorderings and truncation;
 * {@link io.quantzoo.live.audit.AuditReader} reads the last lines and follows new ones.
 */
package io.quantzoo.live.audit;
