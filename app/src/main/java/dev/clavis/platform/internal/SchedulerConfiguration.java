package dev.clavis.platform.internal;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import dev.clavis.platform.SqlDialect;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * db-scheduler: cluster-safe recurring and one-time tasks kept in the database, so a task scheduled
 * before a crash still runs after it. Modules contribute tasks as beans. PostgreSQL polls with
 * lock-and-fetch ({@code SKIP LOCKED}); H2 fetches and locks on execute ({@link SqlDialect}).
 * The scheduler's data source takes part in Spring transactions: a task scheduled inside one (a
 * reminder, a sync) exists exactly when that transaction commits.
 */
@Configuration(proxyBeanMethods = false)
class SchedulerConfiguration {

    /**
     * Executions fetched per poll, per thread. Measured when each grant's expiry was an execution of its own:
     * three per thread with eight threads removed a wave of 10,000 a third faster than one per thread with
     * four (README, Performance). Reminders are still one execution per grant.
     */
    private static final double FETCH_PER_THREAD = 3.0;

    @Bean(destroyMethod = "")
    Scheduler scheduler(DataSource dataSource, SqlDialect dialect, ObjectProvider<Task<?>> tasks,
            @Value("${clavis.scheduler.threads:8}") int threads) {
        List<Task<?>> all = tasks.orderedStream().toList();
        List<Task<?>> oneTime = all.stream().filter(t -> !(t instanceof RecurringTask<?>)).toList();
        List<RecurringTask<?>> recurring = all.stream()
                .filter(t -> t instanceof RecurringTask<?>)
                .<RecurringTask<?>>map(t -> (RecurringTask<?>) t)
                .toList();
        var builder = Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), oneTime)
                .startTasks(recurring)
                .threads(threads)
                .pollingInterval(Duration.ofMillis(500))
                .heartbeatInterval(Duration.ofSeconds(10))
                .tableName("scheduled_tasks");
        builder = dialect.skipLocked()
                ? builder.pollUsingLockAndFetch(0.5, FETCH_PER_THREAD)
                : builder.pollUsingFetchAndLockOnExecute(0.5, FETCH_PER_THREAD);
        return builder.build();
    }

    @Bean
    SmartLifecycle schedulerLifecycle(Scheduler scheduler) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                scheduler.start();
                running = true;
            }

            @Override
            public void stop() {
                scheduler.stop();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }
}
