package dev.clavis.review.internal;

import dev.clavis.review.ReviewScope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The campaign table. */
@Component
class CampaignStore {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    CampaignStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(Campaign campaign) {
        jdbc.sql("""
                        insert into review_campaign (id, name, scope, reviewer_rule, deadline, on_no_decision, status,
                                                     created_by, created_at)
                        values (:id, :name, :scope, :rule, :deadline, :rule2, :status, :by, :at)""")
                .param("id", campaign.id()).param("name", campaign.name())
                .param("scope", json.writeValueAsString(campaign.scope()))
                .param("rule", campaign.reviewers().text()).param("deadline", time(campaign.deadline()))
                .param("rule2", campaign.onNoDecision().name()).param("status", campaign.status().name())
                .param("by", campaign.createdBy()).param("at", time(campaign.createdAt()))
                .update();
    }

    Optional<Campaign> find(UUID id) {
        return jdbc.sql("select * from review_campaign where id = :id").param("id", id).query(this::map).optional();
    }

    /** Reads the campaign and locks its row: decisions, reassignments and the close take turns. */
    Optional<Campaign> lock(UUID id) {
        return jdbc.sql("select * from review_campaign where id = :id for update").param("id", id).query(this::map).optional();
    }

    List<Campaign> page(@Nullable Instant before, @Nullable UUID beforeId, int size) {
        String after = before == null ? "" : " where created_at < :at or (created_at = :at and id < :id)";
        var statement = jdbc.sql("select * from review_campaign" + after + " order by created_at desc, id desc fetch first "
                + size + " rows only");
        if (before != null) {
            statement = statement.param("at", time(before)).param("id", beforeId);
        }
        return statement.query(this::map).list();
    }

    void started(UUID id, long catalogVersion, long items, Instant at) {
        jdbc.sql("""
                        update review_campaign set status = 'ACTIVE', catalog_version = :version, item_count = :items,
                                                   started_at = :at
                        where id = :id""")
                .param("id", id).param("version", catalogVersion).param("items", items).param("at", time(at)).update();
    }

    void escalated(UUID id, Instant at, Instant newDeadline) {
        jdbc.sql("update review_campaign set escalated_at = :at, deadline = :deadline where id = :id")
                .param("id", id).param("at", time(at)).param("deadline", time(newDeadline)).update();
    }

    void awaitingConfirmation(UUID id, String detail) {
        jdbc.sql("update review_campaign set status = 'AWAITING_CONFIRMATION', large_removal = :detail where id = :id")
                .param("id", id).param("detail", detail).update();
    }

    void closed(UUID id, Instant at, String by, @Nullable String largeRemovalConfirmedBy) {
        jdbc.sql("""
                        update review_campaign set status = 'CLOSED', closed_at = :at, closed_by = :by,
                                                   large_removal_confirmed_by = :confirmedBy
                        where id = :id""")
                .param("id", id).param("at", time(at)).param("by", by).param("confirmedBy", largeRemovalConfirmedBy)
                .update();
    }

    void auditPosition(UUID id, long sequence, String hash) {
        jdbc.sql("update review_campaign set audit_sequence = :sequence, audit_hash = :hash where id = :id")
                .param("id", id).param("sequence", sequence).param("hash", hash).update();
    }

    private Campaign map(ResultSet rs, int row) throws SQLException {
        long version = rs.getLong("catalog_version");
        Long catalogVersion = rs.wasNull() ? null : version;
        long sequence = rs.getLong("audit_sequence");
        Long auditSequence = rs.wasNull() ? null : sequence;
        return new Campaign(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                json.readValue(rs.getString("scope"), ReviewScope.class),
                ReviewerRule.parse(rs.getString("reviewer_rule")),
                instant(rs, "deadline"),
                UndecidedRule.valueOf(rs.getString("on_no_decision")),
                CampaignStatus.valueOf(rs.getString("status")),
                catalogVersion,
                rs.getLong("item_count"),
                rs.getString("created_by"),
                instant(rs, "created_at"),
                instantOrNull(rs, "started_at"),
                instantOrNull(rs, "escalated_at"),
                instantOrNull(rs, "closed_at"),
                rs.getString("closed_by"),
                rs.getString("large_removal"),
                rs.getString("large_removal_confirmed_by"),
                auditSequence,
                rs.getString("audit_hash"));
    }

    static @Nullable OffsetDateTime time(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    static @Nullable Instant instantOrNull(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
