package dev.clavis.request.internal;

import dev.clavis.platform.BeforeCommitBatch;
import dev.clavis.request.AccessRequestView;
import dev.clavis.request.RequestStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The request tables. */
@Component
class RequestStore {

    private static final String INSERT_TIMELINE = "insert into request_timeline (request_id, at, kind, detail) values (?, ?, ?, ?)";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final BeforeCommitBatch<TimelineRow> timeline;

    RequestStore(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.timeline = new BeforeCommitBatch<>(this::insertTimeline);
    }

    /** A request as stored and its timeline, oldest entry first. */
    record WithTimeline(StoredRequest request, List<AccessRequestView.TimelineEntry> timeline) {}

    /**
     * Reads the request and its timeline in one statement, the entries this transaction added included
     * (they are written first).
     */
    Optional<WithTimeline> findWithTimeline(UUID id) {
        writeTimeline();
        var timeline = new ArrayList<AccessRequestView.TimelineEntry>();
        var request = new StoredRequest[1];
        jdbc.sql("""
                        select r.*, t.at as timeline_at, t.kind as timeline_kind, t.detail as timeline_detail
                        from access_request r left join request_timeline t on t.request_id = r.id
                        where r.id = :id order by t.id""")
                .param("id", id)
                .query(rs -> {
                    if (request[0] == null) {
                        request[0] = map(rs, 0);
                    }
                    OffsetDateTime at = rs.getObject("timeline_at", OffsetDateTime.class);
                    if (at != null) {
                        timeline.add(new AccessRequestView.TimelineEntry(at.toInstant(), rs.getString("timeline_kind"),
                                rs.getString("timeline_detail")));
                    }
                });
        return Optional.ofNullable(request[0]).map(r -> new WithTimeline(r, timeline));
    }

    /** Reads and locks the request: decisions, cancellations and progress on one request take turns. */
    Optional<StoredRequest> lock(UUID id) {
        return jdbc.sql("select * from access_request where id = :id for update").param("id", id)
                .query(RequestStore::map).optional();
    }

    Optional<StoredRequest> findOpen(UUID beneficiary, String app, String role) {
        return jdbc.sql("select * from access_request where open_key = :key")
                .param("key", StoredRequest.openKey(beneficiary, app, role)).query(RequestStore::map).optional();
    }

    void insert(StoredRequest r, Instant now) {
        jdbc.sql("""
                        insert into access_request (id, requester_id, beneficiary_id, app_id, role_id, duration, justification,
                            channel, status, catalog_version, automatic, grant_id, extends_grant_id, open_key, created_at,
                            decided_at, updated_at)
                        values (:id, :requester, :beneficiary, :app, :role, :duration, :justification, :channel, :status,
                            :version, :automatic, :grant, :extends, :open, :now, :decided, :now)""")
                .param("id", r.id()).param("requester", r.requesterId()).param("beneficiary", r.beneficiaryId())
                .param("app", r.appId()).param("role", r.roleId()).param("duration", r.duration())
                .param("justification", r.justification()).param("channel", r.channel())
                .param("status", r.status().name()).param("version", r.catalogVersion())
                .param("automatic", r.automatic()).param("grant", r.grantId()).param("extends", r.extendsGrantId())
                .param("decided", time(r.decidedAt()))
                .param("open", StoredRequest.openKey(r.beneficiaryId(), r.appId(), r.roleId()))
                .param("now", time(now))
                .update();
    }

    /** Moves the request on; leaving the open states frees the person to ask for the role again. */
    void status(UUID id, RequestStatus status, Instant now) {
        jdbc.sql("""
                        update access_request set status = :status, updated_at = :now,
                            open_key = case when :open then open_key else null end,
                            decided_at = case when :decided and decided_at is null then :now else decided_at end,
                            granted_at = case when :granted then :now else granted_at end
                        where id = :id""")
                .param("id", id).param("status", status.name()).param("now", time(now))
                .param("open", status.open())
                .param("decided", status == RequestStatus.APPROVED || status == RequestStatus.DENIED)
                .param("granted", status == RequestStatus.GRANTED)
                .update();
    }

    /**
     * Moves the request on only if it is still {@code from}: the update takes the row's lock and checks the
     * status under it, so it needs no {@link #lock} first. Answers whether it moved.
     */
    boolean status(UUID id, RequestStatus from, RequestStatus to, Instant now) {
        return jdbc.sql("""
                        update access_request set status = :to, updated_at = :now,
                            open_key = case when :open then open_key else null end,
                            granted_at = case when :granted then :now else granted_at end
                        where id = :id and status = :from""")
                .param("id", id).param("from", from.name()).param("to", to.name()).param("now", time(now))
                .param("open", to.open()).param("granted", to == RequestStatus.GRANTED)
                .update() == 1;
    }

