package dev.clavis.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clavis.web.internal.LineDiff.Kind;
import dev.clavis.web.internal.LineDiff.Line;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LineDiffTest {

    @Test
    void aChangedLineIsOneRemovedAndOneAddedWithTheirLineNumbers() {
        List<Line> diff = LineDiff.all(List.of("a", "b", "c"), List.of("a", "B", "c"));

        assertThat(diff).containsExactly(
                new Line(Kind.SAME, 1, 1, "a"),
                new Line(Kind.REMOVED, 2, 0, "b"),
                new Line(Kind.ADDED, 0, 2, "B"),
                new Line(Kind.SAME, 3, 3, "c"));
    }

    @Test
    void insertedAndDeletedLinesKeepTheRestAligned() {
        List<Line> diff = LineDiff.all(List.of("x", "a", "b", "c"), List.of("a", "b", "new", "c"));

        assertThat(diff).containsExactly(
                new Line(Kind.REMOVED, 1, 0, "x"),
                new Line(Kind.SAME, 2, 1, "a"),
                new Line(Kind.SAME, 3, 2, "b"),
                new Line(Kind.ADDED, 0, 3, "new"),
                new Line(Kind.SAME, 4, 4, "c"));
    }

    @Test
    void unchangedStretchesFarFromAChangeBecomeGaps() {
        String before = IntStream.rangeClosed(1, 40).mapToObj(i -> "line " + i).collect(Collectors.joining("\n"));
        String after = before.replace("line 20\n", "line twenty\n");

        List<Line> diff = LineDiff.between(before, after);

        assertThat(diff.get(0)).isEqualTo(new Line(Kind.GAP, 0, 0, "16 unchanged lines"));
        assertThat(diff.stream().filter(l -> l.kind() == Kind.SAME)).hasSize(2 * LineDiff.CONTEXT);
        assertThat(diff).contains(new Line(Kind.REMOVED, 20, 0, "line 20"), new Line(Kind.ADDED, 0, 20, "line twenty"));
        assertThat(diff.get(diff.size() - 1)).isEqualTo(new Line(Kind.GAP, 0, 0, "17 unchanged lines"));
    }

    @Test
    void theSameTextHasNoDiffWhateverItsLineEndings() {
        List<Line> diff = LineDiff.between("apps:\r\n  - id: a\r\n", "apps:\n  - id: a\n");

        assertThat(diff).isEmpty();
        assertThat(LineDiff.changed(diff)).isFalse();
    }
}
