package dev.clavis.grant.internal;

import dev.clavis.grant.GrantTrends;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Aggregated in the database by day over the range asked (index {@code access_grant_expiry}), so the
 * cost follows the days shown, not every grant ever made. Nearest-rank percentiles, as
 * {@link dev.clavis.platform.Percentiles}; the same SQL on H2 and PostgreSQL.
 */
@Component
@Transactional(readOnly = true)
class JdbcGrantTrends implements GrantTrends {

    private static final String LAG = "extract(epoch from removal_confirmed_at) - extract(epoch from expires_at)";

    private final JdbcClient jdbc;

    JdbcGrantTrends(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<RevocationLagDay> revocationLagPerDay(LocalDate first, LocalDate last) {
        var found = new HashMap<LocalDate, RevocationLagDay>();
        jdbc.sql("""
                        select on_day, count(*) as removals,
                               percentile_disc(0.5) within group (order by lag) as p50,
                               percentile_disc(0.95) within group (order by lag) as p95
                          from (select cast(expires_at at time zone 'UTC' as date) as on_day, %s as lag
                                  from access_grant
                                 where status = 'EXPIRED' and removal_confirmed_at is not null
                                   and expires_at >= :from and expires_at < :to) expired
                         group by on_day""".formatted(LAG))
                .param("from", startOf(first)).param("to", startOf(last.plusDays(1)))
                .query((rs, n) -> found.put(rs.getObject("on_day", LocalDate.class), new RevocationLagDay(
                        rs.getObject("on_day", LocalDate.class), rs.getLong("removals"), seconds(rs, "p50"), seconds(rs, "p95"))))
                .list();
        var days = new ArrayList<RevocationLagDay>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            days.add(found.getOrDefault(day, new RevocationLagDay(day, 0, null, null)));
        }
        return days;
    }

    @Override
    public List<ExpiryDay> expiriesPerDay(LocalDate first, LocalDate last) {
        var found = new HashMap<LocalDate, Long>();
        jdbc.sql("""
                        select on_day, count(*) as grants
                          from (select cast(expires_at at time zone 'UTC' as date) as on_day
                                  from access_grant
                                 where status = 'ACTIVE' and expires_at >= :from and expires_at < :to) expiring
                         group by on_day""")
                .param("from", startOf(first)).param("to", startOf(last.plusDays(1)))
                .query((rs, n) -> found.put(rs.getObject("on_day", LocalDate.class), rs.getLong("grants")))
                .list();
        var days = new ArrayList<ExpiryDay>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            days.add(new ExpiryDay(day, found.getOrDefault(day, 0L)));
        }
        return days;
    }

    private static @Nullable Duration seconds(ResultSet rs, String column) throws SQLException {
        BigDecimal seconds = rs.getBigDecimal(column);
        return seconds == null ? null : Duration.ofMillis(seconds.movePointRight(3).longValue());
    }

    private static OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay().atOffset(ZoneOffset.UTC);
    }
}
