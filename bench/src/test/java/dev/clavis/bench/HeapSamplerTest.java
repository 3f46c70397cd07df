package dev.clavis.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeapSamplerTest {

    @Test
    void heapUsedIsTheSumOfTheHeapPoolsOnly() {
        String prometheus = """
                # HELP jvm_memory_used_bytes The amount of used memory
                # TYPE jvm_memory_used_bytes gauge
                jvm_memory_used_bytes{application="clavis",area="heap",id="G1 Eden Space"} 1.048576E7
                jvm_memory_used_bytes{application="clavis",area="heap",id="G1 Old Gen"} 2.097152E7
                jvm_memory_used_bytes{application="clavis",area="heap",id="G1 Survivor Space"} 1048576.0
                jvm_memory_used_bytes{application="clavis",area="nonheap",id="Metaspace"} 9.9E7
                jvm_memory_max_bytes{application="clavis",area="heap",id="G1 Old Gen"} 1.073741824E9
                """;

        assertThat(HeapSampler.heapUsed(prometheus)).isEqualTo(31L << 20);
    }
}
