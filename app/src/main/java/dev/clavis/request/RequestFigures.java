package dev.clavis.request;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How requests fare, for dashboards: how many are granted without a person deciding, how long people
 * wait for access, and how requests end, day by day. Days are UTC days; extensions of a grant are not
 * counted as time to access (the person already had access).
 */
public interface RequestFigures {

    /** Outcomes of a request, as the dashboard groups them. */
    List<String> OUTCOMES = List.of("auto-approved", "approved", "denied", "cancelled", "failed", "open");

    /** First requests granted since then: how many, how many automatically, and the wait from asking to access. */
    TimeToAccess grantedSince(Instant since);

    /** One entry for each day from {@code first} to {@code last}, days without requests included. */
    List<RequestDay> perDay(LocalDate first, LocalDate last);

    /**
     * @param p50 median wait from asking to the directory confirming access; null when nothing was granted
     */
    record TimeToAccess(long granted, long automatic, @Nullable Duration p50, @Nullable Duration p95) {

        /** The share of granted requests no person had to approve, 0 when nothing was granted. */
        public double automationRate() {
            return granted == 0 ? 0 : (double) automatic / granted;
        }
    }

    /**
     * @param outcomes requests asked that day, by what became of them (every key of {@link #OUTCOMES})
     * @param timeToAccess of the requests granted that day
     */
    record RequestDay(LocalDate day, Map<String, Long> outcomes, TimeToAccess timeToAccess) {}
}