    void approved(UUID id, UUID grantId, boolean automatic, Instant now) {
        jdbc.sql("""
                        update access_request set status = 'PROVISIONING', grant_id = :grant, automatic = :automatic,
                            current_stage = null, decided_at = :now, updated_at = :now
                        where id = :id""")
                .param("id", id).param("grant", grantId).param("automatic", automatic).param("now", time(now)).update();
    }

    void ticket(UUID id, String system, String key, @Nullable String url) {
        jdbc.sql("update access_request set ticket_system = ?, ticket_key = ?, ticket_url = ? where id = ?")
                .params(system, key, url, id).update();
    }

    void currentStage(UUID id, @Nullable Integer stage) {
        jdbc.sql("update access_request set current_stage = :stage where id = :id").param("id", id).param("stage", stage).update();
    }

    /**
     * Adds an entry to a request's timeline. In a transaction the entries wait, and are written together
     * in one batch just before it commits, or before anything in it reads a timeline ({@link #writeTimeline}):
     * the four or five entries of a request's transactions were each a statement of their own.
     */
    void timeline(UUID requestId, String kind, String detail, Instant at) {
        timeline.add(new TimelineRow(requestId, null, time(at), kind, detail));
    }

    /**
     * Adds an entry to the timeline of the request a grant was made for (not of the extensions that point
     * at it), if there is one. The grants of a transaction are looked up together when its entries are
     * written: a batch of directory answers is one read, not one per answer.
     */
    void timelineOfGrant(UUID grantId, String kind, String detail, Instant at) {
        timeline.add(new TimelineRow(null, grantId, time(at), kind, detail));
    }

    /** Writes the timeline entries this transaction has added so far. */
    void writeTimeline() {
        timeline.flush();
    }

    /** A timeline entry waiting to be written: for a request, or for the request of a grant. */
    private record TimelineRow(@Nullable UUID requestId, @Nullable UUID grantId, OffsetDateTime at, String kind, String detail) {}

    private void insertTimeline(List<TimelineRow> rows) {
        List<UUID> grants = rows.stream().filter(r -> r.requestId() == null).map(TimelineRow::grantId).distinct().toList();
        Map<UUID, UUID> requestOfGrant = new HashMap<>();
        if (!grants.isEmpty()) {
            jdbc.sql("select grant_id, id from access_request where grant_id in (:grants) and extends_grant_id is null")
                    .param("grants", grants)
                    .query(rs -> {
                        requestOfGrant.put(rs.getObject("grant_id", UUID.class), rs.getObject("id", UUID.class));
                    });
        }
        var entries = new ArrayList<Object[]>(rows.size());
        for (TimelineRow row : rows) {
            UUID request = row.requestId() != null ? row.requestId() : requestOfGrant.get(row.grantId());
            if (request != null) {
                String detail = row.detail().length() > 3900 ? row.detail().substring(0, 3900) : row.detail();
                entries.add(new Object[] {request, row.at(), row.kind(), detail});
            }
        }
        batches.batchUpdate(INSERT_TIMELINE, entries);
    }

    // --- stages

    void insertStage(UUID requestId, int index, String rule, boolean requireAll) {
        jdbc.sql("""
                        insert into request_stage (request_id, stage_index, approvers_rule, require_all, status)
                        values (:id, :index, :rule, :all, 'PENDING')""")
                .param("id", requestId).param("index", index).param("rule", rule).param("all", requireAll).update();
    }

    void openStage(UUID requestId, int index, int escalation, List<UUID> approvers, Instant now, @Nullable Instant timeoutAt) {
        jdbc.sql("""
                        update request_stage set status = 'WAITING', opened_at = coalesce(opened_at, :now),
                            escalation = :escalation, timeout_at = :timeout
                        where request_id = :id and stage_index = :index""")
                .param("id", requestId).param("index", index).param("now", time(now)).param("escalation", escalation)
                .param("timeout", time(timeoutAt))
                .update();
        jdbc.sql("delete from stage_approver where request_id = :id and stage_index = :index")
                .param("id", requestId).param("index", index).update();
        for (UUID approver : approvers) {
            jdbc.sql("insert into stage_approver (request_id, stage_index, person_id) values (:id, :index, :person)")
                    .param("id", requestId).param("index", index).param("person", approver).update();
        }
    }

