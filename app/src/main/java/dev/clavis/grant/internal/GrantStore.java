package dev.clavis.grant.internal;

import dev.clavis.catalog.RoleRef;
import dev.clavis.grant.Grant;
import dev.clavis.grant.GrantMembership;
import dev.clavis.grant.GrantStatus;
import dev.clavis.platform.SqlDialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The grant tables. */
@Component
class GrantStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final SqlDialect dialect;

    GrantStore(JdbcClient jdbc, JdbcTemplate batches, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.dialect = dialect;
    }

    Optional<Grant> find(UUID id) {
        return withMemberships("where g.id = :id", "", Map.of("id", id)).stream().findFirst();
    }

    /** Reads the grant and locks its row until the transaction ends: changes to one grant take turns. */
    Optional<Grant> lock(UUID id) {
        return withMemberships("where g.id = :id", dialect.forUpdateOf("g"), Map.of("id", id)).stream().findFirst();
    }

    /**
     * Reads the grants and locks their rows until the transaction ends, in one order whoever locks them, so
     * two transactions locking some of the same grants never wait for each other crosswise.
     */
    List<Grant> lock(Collection<UUID> ids) {
        return withMemberships("where g.id in (:ids)", dialect.forUpdateOf("g"), Map.of("ids", ids));
    }

    /**
     * Up to {@code limit} active grants whose expiry has come, the earliest first, other than those
     * {@code passedOver}; read without locking, so that the lock taken next covers these rows only (H2 locks
     * every row matching a query with a limit before it applies the limit).
     */
    List<UUID> expired(Instant now, int limit, Collection<UUID> passedOver) {
        var query = jdbc.sql("""
                        select id from access_grant where status = 'ACTIVE' and expires_at <= :now %s
                        order by expires_at fetch first %d rows only"""
                        .formatted(passedOver.isEmpty() ? "" : "and id not in (:passedOver)", limit))
                .param("now", time(now));
        if (!passedOver.isEmpty()) {
            query = query.param("passedOver", passedOver);
        }
        return query.query(UUID.class).list();
    }

    /**
     * Locks those of the grants that are still active and expired, and reads them with their memberships
     * in one more statement. Where the database can, grants another transaction holds (a revoke, an
     * extension) are passed over rather than waited for; they are due again at the next sweep.
     */
    List<Grant> lockExpired(Collection<UUID> ids, Instant now) {
        List<UUID> locked = jdbc.sql("""
                        select id from access_grant where id in (:ids) and status = 'ACTIVE' and expires_at <= :now
                        order by expires_at %s""".formatted(dialect.forUpdateSkippingLocked()))
                .param("ids", ids).param("now", time(now)).query(UUID.class).list();
        if (locked.isEmpty()) {
            return List.of();
        }
        return withMemberships("where g.id in (:ids)", "", Map.of("ids", locked));
    }

    List<Grant> inEffectFor(UUID personId) {
        return withMemberships("where g.person_id = :person and g.status in ('PENDING', 'ACTIVE')", "",
                Map.of("person", personId));
    }

    /**
     * Grants with their memberships, read in one statement (a grant's row once per membership), oldest
     * grant first.
     *
     * @param lock empty, or the clause that locks the grants' rows (never their memberships')
     */
    private List<Grant> withMemberships(String where, String lock, Map<String, ?> params) {
        var grants = new LinkedHashMap<UUID, Grant>();
        var memberships = new HashMap<UUID, List<GrantMembership>>();
        jdbc.sql("""
                        select g.*, m.group_name as m_group_name, m.state as m_state, m.preexisting as m_preexisting,
                               m.detail as m_detail, m.changed_at as m_changed_at
                        from access_grant g left join grant_membership m on m.grant_id = g.id
                        %s order by g.created_at, g.id, m.group_name %s""".formatted(where, lock))
                .params(params)
                .query(rs -> {
                    UUID id = rs.getObject("id", UUID.class);
                    if (!grants.containsKey(id)) {
                        grants.put(id, map(rs, List.of()));
                    }
                    List<GrantMembership> of = memberships.computeIfAbsent(id, g -> new ArrayList<>());
                    if (rs.getString("m_group_name") != null) {
                        of.add(new GrantMembership(rs.getString("m_group_name"), rs.getString("m_state"),
                                rs.getBoolean("m_preexisting"), rs.getString("m_detail"), instant(rs, "m_changed_at")));
                    }
                });
        return grants.values().stream().map(g -> withMemberships(g, memberships.get(g.id()))).toList();
    }

    private static Grant withMemberships(Grant g, List<GrantMembership> memberships) {
        return new Grant(g.id(), g.requestId(), g.personId(), g.role(), g.risk(), g.duration(), g.origin(), g.status(),
                g.createdAt(), g.grantedAt(), g.expiresAt(), g.endedAt(), g.endReason(), g.endedBy(), g.removalConfirmedAt(),
                memberships);
    }

    /** Whether another grant in effect for the person needs the group. */
    boolean otherGrantNeeds(UUID personId, String groupName, UUID exceptGrant) {
        return jdbc.sql("""
                        select count(*) from access_grant g join grant_membership m on m.grant_id = g.id
                        where g.person_id = :person and m.group_name = :group and g.id <> :grant
                          and g.status in ('PENDING', 'ACTIVE')""")
                .param("person", personId).param("group", groupName).param("grant", exceptGrant)
                .query(Integer.class).single() > 0;
    }

    void insert(UUID id, UUID requestId, UUID personId, RoleRef role, String risk, String duration, Instant now) {
        jdbc.sql("""
                        insert into access_grant (id, request_id, person_id, app_id, role_id, risk, duration, origin,
                                                  status, provisioning, created_at)
                        values (:id, :request, :person, :app, :role, :risk, :duration, 'request', 'PENDING', 'PENDING', :now)""")
                .param("id", id).param("request", requestId).param("person", personId)
                .param("app", role.appId()).param("role", role.roleId()).param("risk", risk)
                .param("duration", duration).param("now", time(now))
                .update();
    }

    void insertMembership(UUID grantId, String group, String state, Instant now) {
        jdbc.sql("""
                        insert into grant_membership (grant_id, group_name, state, changed_at)
                        values (:grant, :group, :state, :now)""")
                .param("grant", grantId).param("group", group).param("state", state).param("now", time(now))
                .update();
    }

    void membershipState(UUID grantId, String group, String state, @Nullable String detail, Instant now) {
        jdbc.sql("""
                        update grant_membership set state = :state, detail = :detail, changed_at = :now
                        where grant_id = :grant and group_name = :group""")
                .param("grant", grantId).param("group", group).param("state", state).param("detail", detail)
                .param("now", time(now))
                .update();
    }

    /** A membership's new state, as {@link #membershipStates} writes it. */
    record MembershipState(UUID grantId, String group, String state, @Nullable String detail) {}

    /** Sets the states of many memberships in one batch. */
    void membershipStates(List<MembershipState> states, Instant now) {
        if (states.isEmpty()) {
            return;
        }
        batches.batchUpdate("""
                        update grant_membership set state = ?, detail = ?, changed_at = ?
                        where grant_id = ? and group_name = ?""",
                states.stream().map(m -> new Object[] {m.state(), m.detail(), time(now), m.grantId(), m.group()}).toList());
    }

    void markPreexisting(UUID grantId, String group) {
        jdbc.sql("update grant_membership set preexisting = true where grant_id = :grant and group_name = :group")
                .param("grant", grantId).param("group", group).update();
    }

    /** A grant the directory has confirmed every membership of. */
    record Activation(Grant grant, Instant grantedAt, @Nullable Instant expiresAt) {}

    /** Makes many grants active in one batch. */
    void activate(List<Activation> activations) {
        if (activations.isEmpty()) {
            return;
        }
        batches.batchUpdate("""
                        update access_grant set status = 'ACTIVE', provisioning = 'CONFIRMED', granted_at = ?, expires_at = ?
                        where id = ?""",
                activations.stream().map(a -> new Object[] {time(a.grantedAt()), time(a.expiresAt()), a.grant().id()}).toList());
    }

    void end(UUID grantId, GrantStatus status, Instant endedAt, String reason, String by) {
        jdbc.sql("""
                        update access_grant set status = :status, ended_at = :ended, end_reason = :reason, ended_by = :by
                        where id = :id""")
                .param("id", grantId).param("status", status.name()).param("ended", time(endedAt))
                .param("reason", reason).param("by", by)
                .update();
    }

    void fail(UUID grantId, Instant at, String reason) {
        jdbc.sql("""
                        update access_grant set status = 'FAILED', provisioning = 'FAILED', ended_at = :at,
                                                end_reason = :reason, ended_by = 'directory'
                        where id = :id""")
                .param("id", grantId).param("at", time(at)).param("reason", reason).update();
    }

    /** Records when the directory confirmed that each of these grants' memberships are gone. */
    void removalConfirmed(List<UUID> grantIds, Instant at) {
        if (grantIds.isEmpty()) {
            return;
        }
        batches.batchUpdate("update access_grant set removal_confirmed_at = ? where id = ?",
                grantIds.stream().map(id -> new Object[] {time(at), id}).toList());
    }

    void expiresAt(UUID grantId, Instant expiresAt) {
        jdbc.sql("update access_grant set expires_at = :at where id = :id")
                .param("id", grantId).param("at", time(expiresAt)).update();
    }

    private static Grant map(ResultSet rs, List<GrantMembership> memberships) throws SQLException {
        return new Grant(
                rs.getObject("id", UUID.class),
                rs.getObject("request_id", UUID.class),
                rs.getObject("person_id", UUID.class),
                new RoleRef(rs.getString("app_id"), rs.getString("role_id")),
                rs.getString("risk"),
                rs.getString("duration"),
                rs.getString("origin"),
                GrantStatus.valueOf(rs.getString("status")),
                instant(rs, "created_at"),
                instantOrNull(rs, "granted_at"),
                instantOrNull(rs, "expires_at"),
                instantOrNull(rs, "ended_at"),
                rs.getString("end_reason"),
                rs.getString("ended_by"),
                instantOrNull(rs, "removal_confirmed_at"),
                memberships);
    }

    static @Nullable OffsetDateTime time(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static @Nullable Instant instantOrNull(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
