package dev.clavis.grant;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Grants day by day, for dashboards; days are UTC days, and every day of the range has an entry. */
public interface GrantTrends {

    /** For grants that expired on each day: how late the directory confirmed their removal. */
    List<RevocationLagDay> revocationLagPerDay(LocalDate first, LocalDate last);

    /** Active grants that expire on each day from {@code first} to {@code last}. */
    List<ExpiryDay> expiriesPerDay(LocalDate first, LocalDate last);

    /**
     * @param removals expired grants whose removal the directory confirmed
     * @param p50 from expiry to the confirmed removal; null when there were none
     */
    record RevocationLagDay(LocalDate day, long removals, @Nullable Duration p50, @Nullable Duration p95) {}

    record ExpiryDay(LocalDate day, long grants) {}
}
