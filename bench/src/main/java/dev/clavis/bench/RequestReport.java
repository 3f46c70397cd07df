package dev.clavis.bench;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The access-request benchmark's report: what was run, where, and one column per database, so that it can
 * go into the README as it is.
 */
final class RequestReport {

    private RequestReport() {
    }

    static String render(RequestBenchOptions options, String command, String when, String machine,
            List<RequestOutcome> outcomes) {
        var out = new StringBuilder();
        out.append("# Access-request benchmark, ").append(when).append("\n\n");
        out.append("- Command: `").append(command).append("`\n");
        out.append("- Clavis: `java -Xmx").append(options.clavisHeap()).append(" -jar ").append(options.clavisJar())
                .append("`, its embedded LDAP directory, `CLAVIS_PROVISIONING_RATE_LIMIT=0`, other settings default"
                        + " (4 provisioning workers); H2 is the embedded default, PostgreSQL a fresh database on"
                        + " 127.0.0.1:5432\n");
        out.append(String.format(Locale.ROOT, "- Load: %d concurrent HTTP clients (Java HttpClient, HTTP/1.1) in the"
                + " benchmark's JVM on the same machine; %,d bench people (in teams of %d with a manager each) added over"
                + " LDAP, each request made by its own beneficiary with their own token; the throughput run's requests"
                + " and the raw LDAP modifies go to %s, the expiring grants to %s%n",
                options.concurrency(), options.people(), RequestBenchOptions.TEAM_SIZE,
                options.groups() == 1 ? "one group" : options.groups() + " groups, taking turns",
                options.expiringGroups() == 1 ? "one group" : options.expiringGroups() + " groups, taking turns"));
        out.append("- Machine: ").append(machine).append("\n\n");
        out.append("| figure |");
        outcomes.forEach(o -> out.append(' ').append(o.database().label()).append(" |"));
        out.append(" target |\n| --- |");
        outcomes.forEach(o -> out.append(" ---: |"));
        out.append(" --- |\n");
        row(out, outcomes, "result", o -> o.succeeded() ? "ok" : "**stopped**", "");
        row(out, outcomes, "auto-approved requests granted", o -> count(o.throughput(), r -> r.granted() + " of " + r.asked()), "");
        row(out, outcomes, "requests submitted / s", o -> rate(o.throughput(), ThroughputRun.Result::submittedPerSecond), "");
        row(out, outcomes, "**requests granted / s** (first submit → last GRANTED)",
                o -> rate(o.throughput(), ThroughputRun.Result::grantedPerSecond), "≥ 500 / s on PostgreSQL");
        row(out, outcomes, "requests granted / s, first and last tenth", o -> count(o.throughput(), r -> String.format(
                Locale.ROOT, "%,.1f → %,.1f", r.firstTenthPerSecond(), r.lastTenthPerSecond())), "");
        row(out, outcomes, "submit → GRANTED p50 / p99", o -> count(o.throughput(), r -> r.endToEnd().p50AndP99()), "");
        row(out, outcomes, "submit call p50 / p99", o -> count(o.throughput(), r -> r.response().p50AndP99()), "");
        row(out, outcomes, "CPU ms per granted request: Clavis, PostgreSQL, benchmark", o -> count(o.throughput(),
                r -> String.format(Locale.ROOT, "%.1f, %s, %.1f", r.millisPerGrant(r.cpu().clavis()),
                        o.database() == Database.H2 ? "–" : String.format(Locale.ROOT, "%.1f", r.millisPerGrant(r.cpu().postgres())),
                        r.millisPerGrant(r.cpu().bench()))), "");
        row(out, outcomes, "of Clavis's CPU ms per granted request, its JIT compiler threads'", o -> count(o.throughput(),
                r -> String.format(Locale.ROOT, "%.1f", r.millisPerGrant(r.cpu().clavisCompiling()))), "");
        row(out, outcomes, "PostgreSQL's WAL flushes per granted request (pg_stat_wal, the whole server's)",
                o -> count(o.throughput(), r -> r.cpu().walFlushes().isEmpty() || r.granted() == 0 ? "–"
                        : String.format(Locale.ROOT, "%.2f", (double) r.cpu().walFlushes().getAsLong() / r.granted())), "");
        row(out, outcomes, "machine CPU busy during the throughput run", o -> count(o.throughput(),
                r -> String.format(Locale.ROOT, "%.0f %%", 100 * r.cpu().machineBusy())), "");
        row(out, outcomes, "approvals granted (decisions / s)", o -> count(o.approvals(),
                r -> r.granted() + " of " + r.asked() + String.format(Locale.ROOT, " (%.0f / s)", r.perSecond())), "");
        row(out, outcomes, "**approval answered → GRANTED p50 / p99**",
                o -> count(o.approvals(), r -> r.answerToGranted().p50AndP99()), "p99 ≤ 1 s");
        row(out, outcomes, "decidedAt → GRANTED p50 / p99", o -> count(o.approvals(), r -> r.decidedToGranted().p50AndP99()), "");
        row(out, outcomes, "decision call p50 / p99", o -> count(o.approvals(), r -> r.decisionCall().p50AndP99()), "");
        row(out, outcomes, "grants expiring together", o -> count(o.expiry(), RequestReport::expiring),
                String.format(Locale.ROOT, "%,d", options.expiring()));
        row(out, outcomes, "their expiresAt spread (first → last)", o -> count(o.expiry(), r -> r.firstExpiry() == null
                || r.lastExpiry() == null ? "–" : Latencies.seconds(Duration.between(r.firstExpiry(), r.lastExpiry()))), "");
        row(out, outcomes, "first expiry → all removals confirmed",
                o -> count(o.expiry(), r -> r.expiryToAllRemoved() == null ? "–" : Latencies.seconds(r.expiryToAllRemoved())), "");
        row(out, outcomes, "**removal lag p50 / p99** (removalConfirmedAt − expiresAt)",
                o -> count(o.expiry(), r -> r.lag().p50AndP99()), "p99 ≤ 5 s");
        row(out, outcomes, "Clavis membership adds / s (the throughput run)",
                o -> rate(o.throughput(), ThroughputRun.Result::grantedPerSecond), "");
        row(out, outcomes, "raw LDAP adds / s, deletes / s", o -> o.raw() == null ? "–" : String.format(Locale.ROOT,
                "%,.0f, %,.0f", o.raw().adds().perSecond(), o.raw().deletes().perSecond()), "");
        row(out, outcomes, "raw LDAP adds / s, first and last tenth", o -> o.raw() == null ? "–" : String.format(
                Locale.ROOT, "%,.0f → %,.0f", o.raw().adds().firstTenthPerSecond(), o.raw().adds().lastTenthPerSecond()), "");
        row(out, outcomes, "**Clavis ÷ raw LDAP adds**", o -> o.raw() == null || o.throughput() == null ? "–"
                : String.format(Locale.ROOT, "%.1f %%", 100 * o.clavisShareOfRawLdap()), "");
        out.append('\n');
        for (RequestOutcome outcome : outcomes) {
            notes(out, outcome);
        }
        return out.toString();
    }

