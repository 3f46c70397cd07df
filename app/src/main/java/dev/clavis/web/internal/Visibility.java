package dev.clavis.web.internal;

import dev.clavis.platform.NotFoundException;
import dev.clavis.request.AccessRequestView;
import dev.clavis.request.AccessRequests;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Who may see a request on the console: its requester, its beneficiary, its approvers and admins. */
final class Visibility {

    private Visibility() {}

    /** Another person's request answers 404, as if it did not exist: ids are not secrets, but contents are. */
    static AccessRequestView visibleTo(AccessRequests requests, WebUser me, UUID id) {
        AccessRequestView view;
        try {
            view = requests.get(id);
        } catch (NotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        boolean mine = view.requester().id().equals(me.personId()) || view.beneficiary().id().equals(me.personId());
        boolean approver = view.approvals().stream().flatMap(s -> s.approvers().stream()).anyMatch(p -> p.id().equals(me.personId()));
        if (!mine && !approver && !me.admin()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return view;
    }

    /** Whether the request's current stage waits for my decision. */
    static boolean awaits(AccessRequestView view, WebUser me) {
        return view.approvals().stream()
                .filter(stage -> "WAITING".equals(stage.status()))
                .anyMatch(stage -> stage.approvers().stream().anyMatch(p -> p.id().equals(me.personId()))
                        && stage.decisions().stream().noneMatch(d -> d.decidedBy().id().equals(me.personId())));
    }
}
