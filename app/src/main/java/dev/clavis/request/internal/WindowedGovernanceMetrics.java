package dev.clavis.request.internal;

import dev.clavis.grant.GrantFigures;
import dev.clavis.grant.Grants;
import dev.clavis.request.GovernanceMetrics;
import dev.clavis.request.RequestFigures;
import dev.clavis.request.RequestFigures.TimeToAccess;
import java.time.Clock;
import org.springframework.stereotype.Component;

/** Requests over the last {@link #WINDOW}, grants as they stand now. */
@Component
class WindowedGovernanceMetrics implements GovernanceMetrics {

    private final RequestFigures requests;
    private final Grants grants;
    private final Clock clock;

    WindowedGovernanceMetrics(RequestFigures requests, Grants grants, Clock clock) {
        this.requests = requests;
        this.grants = grants;
        this.clock = clock;
    }

    @Override
    public Summary summary() {
        TimeToAccess granted = requests.grantedSince(clock.instant().minus(WINDOW));
        GrantFigures figures = grants.figures();
        return new Summary(granted.automationRate(), granted.granted(), granted.p50(), granted.p95(), figures.activeGrants(),
                figures.standingPrivilegedGrants(), figures.revocationLagP95());
    }
}
