package dev.clavis.web.internal;

import dev.clavis.catalog.AccessDuration;
import dev.clavis.catalog.Catalog;
import dev.clavis.catalog.CatalogService;
import dev.clavis.request.AccessRequestView;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** One request's page: its facts, its stages and decisions, its timeline, and what I may do with it. */
@Component
class RequestPage {

    private final CatalogService catalog;
    private final Clock clock;

    RequestPage(CatalogService catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    /** A timeline entry with its time as people read it and as {@code <time datetime>} wants it. */
    record Moment(String at, String iso, String kind, String detail) {}

    /** @param refusal why what was just tried on the request (a cancel, a decision) was refused, if it was */
    String render(AccessRequestView view, WebUser me, @Nullable Refusal refusal, Model model) {
        var now = clock.instant();
        Catalog current = catalog.current();
        model.addAttribute("me", me);
        model.addAttribute("request", view);
        model.addAttribute("what", CatalogNames.of(current, view.app(), view.role()));
        model.addAttribute("risk", current.role(view.app(), view.role()).map(r -> r.risk().value()).orElse("unknown"));
        model.addAttribute("duration", AccessDuration.describe(view.duration()));
        model.addAttribute("asked", TimeText.absolute(view.createdAt()) + " (" + TimeText.ago(view.createdAt(), now) + ")");
        model.addAttribute("timeline", view.timeline().stream()
                .map(t -> new Moment(TimeText.absolute(t.at()), t.at().toString(), t.kind(), t.detail())).toList());
        model.addAttribute("canDecide", Visibility.awaits(view, me));
        model.addAttribute("canCancel", "PENDING_APPROVAL".equals(view.status()) && view.requester().id().equals(me.personId()));
        model.addAttribute("refusal", refusal);
        return "web/request";
    }
}
