package dev.clavis.request.internal;

import dev.clavis.request.GovernanceMetrics;
import dev.clavis.request.GovernanceMetrics.Summary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The governance figures over the API. Also served to Prometheus, recomputed at most every 30 s so
 * scraping stays cheap.
 */
@RestController
class MetricsController {

    private static final Duration REFRESH = Duration.ofSeconds(30);

    private final GovernanceMetrics metrics;
    private final Clock clock;
    private final AtomicReference<Cached> cache = new AtomicReference<>();

    MetricsController(GovernanceMetrics metrics, Clock clock, MeterRegistry registry) {
        this.metrics = metrics;
        this.clock = clock;
        Gauge.builder("clavis.requests.automation.rate", () -> cached().summary().automationRate()).register(registry);
        Gauge.builder("clavis.grants.active", () -> cached().summary().activeGrants()).register(registry);
        Gauge.builder("clavis.grants.standing.privileged", () -> cached().summary().standingPrivilegedGrants()).register(registry);
        Gauge.builder("clavis.requests.time.to.access.p95.seconds", () -> seconds(cached().summary().timeToAccessP95()))
                .register(registry);
        Gauge.builder("clavis.grants.revocation.lag.p95.seconds", () -> seconds(cached().summary().revocationLagP95()))
                .register(registry);
    }

    private record Cached(Instant at, Summary summary) {}

    /** Over the last 90 days. */
    @GetMapping("/api/v1/metrics/summary")
    Map<String, Object> summary() {
        Summary s = metrics.summary();
        var body = new LinkedHashMap<String, Object>();
        body.put("window", GovernanceMetrics.WINDOW.toString());
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
            current = new Cached(clock.instant(), metrics.summary());
            cache.set(current);
        }
        return current;
    }

    private static @Nullable String text(@Nullable Duration duration) {
        return duration == null ? null : duration.toString();
    }

    private static double seconds(@Nullable Duration duration) {
        return duration == null ? 0 : duration.toMillis() / 1000.0;
    }
}
