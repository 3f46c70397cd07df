package dev.clavis.review.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A review item row. */
record StoredItem(
        long id,
        UUID campaignId,
        UUID personId,
        @Nullable UUID grantId,
        @Nullable String groupName,
        @Nullable String appId,
        @Nullable String roleId,
        @Nullable String risk,
        String source,
        @Nullable Instant grantedAt,
        @Nullable UUID reviewerId,
        String reviewerBasis,
        @Nullable String decision,
        @Nullable UUID decidedBy,
        boolean decidedByRule,
        @Nullable Instant decidedAt,
        @Nullable String comment,
        @Nullable String reassignReason,
        @Nullable String enforcement,
        @Nullable String enforcementDetail,
        @Nullable Instant removalConfirmedAt) {

    static StoredItem map(ResultSet rs, int row) throws SQLException {
        return new StoredItem(
                rs.getLong("id"),
                rs.getObject("campaign_id", UUID.class),
                rs.getObject("person_id", UUID.class),
                rs.getObject("grant_id", UUID.class),
                rs.getString("group_name"),
                rs.getString("app_id"),
                rs.getString("role_id"),
                rs.getString("risk"),
                rs.getString("source"),
                CampaignStore.instantOrNull(rs, "granted_at"),
                rs.getObject("reviewer_id", UUID.class),
                rs.getString("reviewer_basis"),
                rs.getString("decision"),
                rs.getObject("decided_by", UUID.class),
                rs.getBoolean("decided_by_rule"),
                CampaignStore.instantOrNull(rs, "decided_at"),
                rs.getString("comment"),
                rs.getString("reassign_reason"),
                rs.getString("enforcement"),
                rs.getString("enforcement_detail"),
                CampaignStore.instantOrNull(rs, "removal_confirmed_at"));
    }
}
