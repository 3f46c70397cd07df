package dev.clavis.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GcLogTest {

    @Test
    void largestHeapBeforeAndAfterAnyPauseAreTheFigures() {
        GcLog log = GcLog.parse(List.of(
                "[0.008s][info][gc] Using G1",
                "[0.427s][info][gc,start    ] GC(0) Pause Young (Normal) (G1 Evacuation Pause)",
                "[0.431s][info][gc          ] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 18M->2M(380M) 4.348ms",
                "[2.364s][info][gc          ] GC(4) Pause Remark 615M->415M(1024M) 2.614ms",
                "[9.100s][info][gc          ] GC(9) Pause Full (G1 Compaction Pause) 1020M->700M(1024M) 812.1ms",
                "[9.200s][info][gc,heap,exit] garbage-first heap   total 1048576K, used 2000000K"));

        assertThat(log).isEqualTo(new GcLog("G1", 1020L << 20, 700L << 20, 3, 1));
    }

    @Test
    void aMissingOrEmptyLogMeasuresNothing() {
        assertThat(GcLog.parse(List.of())).isEqualTo(new GcLog("unknown", 0, 0, 0, 0));
    }
}
