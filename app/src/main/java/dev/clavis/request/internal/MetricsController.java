package dev.clavis.request.internal;

import dev.clavis.grant.GrantFigures;
import dev.clavis.grant.Grants;
import dev.clavis.platform.Percentiles;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The figures that say whether access governance works: how much is automated, how long people wait,
 * how much standing privilege there is, how late removals are. Also served to Prometheus, recomputed
 * at most every 30 s so scraping stays cheap.
 */
@RestController
class MetricsController {

    private static final Duration WINDOW = Duration.ofDays(90);
    private static final Duration REFRESH = Duration.ofSeconds(30);

    private final JdbcClient jdbc;
    private final Grants grants;
    private final Clock clock;
    private final AtomicReference<Cached> cache = new AtomicReference<>();

    MetricsController(JdbcClient jdbc, Grants grants, Clock clock, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.grants = grants;
        this.clock = clock;
        Gauge.builder("clavis.requests.automation.rate", () -> cached().summary().automationRate()).register(registry);
        Gauge.builder("clavis.grants.active", () -> cached().summary().activeGrants()).register(registry);
        Gauge.builder("clavis.grants.standing.privileged", () -> cached().summary().standingPrivilegedGrants()).register(registry);
        Gauge.builder("clavis.requests.time.to.access.p95.seconds", () -> seconds(cached().summary().timeToAccessP95()))
                .register(registry);
        Gauge.builder("clavis.grants.revocation.lag.p95.seconds", () -> seconds(cached().summary().revocationLagP95()))
                .register(registry);
    }

    record Summary(double automationRate, long granted, @Nullable Duration timeToAccessP50, @Nullable Duration timeToAccessP95,
            long activeGrants, long standingPrivilegedGrants, @Nullable Duration revocationLagP95) {}

    private record Cached(Instant at, Summary summary) {}

    /** Over the last 90 days. */
    @GetMapping("/api/v1/metrics/summary")
    Map<String, Object> summary() {
        Summary s = compute();
        var body = new LinkedHashMap<String, Object>();
        body.put("window", WINDOW.toString());
        body.put("automationRate", s.automationRate());
        body.put("granted", s.granted());
        var timeToAccess = new LinkedHashMap<String, Object>();
        timeToAccess.put("p50", text(s.timeToAccessP50()));
        timeToAccess.put("p95", text(s.timeToAccessP95()));
        body.put("timeToAccess", timeToAccess);
        body.put("activeGrants", s.activeGrants());
        body.put("standingPrivilegedGrants", s.standingPrivilegedGrants());
        var lag = new LinkedHashMap<String, Object>();
        lag.put("p95", text(s.revocationLagP95()));
        body.put("revocationLag", lag);
        return body;
    }

    private Cached cached() {
        Cached current = cache.get();
        if (current == null || current.at().plus(REFRESH).isBefore(clock.instant())) {
            current = new Cached(clock.instant(), compute());
            cache.set(current);
        }
        return current;
    }

    private Summary compute() {
        OffsetDateTime since = clock.instant().minus(WINDOW).atOffset(ZoneOffset.UTC);
        record Granted(boolean automatic, Duration waited) {}
        List<Granted> granted = jdbc.sql("""
                        select automatic, created_at, granted_at from access_request
                        where granted_at is not null and extends_grant_id is null and created_at > :since""")
                .param("since", since)
                .query((rs, n) -> new Granted(rs.getBoolean(1), Duration.between(
                        rs.getObject(2, OffsetDateTime.class), rs.getObject(3, OffsetDateTime.class))))
                .list();
        long automatic = granted.stream().filter(Granted::automatic).count();
        List<Duration> waits = granted.stream().map(Granted::waited).toList();
        GrantFigures figures = grants.figures();
        return new Summary(granted.isEmpty() ? 0 : (double) automatic / granted.size(), granted.size(),
                Percentiles.of(waits, 50), Percentiles.of(waits, 95), figures.activeGrants(),
                figures.standingPrivilegedGrants(), figures.revocationLagP95());
    }

    private static @Nullable String text(@Nullable Duration duration) {
        return duration == null ? null : duration.toString();
    }

    private static double seconds(@Nullable Duration duration) {
        return duration == null ? 0 : duration.toMillis() / 1000.0;
    }
}
