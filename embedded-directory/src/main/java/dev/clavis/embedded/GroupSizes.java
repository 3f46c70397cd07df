package dev.clavis.embedded;

/** How many members each synthetic group gets: a power law that adds up exactly. */
final class GroupSizes {

    private GroupSizes() {
    }

    /**
     * Sizes proportional to 1/(rank+1), each between 1 and {@code people}, summing to
     * {@code memberships}. The caller has checked that such sizes exist.
     */
    static int[] distribute(int people, int groups, long memberships) {
        int[] sizes = new int[groups];
        if (groups == 0) {
            return sizes;
        }
        double harmonic = 0;
        for (int i = 0; i < groups; i++) {
            harmonic += 1.0 / (i + 1);
        }
        long total = 0;
        for (int i = 0; i < groups; i++) {
            long share = (long) Math.floor(memberships / harmonic / (i + 1));
            sizes[i] = (int) Math.max(1, Math.min(people, share));
            total += sizes[i];
        }
        // Rounding and the bounds leave a difference; spread it one member at a time, largest groups first.
        long difference = memberships - total;
        while (difference > 0) {
            for (int i = 0; i < groups && difference > 0; i++) {
                if (sizes[i] < people) {
                    sizes[i]++;
                    difference--;
                }
            }
        }
        while (difference < 0) {
            for (int i = 0; i < groups && difference < 0; i++) {
                if (sizes[i] > 1) {
                    sizes[i]--;
                    difference++;
                }
            }
        }
        return sizes;
    }
}
