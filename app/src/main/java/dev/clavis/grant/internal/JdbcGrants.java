package dev.clavis.grant.internal;

import dev.clavis.directory.Directory;
import dev.clavis.grant.Grant;
import dev.clavis.grant.GrantFigures;
import dev.clavis.grant.GrantExtended;
import dev.clavis.grant.GrantStatus;
import dev.clavis.grant.Grants;
import dev.clavis.grant.NewGrant;
import dev.clavis.platform.ConflictException;
import dev.clavis.platform.NotFoundException;
import dev.clavis.platform.Percentiles;
import dev.clavis.provisioning.MembershipOperation;
import dev.clavis.provisioning.MembershipTask;
import dev.clavis.provisioning.ProvisioningQueue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcGrants implements Grants {

    private final GrantStore store;
    private final JdbcClient jdbc;
    private final Directory directory;
    private final GrantEnding ending;
    private final GrantReminders reminders;
    private final ProvisioningQueue provisioning;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    JdbcGrants(GrantStore store, JdbcClient jdbc, Directory directory, GrantEnding ending, GrantReminders reminders, ProvisioningQueue provisioning,
            ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.jdbc = jdbc;
        this.directory = directory;
        this.ending = ending;
        this.reminders = reminders;
        this.provisioning = provisioning;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void create(NewGrant grant) {
        UUID id = grant.id();
        Instant now = clock.instant();
        store.insert(id, grant.requestId(), grant.personId(), grant.role().ref(), grant.role().risk().value(),
                grant.duration().toString(), now);
        Set<String> current = directory.groupNamesOf(grant.personId());
        for (String group : grant.role().groups()) {
            store.insertMembership(id, group, "ADDING", now);
            if (current.contains(group) && !store.otherGrantNeeds(grant.personId(), group, id)) {
                store.markPreexisting(id, group);
            }
        }
        provisioning.enqueue(grant.role().groups().stream()
                .map(group -> new MembershipTask(MembershipOperation.ADD, group, grant.personId(), GrantReference.of(id)))
                .toList());
    }

    @Override
    public Optional<Grant> find(UUID grantId) {
        return store.find(grantId);
    }

    @Override
    public List<Grant> inEffectFor(UUID personId) {
        return store.inEffectFor(personId);
    }

    @Override
    @Transactional
    public void extend(UUID grantId, Instant expiresAt, String by) {
        Grant grant = store.lock(grantId).orElseThrow(() -> new NotFoundException("There is no grant " + grantId));
        if (grant.status() != GrantStatus.ACTIVE) {
            throw new ConflictException("Grant " + grantId + " is " + grant.status() + "; only an active grant can be extended");
        }
        store.expiresAt(grantId, expiresAt);
        reminders.remindBefore(grantId, expiresAt);
        events.publishEvent(new GrantExtended(grantId, grant.expiresAt(), expiresAt, by));
    }

    @Override
    public GrantFigures figures() {
        long active = jdbc.sql("select count(*) from access_grant where status = 'ACTIVE'").query(Long.class).single();
        long standing = jdbc.sql("""
                        select count(*) from access_grant
                        where status = 'ACTIVE' and risk = 'privileged' and duration = 'permanent'""")
                .query(Long.class).single();
        List<Duration> lags = jdbc.sql("""
                        select expires_at, removal_confirmed_at from access_grant
                        where status = 'EXPIRED' and removal_confirmed_at is not null and expires_at > :since""")
                .param("since", clock.instant().minus(Duration.ofDays(90)).atOffset(java.time.ZoneOffset.UTC))
                .query((rs, n) -> Duration.between(rs.getObject(1, java.time.OffsetDateTime.class),
                        rs.getObject(2, java.time.OffsetDateTime.class)))
                .list();
        return new GrantFigures(active, standing, Percentiles.of(lags, 95));
    }

    @Override
    @Transactional
    public void revoke(UUID grantId, String reason, String by) {
        Grant grant = store.lock(grantId).orElseThrow(() -> new NotFoundException("There is no grant " + grantId));
        if (!grant.status().inEffect()) {
            throw new ConflictException("Grant " + grantId + " has already ended (" + grant.status() + ")");
        }
        ending.end(grant, GrantStatus.REVOKED, reason, by, false);
    }

    @Override
    @Transactional
    public boolean revokeOnReview(UUID grantId, String reason, String by) {
        Optional<Grant> inEffect = store.lock(grantId).filter(grant -> grant.status().inEffect());
        inEffect.ifPresent(grant -> ending.end(grant, GrantStatus.REVOKED, reason, by, true));
        return inEffect.isPresent();
    }
}
