package dev.clavis.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a JVM's unified GC log ({@code -Xlog:gc*}) says about heap use: every pause line carries the heap
 * used before and after it ({@code Pause Young (Normal) (G1 Evacuation Pause) 612M->148M(1024M) 9.1ms}).
 * The largest "after" is an upper bound on the live data at its largest (a young pause leaves the old
 * generation's garbage in place); the largest "before" is the most heap ever in use.
 *
 * @param collector the collector the JVM chose, as its log names it
 * @param pauses the number of pauses with a heap figure
 * @param fullPauses how many of them were full collections, the sign of a heap too small for the work
 */
record GcLog(String collector, long maxBeforeBytes, long maxAfterBytes, int pauses, int fullPauses) {

    private static final Pattern PAUSE = Pattern.compile("(Pause .*?) (\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");
    private static final Pattern USING = Pattern.compile("\\] Using (.+)$");

    static GcLog read(Path file) throws IOException {
        return parse(Files.exists(file) ? Files.readAllLines(file) : List.of());
    }

    static GcLog parse(List<String> lines) {
        String collector = "unknown";
        long before = 0;
        long after = 0;
        int pauses = 0;
        int full = 0;
        for (String line : lines) {
            Matcher using = USING.matcher(line);
            if (using.find()) {
                collector = using.group(1);
            }
            Matcher pause = PAUSE.matcher(line);
            if (pause.find()) {
                pauses++;
                if (pause.group(1).startsWith("Pause Full")) {
                    full++;
                }
                before = Math.max(before, bytes(pause.group(2), pause.group(3)));
                after = Math.max(after, bytes(pause.group(4), pause.group(5)));
            }
        }
        return new GcLog(collector, before, after, pauses, full);
    }

    private static long bytes(String amount, String unit) {
        long value = Long.parseLong(amount);
        return switch (unit) {
            case "K" -> value << 10;
            case "M" -> value << 20;
            default -> value << 30;
        };
    }
}
