package dev.clavis.web.internal;

import dev.clavis.catalog.AccessDuration;
import dev.clavis.catalog.Catalog;
import dev.clavis.catalog.CatalogService;
import dev.clavis.catalog.Risk;
import dev.clavis.catalog.Role;
import dev.clavis.directory.Directory;
import dev.clavis.directory.Person;
import dev.clavis.grant.Grant;
import dev.clavis.grant.Grants;
import dev.clavis.request.AccessRequestView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Puts together inbox items: the request, the beneficiary as the directory knows them (department,
 * title, manager) and their access to the same app. One read of grants per person waiting; the inbox
 * shows a bounded number of items.
 */
@Component
class InboxItems {

    private final CatalogService catalog;
    private final Directory directory;
    private final Grants grants;
    private final Clock clock;

    InboxItems(CatalogService catalog, Directory directory, Grants grants, Clock clock) {
        this.catalog = catalog;
        this.directory = directory;
        this.grants = grants;
        this.clock = clock;
    }

    /** The beneficiaries and their managers are read together, two reads for the whole inbox. */
    List<InboxItem> of(List<AccessRequestView> waiting) {
        Map<UUID, Person> beneficiaries = directory.people(waiting.stream().map(r -> r.beneficiary().id()).toList());
        Map<UUID, Person> managers = directory.people(beneficiaries.values().stream().map(Person::managerId)
                .filter(Objects::nonNull).toList());
        Catalog current = catalog.current();
        Instant now = clock.instant();
        // one person often waits on several requests: their grants are read once
        Map<UUID, List<Grant>> grantsOf = new HashMap<>();
        return waiting.stream().map(request -> {
            Optional<Person> beneficiary = Optional.ofNullable(beneficiaries.get(request.beneficiary().id()));
            Optional<Person> manager = beneficiary.map(Person::managerId).map(managers::get);
            List<Grant> held = grantsOf.computeIfAbsent(request.beneficiary().id(), grants::inEffectFor);
            return item(request, beneficiary, manager, held, current, now);
        }).toList();
    }

    private InboxItem item(AccessRequestView request, Optional<Person> beneficiary, Optional<Person> manager, List<Grant> held,
            Catalog current, Instant now) {
        Optional<Role> role = current.role(request.app(), request.role());
        Instant since = waitingSince(request);
        List<String> access = held.stream()
                .filter(g -> g.role().appId().equals(request.app()))
                .map(g -> describe(g, current, now))
                .toList();
        return new InboxItem(request, CatalogNames.of(current, request.app(), request.role()),
                role.map(r -> r.risk().value()).orElse("unknown"), role.map(r -> r.risk() == Risk.LOW).orElse(false),
                AccessDuration.describe(request.duration()), stage(request),
                TimeText.span(Duration.between(since, now.isAfter(since) ? now : since)), TimeText.absolute(since),
                beneficiary.map(Person::department).orElse(null), beneficiary.map(Person::title).orElse(null),
                manager.map(Person::displayName).orElse(null), access);
    }

    /** The current stage opened when the timeline last says so; a request not yet staged waits since it was made. */
    private static Instant waitingSince(AccessRequestView request) {
        Instant since = request.createdAt();
        for (AccessRequestView.TimelineEntry entry : request.timeline()) {
            if (entry.kind().equals("stage.opened")) {
                since = entry.at();
            }
        }
        return since;
    }

    private static String stage(AccessRequestView request) {
        return request.approvals().stream().filter(s -> "WAITING".equals(s.status())).findFirst()
                .map(s -> "stage " + s.stage() + " of " + request.approvals().size() + ": " + s.rule()
                        + (s.escalation() == 0 ? "" : s.escalation() == 1 ? " (fell to the app owners)" : " (fell to the admins)"))
                .orElse(request.status());
    }

    private static String describe(Grant grant, Catalog current, Instant now) {
        String role = CatalogNames.role(current, grant.role());
        if (grant.expiresAt() != null) {
            return role + " (expires " + TimeText.countdown(grant.expiresAt(), now) + ")";
        }
        return role + (grant.status().name().equals("PENDING") ? " (being granted)" : " (permanent)");
    }
}
