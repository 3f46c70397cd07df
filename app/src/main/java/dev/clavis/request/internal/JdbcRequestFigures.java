package dev.clavis.request.internal;

import dev.clavis.request.RequestFigures;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Aggregated in the database, one statement per figure, so the cost grows with the days shown and not
 * with the requests made. Percentiles are nearest-rank ({@code percentile_disc}), like
 * {@link dev.clavis.platform.Percentiles}; the SQL is the same on H2 and PostgreSQL.
 */
@Component
@Transactional(readOnly = true)
class JdbcRequestFigures implements RequestFigures {

    private static final String WAIT = "extract(epoch from granted_at) - extract(epoch from created_at)";

    private final JdbcClient jdbc;

    JdbcRequestFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public TimeToAccess grantedSince(Instant since) {
        return jdbc.sql("select " + timeToAccessOf(WAIT) + """
                         from access_request
                        where granted_at is not null and extends_grant_id is null and created_at > :since""")
                .param("since", since.atOffset(ZoneOffset.UTC))
                .query(JdbcRequestFigures::timeToAccess).single();
    }

    @Override
    public List<RequestDay> perDay(LocalDate first, LocalDate last) {
        var outcomes = new HashMap<LocalDate, Map<String, Long>>();
        jdbc.sql("""
                        select on_day, outcome, count(*) as requests from (
                            select cast(created_at at time zone 'UTC' as date) as on_day,
                                   case when status in ('GRANTED', 'EXPIRED', 'REVOKED') and automatic then 'auto-approved'
                                        when status in ('GRANTED', 'EXPIRED', 'REVOKED') then 'approved'
                                        when status = 'DENIED' then 'denied'
                                        when status = 'CANCELLED' then 'cancelled'
                                        when status = 'FAILED' then 'failed'
                                        else 'open' end as outcome
                              from access_request
                             where created_at >= :from and created_at < :to) asked
                        group by on_day, outcome""")
                .param("from", startOf(first)).param("to", startOf(last.plusDays(1)))
                .query((rs, n) -> outcomes.computeIfAbsent(rs.getObject("on_day", LocalDate.class), day -> new HashMap<>())
                        .put(rs.getString("outcome"), rs.getLong("requests")))
                .list();
        var waits = new HashMap<LocalDate, TimeToAccess>();
        jdbc.sql("select on_day, " + timeToAccessOf("wait") + """
                         from (select cast(granted_at at time zone 'UTC' as date) as on_day, automatic, %s as wait
                                 from access_request
                                where granted_at >= :from and granted_at < :to and extends_grant_id is null) granted
                        group by on_day""".formatted(WAIT))
                .param("from", startOf(first)).param("to", startOf(last.plusDays(1)))
                .query((rs, n) -> waits.put(rs.getObject("on_day", LocalDate.class), timeToAccess(rs, n)))
                .list();
        var days = new ArrayList<RequestDay>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            var counted = new LinkedHashMap<String, Long>();
            Map<String, Long> found = outcomes.getOrDefault(day, Map.of());
            OUTCOMES.forEach(outcome -> counted.put(outcome, found.getOrDefault(outcome, 0L)));
            days.add(new RequestDay(day, counted, waits.getOrDefault(day, new TimeToAccess(0, 0, null, null))));
        }
        return days;
    }

    /** The columns {@link #timeToAccess} reads, over the waits {@code wait} computes. */
    private static String timeToAccessOf(String wait) {
        return """
                count(*) as granted, coalesce(sum(case when automatic then 1 else 0 end), 0) as automatic,
                percentile_disc(0.5) within group (order by %1$s) as p50,
                percentile_disc(0.95) within group (order by %1$s) as p95""".formatted(wait);
    }

    private static TimeToAccess timeToAccess(ResultSet rs, int row) throws SQLException {
        return new TimeToAccess(rs.getLong("granted"), rs.getLong("automatic"), seconds(rs, "p50"), seconds(rs, "p95"));
    }

    private static @Nullable Duration seconds(ResultSet rs, String column) throws SQLException {
        BigDecimal seconds = rs.getBigDecimal(column);
        return seconds == null ? null : Duration.ofMillis(seconds.movePointRight(3).longValue());
    }

    private static OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay().atOffset(ZoneOffset.UTC);
    }
}
