package dev.clavis.grant.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.clavis.directory.DirectorySynced;
import dev.clavis.provisioning.MembershipOperation;
import dev.clavis.provisioning.MembershipTask;
import dev.clavis.provisioning.ProvisioningQueue;
import java.time.Clock;
import java.util.ArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes the directory match the grants, level-triggered: after every sync and on a schedule. A grant
 * whose membership went missing is provisioned again; a membership of an exclusive role's group that
 * no grant explains is removed. Other unexplained memberships are only reported (GET /api/v1/drift):
 * Clavis does not take away access it did not give unless the catalog says the group is its alone.
 */
@Component
class DriftReconciler {

    private static final Logger log = LoggerFactory.getLogger(DriftReconciler.class);

    private final Drift drift;
    private final GrantStore store;
    private final ProvisioningQueue provisioning;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DriftReconciler(Drift drift, GrantStore store, ProvisioningQueue provisioning, TransactionTemplate transactions, Clock clock) {
        this.drift = drift;
        this.store = store;
        this.provisioning = provisioning;
        this.transactions = transactions;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(DirectorySynced synced) {
        reconcile();
    }

    void reconcile() {
        transactions.executeWithoutResult(tx -> {
            var report = drift.report();
            var tasks = new ArrayList<MembershipTask>();
            for (var missing : report.missing()) {
                store.membershipState(missing.grantId(), missing.group(), "ADDING", "missing from the directory: added again", clock.instant());
                tasks.add(new MembershipTask(MembershipOperation.ADD, missing.group(), missing.personId(), GrantReference.of(missing.grantId())));
            }
            for (var unexplained : report.unexplained()) {
                if (unexplained.exclusive()) {
                    tasks.add(new MembershipTask(MembershipOperation.REMOVE, unexplained.group(), unexplained.personId(),
                            "drift:" + unexplained.group()));
                }
            }
            provisioning.enqueue(tasks);
            if (!tasks.isEmpty()) {
                log.info("Drift: {} membership(s) provisioned again, {} removed from exclusive groups, {} reported",
                        report.missing().size(), tasks.size() - report.missing().size(), report.unexplained().size());
            }
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class Jobs {

        @Bean
        RecurringTask<Void> grantDriftReconcileJob(DriftReconciler reconciler, GrantSettings settings) {
            return Tasks.recurring("grant-drift-reconcile", FixedDelay.of(settings.reconcileInterval()))
                    .execute((instance, context) -> reconciler.reconcile());
        }
    }
}