    private static void notes(StringBuilder out, RequestOutcome outcome) {
        out.append("- ").append(outcome.database().label()).append(": ");
        if (outcome.problem() != null) {
            out.append("**").append(outcome.problem()).append("**; ");
        }
        var setup = outcome.setup();
        out.append(String.format(Locale.ROOT, "setup: %,d people added over LDAP in %s, synced in %s, tokens made in %s",
                setup.people(), Latencies.seconds(setup.seeding()), Latencies.seconds(setup.sync()),
                Latencies.seconds(setup.tokens())));
        if (outcome.warmup() != null) {
            out.append(String.format(Locale.ROOT, "; warm-up: %,d requests at %.1f granted / s",
                    outcome.warmup().granted(), outcome.warmup().grantedPerSecond()));
        }
        if (outcome.raw() != null) {
            out.append(String.format(Locale.ROOT, "; raw LDAP: %,d adds and %,d deletes", outcome.raw().adds().count(),
                    outcome.raw().deletes().count()));
        }
        ExpiryRun.Result expiry = outcome.expiry();
        if (expiry != null) {
            out.append(String.format(Locale.ROOT, "; expiring grants made in %s to expire at %s",
                    Latencies.seconds(expiry.creation()), expiry.target()));
        }
        out.append("; logs `").append(outcome.files().clavisLog().getFileName()).append("`, `")
                .append(outcome.files().gcLog().getFileName()).append('`');
        if (outcome.flightRecording() != null) {
            out.append(", flight recording `").append(outcome.flightRecording().getFileName()).append('`');
        }
        out.append('\n');
        problems(out, "throughput", outcome.throughput() == null ? List.of() : outcome.throughput().problems());
        problems(out, "approvals", outcome.approvals() == null ? List.of() : outcome.approvals().problems());
        problems(out, "expiry", expiry == null ? List.of() : expiry.problems());
    }

    private static String expiring(ExpiryRun.Result expiry) {
        String text = String.format(Locale.ROOT, "%,d", expiry.removed());
        if (expiry.planned() < expiry.wanted()) {
            text += String.format(Locale.ROOT, " (reduced from %,d to fit the budget)", expiry.wanted());
        }
        return text;
    }

    private static void problems(StringBuilder out, String run, List<String> problems) {
        for (String problem : problems) {
            out.append("  - ").append(run).append(": ").append(problem).append('\n');
        }
    }

    private static void row(StringBuilder out, List<RequestOutcome> outcomes, String figure,
            Function<RequestOutcome, String> value, String target) {
        out.append("| ").append(figure).append(" |");
        outcomes.forEach(o -> out.append(' ').append(value.apply(o)).append(" |"));
        out.append(' ').append(target).append(" |\n");
    }

    private static <T> String count(@Nullable T result, Function<T, String> value) {
        return result == null ? "–" : value.apply(result);
    }

    private static <T> String rate(@Nullable T result, java.util.function.ToDoubleFunction<T> rate) {
        return result == null ? "–" : String.format(Locale.ROOT, "%,.1f", rate.applyAsDouble(result));
    }
}
