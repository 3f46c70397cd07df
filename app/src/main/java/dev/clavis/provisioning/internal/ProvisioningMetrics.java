package dev.clavis.provisioning.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * The metrics to alert on: failures as they happen, failed tasks on record, and the backlog. The
 * gauges count rows at each scrape, so every instance reports the whole queue.
 */
@Component
class ProvisioningMetrics {

    private final Counter failed;

    ProvisioningMetrics(MeterRegistry registry, JdbcTasks tasks) {
        this.failed = Counter.builder("clavis.provisioning.failed")
                .description("Membership changes given up by this instance")
                .register(registry);
        Gauge.builder("clavis.provisioning.failed.open", tasks, JdbcTasks::countFailed)
                .description("Membership changes given up (status FAILED) within CLAVIS_PROVISIONING_RETENTION")
                .register(registry);
        Gauge.builder("clavis.provisioning.pending", tasks, JdbcTasks::countUnfinished)
                .description("Membership changes queued and not yet confirmed or given up")
                .register(registry);
    }

    void failed() {
        failed.increment();
    }
}
