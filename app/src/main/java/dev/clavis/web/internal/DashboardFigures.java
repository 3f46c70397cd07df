package dev.clavis.web.internal;

import dev.clavis.grant.GrantTrends;
import dev.clavis.grant.GrantTrends.ExpiryDay;
import dev.clavis.grant.GrantTrends.RevocationLagDay;
import dev.clavis.request.GovernanceMetrics;
import dev.clavis.request.GovernanceMetrics.Summary;
import dev.clavis.request.RequestFigures;
import dev.clavis.request.RequestFigures.RequestDay;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What the dashboard shows, read once per page or chart request: the governance summary (as the API's
 * {@code /api/v1/metrics/summary}), the last {@link #DAYS} UTC days of requests and revocations, and
 * the expiries of the next {@link #AHEAD} days.
 */
@Component
class DashboardFigures {

    static final int DAYS = 30;
    static final int AHEAD = 7;

    private final GovernanceMetrics metrics;
    private final RequestFigures requests;
    private final GrantTrends grants;
    private final Clock clock;

    DashboardFigures(GovernanceMetrics metrics, RequestFigures requests, GrantTrends grants, Clock clock) {
        this.metrics = metrics;
        this.requests = requests;
        this.grants = grants;
        this.clock = clock;
    }

    record Figures(Summary summary, List<RequestDay> requests, List<RevocationLagDay> revocations, List<ExpiryDay> expiries) {}

    Figures now() {
        LocalDate today = clock.instant().atOffset(ZoneOffset.UTC).toLocalDate();
        LocalDate first = today.minusDays(DAYS - 1);
        return new Figures(metrics.summary(), requests.perDay(first, today), grants.revocationLagPerDay(first, today),
                grants.expiriesPerDay(today, today.plusDays(AHEAD - 1)));
    }

    /** The figures as {@code dashboard.js} draws them: one array per series, aligned with {@code days}. */
    static Map<String, Object> chartData(Figures figures) {
        Summary s = figures.summary();
        var data = new LinkedHashMap<String, Object>();
        var summary = new LinkedHashMap<String, Object>();
        summary.put("window", GovernanceMetrics.WINDOW.toString());
        summary.put("automationRate", s.automationRate());
        summary.put("granted", s.granted());
        summary.put("timeToAccessP50Seconds", seconds(s.timeToAccessP50()));
        summary.put("timeToAccessP95Seconds", seconds(s.timeToAccessP95()));
        summary.put("activeGrants", s.activeGrants());
        summary.put("standingPrivilegedGrants", s.standingPrivilegedGrants());
        summary.put("revocationLagP95Seconds", seconds(s.revocationLagP95()));
        data.put("summary", summary);
        data.put("days", figures.requests().stream().map(d -> d.day().toString()).toList());
        var outcomes = new LinkedHashMap<String, Object>();
        RequestFigures.OUTCOMES.forEach(outcome ->
                outcomes.put(outcome, figures.requests().stream().map(d -> d.outcomes().get(outcome)).toList()));
        data.put("requestsByOutcome", outcomes);
        data.put("timeToAccessP50Seconds", figures.requests().stream().map(d -> seconds(d.timeToAccess().p50())).toList());
        data.put("timeToAccessP95Seconds", figures.requests().stream().map(d -> seconds(d.timeToAccess().p95())).toList());
        data.put("revocationLagP50Seconds", figures.revocations().stream().map(d -> seconds(d.p50())).toList());
        data.put("revocationLagP95Seconds", figures.revocations().stream().map(d -> seconds(d.p95())).toList());
        var expiries = new LinkedHashMap<String, Object>();
        expiries.put("days", figures.expiries().stream().map(d -> d.day().toString()).toList());
        expiries.put("grants", figures.expiries().stream().map(ExpiryDay::grants).toList());
        data.put("expiries", expiries);
        return data;
    }

    /** A day's figures as the page's table shows them. */
    record DayRow(LocalDate day, List<Long> outcomes, String timeToAccessP50, String timeToAccessP95, String revocationLagP50,
            String revocationLagP95) {}

    /** Newest day first. */
    static List<DayRow> rows(Figures figures) {
        var rows = new ArrayList<DayRow>();
        for (int i = figures.requests().size() - 1; i >= 0; i--) {
            RequestDay day = figures.requests().get(i);
            RevocationLagDay lag = figures.revocations().get(i);
            rows.add(new DayRow(day.day(), RequestFigures.OUTCOMES.stream().map(day.outcomes()::get).toList(),
                    ReadableDuration.of(day.timeToAccess().p50()), ReadableDuration.of(day.timeToAccess().p95()),
                    ReadableDuration.of(lag.p50()), ReadableDuration.of(lag.p95())));
        }
        return rows;
    }

    private static @Nullable Double seconds(@Nullable Duration duration) {
        return duration == null ? null : duration.toMillis() / 1000.0;
    }
}
