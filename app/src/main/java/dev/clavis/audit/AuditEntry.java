package dev.clavis.audit;

import java.time.Instant;
import java.util.Map;

/** A recorded entry; {@code sequence} orders the trail and {@code hash} chains it. */
public record AuditEntry(
        long sequence,
        Instant at,
        String type,
        String actor,
        String subject,
        Map<String, Object> data,
        String previousHash,
        String hash) {}
