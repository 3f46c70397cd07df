package dev.clavis.bench;

import java.util.ArrayList;
import java.util.List;

/** What went wrong in a run, for its report. */
final class Problems {

    private static final int SHOWN = 5;

    private Problems() {
    }

    /** The first few: a thousand copies of the same problem say no more than five. */
    static List<String> sample(Iterable<String> problems) {
        var sample = new ArrayList<String>();
        int total = 0;
        for (String problem : problems) {
            total++;
            if (sample.size() < SHOWN) {
                sample.add(problem);
            }
        }
        if (total > sample.size()) {
            sample.add("… and " + (total - sample.size()) + " more");
        }
        return sample;
    }
}
