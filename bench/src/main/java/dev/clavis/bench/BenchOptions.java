package dev.clavis.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What to measure, from {@code --name=value} (or {@code --name value}) arguments. The defaults are the
 * size the requirement names: 100,000 people, 20,000 groups, 1,000,000 memberships, on H2 and PostgreSQL,
 * with Clavis given 1 GB of heap.
 *
 * @param timeout how long one Clavis run (start, first sync, second sync) may take before it is stopped
 */
record BenchOptions(int people, int groups, long memberships, List<Database> databases, Path clavisJar,
        String clavisHeap, Duration timeout, Path resultsDir) {

    static final String USAGE = """
            usage: bench/sync.sh [--people=100000] [--groups=20000] [--memberships=1000000]
                                 [--databases=h2,postgresql] [--clavis-heap=1g] [--timeout=PT30M]
                                 [--clavis-jar=app/target/clavis.jar] [--results=bench/results]""";

    static BenchOptions parse(String... args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            int equals = arg.indexOf('=');
            if (equals > 0) {
                values.put(arg.substring(2, equals), arg.substring(equals + 1));
            } else if (i + 1 < args.length) {
                values.put(arg.substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException(arg + " needs a value");
            }
        }
        var options = new BenchOptions(
                (int) number(values.remove("people"), 100_000),
                (int) number(values.remove("groups"), 20_000),
                number(values.remove("memberships"), 1_000_000),
                Arrays.stream(values.getOrDefault("databases", "h2,postgresql").split(",")).map(Database::parse).toList(),
                Path.of(values.getOrDefault("clavis-jar", "app/target/clavis.jar")),
                values.getOrDefault("clavis-heap", "1g"),
                Duration.parse(values.getOrDefault("timeout", "PT30M")),
                Path.of(values.getOrDefault("results", "bench/results")));
        values.keySet().removeAll(List.of("databases", "clavis-jar", "clavis-heap", "timeout", "results"));
        if (!values.isEmpty()) {
            throw new IllegalArgumentException("unknown option --" + values.keySet().iterator().next());
        }
        return options;
    }

    /** Accepts {@code 100000} and {@code 100_000}. */
    private static long number(@Nullable String value, long otherwise) {
        return value == null ? otherwise : Long.parseLong(value.replace("_", ""));
    }
}
