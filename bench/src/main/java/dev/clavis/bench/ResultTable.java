package dev.clavis.bench;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The report: what was run, where, and one row per database. Markdown, so it can go into the README as is. */
final class ResultTable {

    private static final long MIB = 1024 * 1024;

    private ResultTable() {
    }

    /**
     * @param when the start of the benchmark, as it should be read ({@code 2025-11-25 17:40 UTC})
     * @param seeded how long the directory took to fill
     */
    static String render(BenchOptions options, String command, String when, String machine, Duration seeded,
            List<Outcome> outcomes) {
        var out = new StringBuilder();
        out.append("# Directory sync benchmark, ").append(when).append("\n\n");
        out.append("- Command: `").append(command).append("`\n");
        out.append(String.format(Locale.ROOT, "- Directory: %,d people, %,d groups, %,d memberships"
                + " (synthetic, embedded directory, seeded in %.1f s)%n",
                options.people(), options.groups(), options.memberships(), seeded.toMillis() / 1000.0));
        out.append("- Clavis: `java -Xmx").append(options.clavisHeap()).append(" -jar ").append(options.clavisJar())
                .append("`, LDAP connector defaults\n");
        out.append("- Machine: ").append(machine).append("\n\n");
        out.append("| database | result | people | groups | memberships | first sync | second sync (unchanged)"
                + " | changes in second sync | max heap used (sampled) | max heap after GC | max heap before GC"
                + " | GC pauses (full) |\n");
        out.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Outcome outcome : outcomes) {
            SyncRecord first = outcome.first();
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %d (%d) |%n",
                    outcome.database().label(),
                    outcome.succeeded() ? "ok" : "FAILED",
                    first == null ? "–" : String.format(Locale.ROOT, "%,d", first.peopleRead()),
                    first == null ? "–" : String.format(Locale.ROOT, "%,d", first.groupsRead()),
                    first == null ? "–" : String.format(Locale.ROOT, "%,d", first.membershipsRead()),
                    duration(first),
                    duration(outcome.second()),
                    outcome.second() == null ? "–" : String.format(Locale.ROOT, "%,d", outcome.second().changes()),
                    mib(outcome.sampledMaxBytes()),
                    mib(outcome.gc().maxAfterBytes()),
                    mib(outcome.gc().maxBeforeBytes()),
                    outcome.gc().pauses(),
                    outcome.gc().fullPauses()));
        }
        out.append('\n');
        for (Outcome outcome : outcomes) {
            out.append("- ").append(outcome.database().label()).append(": ");
            if (outcome.problem() != null) {
                out.append("**").append(outcome.problem()).append("**; ");
            }
            out.append(String.format(Locale.ROOT, "the directory's JVM used %.1f s of CPU during the first sync"
                    + " (from Clavis's start), %.1f s during the second; ", outcome.directoryCpuFirst().toMillis() / 1000.0,
                    outcome.directoryCpuSecond().toMillis() / 1000.0));
            out.append(outcome.samples()).append(" heap samples; collector ").append(outcome.gc().collector())
                    .append("; logs `").append(outcome.files().clavisLog().getFileName()).append("`, `")
                    .append(outcome.files().gcLog().getFileName()).append("`\n");
        }
        return out.toString();
    }

    private static String duration(@Nullable SyncRecord sync) {
        return sync == null ? "–" : String.format(Locale.ROOT, "%.1f s", sync.durationMs() / 1000.0);
    }

    private static String mib(long bytes) {
        return bytes == 0 ? "–" : String.format(Locale.ROOT, "%,d MiB", bytes / MIB);
    }
}