    void stageStatus(UUID requestId, int index, String status, Instant now) {
        jdbc.sql("update request_stage set status = :status, decided_at = :now where request_id = :id and stage_index = :index")
                .param("id", requestId).param("index", index).param("status", status).param("now", time(now)).update();
    }

    int stageCount(UUID requestId) {
        return jdbc.sql("select count(*) from request_stage where request_id = :id").param("id", requestId)
                .query(Integer.class).single();
    }

    record StageRow(int index, String rule, boolean requireAll, String status, int escalation) {}

    Optional<StageRow> stage(UUID requestId, int index) {
        return jdbc.sql("select * from request_stage where request_id = :id and stage_index = :index")
                .param("id", requestId).param("index", index)
                .query((rs, n) -> new StageRow(rs.getInt("stage_index"), rs.getString("approvers_rule"),
                        rs.getBoolean("require_all"), rs.getString("status"), rs.getInt("escalation")))
                .optional();
    }

    List<UUID> of(UUID person, int limit) {
        return jdbc.sql("""
                        select r.id from access_request r where r.requester_id = :person or r.beneficiary_id = :person
                        order by r.created_at desc, r.id desc fetch first :limit rows only""")
                .param("person", person).param("limit", limit).query(UUID.class).list();
    }

    List<UUID> approvers(UUID requestId, int index) {
        return jdbc.sql("select person_id from stage_approver where request_id = :id and stage_index = :index")
                .param("id", requestId).param("index", index).query(UUID.class).list();
    }

    /** Requests whose current stage waits for this person's decision, newest first. */
    List<UUID> awaitingDecisionOf(UUID approver, int limit) {
        return jdbc.sql("""
                        select r.id from access_request r where r.status = 'PENDING_APPROVAL'
                        and exists (select 1 from stage_approver a where a.request_id = r.id and a.stage_index = r.current_stage
                                    and a.person_id = :approver)
                        and not exists (select 1 from request_decision d where d.request_id = r.id
                                        and d.stage_index = r.current_stage and d.decided_by = :approver)
                        order by r.created_at desc, r.id desc fetch first %d rows only""".formatted(limit))
                .param("approver", approver).query(UUID.class).list();
    }

    // --- decisions

    void insertDecision(UUID requestId, int stage, UUID by, String decision, @Nullable String comment, String channel, Instant at) {
        jdbc.sql("""
                        insert into request_decision (id, request_id, stage_index, decided_by, decision, comment, channel, decided_at)
                        values (:id, :request, :stage, :by, :decision, :comment, :channel, :at)""")
                .param("id", UUID.randomUUID()).param("request", requestId).param("stage", stage).param("by", by)
                .param("decision", decision).param("comment", comment).param("channel", channel).param("at", time(at))
                .update();
    }

    boolean hasDecided(UUID requestId, int stage, UUID by) {
        return jdbc.sql("select count(*) from request_decision where request_id = :id and stage_index = :stage and decided_by = :by")
                .param("id", requestId).param("stage", stage).param("by", by).query(Integer.class).single() > 0;
    }

    List<UUID> approvalsBefore(UUID requestId, int stage) {
        return jdbc.sql("select decided_by from request_decision where request_id = :id and stage_index < :stage and decision = 'approve'")
                .param("id", requestId).param("stage", stage).query(UUID.class).list();
    }

    List<UUID> approvalsAt(UUID requestId, int stage) {
        return jdbc.sql("select decided_by from request_decision where request_id = :id and stage_index = :stage and decision = 'approve'")
                .param("id", requestId).param("stage", stage).query(UUID.class).list();
    }

    static @Nullable OffsetDateTime time(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static StoredRequest map(ResultSet rs, int row) throws SQLException {
        return new StoredRequest(
                rs.getObject("id", UUID.class),
                rs.getObject("requester_id", UUID.class),
                rs.getObject("beneficiary_id", UUID.class),
                rs.getString("app_id"),
                rs.getString("role_id"),
                rs.getString("duration"),
                rs.getString("justification"),
                rs.getString("channel"),
                RequestStatus.valueOf(rs.getString("status")),
                rs.getLong("catalog_version"),
                (Integer) rs.getObject("current_stage"),
                rs.getBoolean("automatic"),
                rs.getObject("grant_id", UUID.class),
                rs.getObject("extends_grant_id", UUID.class),
                rs.getString("ticket_system"),
                rs.getString("ticket_key"),
                rs.getString("ticket_url"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                instant(rs.getObject("decided_at", OffsetDateTime.class)),
                instant(rs.getObject("granted_at", OffsetDateTime.class)));
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
