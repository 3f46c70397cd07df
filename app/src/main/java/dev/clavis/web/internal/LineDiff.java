package dev.clavis.web.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff of two texts, as a reviewer reads it: changed lines with a few unchanged lines around
 * them, and the unchanged stretches between shown as a gap. Common leading and trailing lines are
 * matched first, so a small edit to a large catalog costs little; the rest is a longest common
 * subsequence, unless that middle is too large to compare in memory, in which case it is shown as
 * removed and added whole.
 */
final class LineDiff {

    static final int CONTEXT = 3;
    private static final long MAX_CELLS = 4_000_000;

    enum Kind { SAME, ADDED, REMOVED, GAP }

    /** @param before line number in the old text, 0 when the line is not in it; likewise {@code after} */
    record Line(Kind kind, int before, int after, String text) {}

    private LineDiff() {}

    static List<Line> between(String oldText, String newText) {
        return withContext(all(lines(oldText), lines(newText)));
    }

    static boolean changed(List<Line> diff) {
        return diff.stream().anyMatch(line -> line.kind() == Kind.ADDED || line.kind() == Kind.REMOVED);
    }

    static List<Line> all(List<String> a, List<String> b) {
        int start = 0;
        while (start < a.size() && start < b.size() && a.get(start).equals(b.get(start))) {
            start++;
        }
        int endA = a.size();
        int endB = b.size();
        while (endA > start && endB > start && a.get(endA - 1).equals(b.get(endB - 1))) {
            endA--;
            endB--;
        }
        var out = new ArrayList<Line>();
        for (int i = 0; i < start; i++) {
            out.add(new Line(Kind.SAME, i + 1, i + 1, a.get(i)));
        }
        middle(a, b, start, endA, endB, out);
        for (int i = endA, j = endB; i < a.size(); i++, j++) {
            out.add(new Line(Kind.SAME, i + 1, j + 1, a.get(i)));
        }
        return out;
    }

    private static void middle(List<String> a, List<String> b, int start, int endA, int endB, List<Line> out) {
        int n = endA - start;
        int m = endB - start;
        if ((long) n * m > MAX_CELLS) {
            for (int i = start; i < endA; i++) {
                out.add(new Line(Kind.REMOVED, i + 1, 0, a.get(i)));
            }
            for (int j = start; j < endB; j++) {
                out.add(new Line(Kind.ADDED, 0, j + 1, b.get(j)));
            }
            return;
        }
        // common[i][j]: the longest common subsequence of a[start+i..endA) and b[start+j..endB)
        int[][] common = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                common[i][j] = a.get(start + i).equals(b.get(start + j))
                        ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(start + i).equals(b.get(start + j))) {
                out.add(new Line(Kind.SAME, start + i + 1, start + j + 1, a.get(start + i)));
                i++;
                j++;
            } else if (i < n && (j == m || common[i + 1][j] >= common[i][j + 1])) {
                // Removals first: a changed line reads as the old one, then the new one.
                out.add(new Line(Kind.REMOVED, start + i + 1, 0, a.get(start + i)));
                i++;
            } else {
                out.add(new Line(Kind.ADDED, 0, start + j + 1, b.get(start + j)));
                j++;
            }
        }
    }

    /** Keeps changed lines and {@link #CONTEXT} unchanged lines on each side; each longer stretch becomes one gap. */
    static List<Line> withContext(List<Line> all) {
        boolean[] keep = new boolean[all.size()];
        for (int k = 0; k < all.size(); k++) {
            if (all.get(k).kind() != Kind.SAME) {
                for (int c = Math.max(0, k - CONTEXT); c <= Math.min(all.size() - 1, k + CONTEXT); c++) {
                    keep[c] = true;
                }
            }
        }
        var out = new ArrayList<Line>();
        int skipped = 0;
        for (int k = 0; k < all.size(); k++) {
            if (keep[k]) {
                if (skipped > 0) {
                    out.add(gap(skipped));
                    skipped = 0;
                }
                out.add(all.get(k));
            } else {
                skipped++;
            }
        }
        if (skipped > 0 && !out.isEmpty()) {
            out.add(gap(skipped));
        }
        return out;
    }

    private static Line gap(int lines) {
        return new Line(Kind.GAP, 0, 0, lines + (lines == 1 ? " unchanged line" : " unchanged lines"));
    }

    private static List<String> lines(String text) {
        String normalised = text.replace("\r\n", "\n");
        if (normalised.isEmpty()) {
            return List.of();
        }
        return List.of(normalised.split("\n", -1));
    }
}
