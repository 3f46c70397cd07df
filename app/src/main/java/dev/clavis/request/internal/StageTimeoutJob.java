package dev.clavis.request.internal;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.clavis.catalog.Approval;
import dev.clavis.catalog.CatalogService;
import dev.clavis.request.RequestEvents.ApprovalEscalated;
import dev.clavis.request.RequestStatus;
import java.time.Clock;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A stage that waited past its timeout escalates to the next fallback (app owners, then admins); the
 * requester learns of it from the event. A timeout for a stage already decided does nothing.
 */
@Configuration(proxyBeanMethods = false)
class StageTimeoutJob {

    @Bean
    OneTimeTask<Void> requestStageTimeoutJob(RequestStore store, RequestRouting routing, CatalogService catalog,
            ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
        return Tasks.oneTime(RequestRouting.STAGE_TIMEOUT).execute((instance, context) -> transactions.executeWithoutResult(tx -> {
            String[] parts = instance.getId().split(":");
            UUID requestId = UUID.fromString(parts[0]);
            int stage = Integer.parseInt(parts[1]);
            int escalation = Integer.parseInt(parts[2]);
            store.lock(requestId)
                    .filter(r -> r.status() == RequestStatus.PENDING_APPROVAL && Integer.valueOf(stage).equals(r.currentStage()))
                    .filter(r -> store.stage(requestId, stage).map(s -> s.escalation() == escalation).orElse(false))
                    .ifPresent(request -> {
                        var app = catalog.current().app(request.appId()).orElse(null);
                        var role = app == null ? null : app.role(request.roleId()).orElse(null);
                        if (app == null || role == null || !(role.approval() instanceof Approval.Stages stages)
                                || escalation >= ApproverResolver.ADMINS) {
                            store.timeline(requestId, "stage.timeout", "Stage " + (stage + 1)
                                    + " timed out with no further fallback; it keeps waiting", clock.instant());
                            return;
                        }
                        store.timeline(requestId, "stage.timeout", "Stage " + (stage + 1) + " timed out; escalating", clock.instant());
                        routing.openStage(request, app, stages.stages().get(stage), stage, escalation + 1);
                        events.publishEvent(new ApprovalEscalated(requestId, stage, escalation + 1,
                                "stage " + (stage + 1) + " timed out", store.approvers(requestId, stage)));
                    });
        }));
    }
}
