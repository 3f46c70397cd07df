package dev.clavis.review.internal;

import dev.clavis.directory.PersonStatus;
import dev.clavis.platform.InvalidInputException;
import dev.clavis.review.ReviewViews.ItemRow;
import dev.clavis.review.ReviewViews.PersonRef;
import dev.clavis.review.ReviewViews.ReviewerCampaign;
import dev.clavis.review.Reviews.ItemQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Pages of items for screens that list many: each page is one statement, joined with the people it
 * names, so a reviewer with a hundred thousand items waits no longer than one with ten.
 */
@Component
class ItemRows {

    /** The most items one page may hold. */
    static final int MAX_PAGE = 500;

    /**
     * When the same access of the same person was last kept by a closed campaign, as {@link ItemViewer}
     * answers for one item; correlated per row of the page, through the index on {@code person_id}.
     */
    private static final String LAST_KEPT = """
            (select max(k.decided_at) from review_item k join review_campaign kc on kc.id = k.campaign_id
             where k.person_id = i.person_id and k.campaign_id <> i.campaign_id and kc.status = 'CLOSED' and k.decision = 'KEEP'
               and ((i.grant_id is not null and k.grant_id = i.grant_id)
                 or (i.grant_id is null and k.grant_id is null and k.group_name = i.group_name)))""";

    private static final String ROWS = """
            select i.id, i.campaign_id, i.person_id, p.email, p.display_name, p.department, p.status, p.last_login_at,
                   i.grant_id, i.group_name, i.app_id, i.role_id, i.risk, i.source, i.granted_at, i.reviewer_id,
                   r.email as reviewer_email, r.display_name as reviewer_name, i.reviewer_basis, i.decision,
                   i.decided_by_rule, i.decided_at, i.comment, i.enforcement, %s as last_kept_at
            from review_item i
            join person p on p.id = i.person_id
            left join person r on r.id = i.reviewer_id
            where i.campaign_id = :campaign and i.id > :after %s
            order by i.id fetch first %d rows only""";

    private final NamedParameterJdbcTemplate jdbc;
    private final Signals signals;

    ItemRows(NamedParameterJdbcTemplate jdbc, Signals signals) {
        this.jdbc = jdbc;
        this.signals = signals;
    }

    List<ItemRow> page(ItemQuery query) {
        if (query.size() < 1 || query.size() > MAX_PAGE) {
            throw new InvalidInputException("size", "a page holds 1 to " + MAX_PAGE + " items, not " + query.size());
        }
        var where = new StringBuilder();
        var params = new MapSqlParameterSource("campaign", query.campaign()).addValue("after", query.after());
        if (query.reviewer() != null) {
            where.append(" and i.reviewer_id = :reviewer");
            params.addValue("reviewer", query.reviewer());
        } else if (query.unassigned()) {
            where.append(" and i.reviewer_id is null");
        }
        if (query.undecidedOnly()) {
            where.append(" and i.decision is null");
        }
        String suggestion = query.suggestion() == null ? "" : query.suggestion().strip().toLowerCase(Locale.ROOT);
        switch (suggestion) {
            case "" -> { }
            case "revoke" -> where.append(" and ").append(Signals.REVOKE_SUGGESTED);
            case "keep" -> where.append(" and not ").append(Signals.REVOKE_SUGGESTED);
            default -> throw new InvalidInputException("suggestion", "must be keep or revoke, not '" + query.suggestion() + "'");
        }
        if (!suggestion.isEmpty()) {
            params.addValue("inactiveSince", CampaignStore.time(signals.inactiveSince()));
        }
        return jdbc.query(ROWS.formatted(LAST_KEPT, where, query.size()), params, this::row);
    }

    /** Open campaigns in which the reviewer has items, with their share decided; through the reviewer index per campaign. */
    List<ReviewerCampaign> openCampaignsOf(UUID reviewer) {
        return jdbc.query("""
                        select c.id, c.name, c.status, c.deadline, count(*) as total, count(i.decision) as decided
                        from review_campaign c join review_item i on i.campaign_id = c.id and i.reviewer_id = :reviewer
                        where c.status = 'ACTIVE'
                        group by c.id, c.name, c.status, c.deadline
                        order by c.deadline, c.id""", Map.of("reviewer", reviewer),
                (rs, n) -> new ReviewerCampaign(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("status"),
                        CampaignStore.instant(rs, "deadline"), rs.getLong("decided"), rs.getLong("total")));
    }

    private ItemRow row(ResultSet rs, int n) throws SQLException {
        Instant lastLogin = CampaignStore.instantOrNull(rs, "last_login_at");
        List<String> flags = signals.flags(PersonStatus.valueOf(rs.getString("status")), lastLogin);
        Instant lastKept = CampaignStore.instantOrNull(rs, "last_kept_at");
        UUID reviewer = rs.getObject("reviewer_id", UUID.class);
        return new ItemRow(
                rs.getLong("id"),
                rs.getObject("campaign_id", UUID.class),
                new PersonRef(rs.getObject("person_id", UUID.class), rs.getString("email"), rs.getString("display_name")),
                rs.getString("department"),
                rs.getString("status"),
                rs.getString("app_id"),
                rs.getString("role_id"),
                rs.getString("group_name"),
                rs.getString("risk"),
                access(rs.getObject("grant_id") != null, rs.getString("source"), lastKept),
                CampaignStore.instantOrNull(rs, "granted_at"),
                lastKept,
                lastLogin == null ? "never" : lastLogin.toString(),
                flags,
                Signals.suggestion(lastLogin, flags),
                reviewer == null ? null : new PersonRef(reviewer, rs.getString("reviewer_email"), rs.getString("reviewer_name")),
                rs.getString("reviewer_basis"),
                rs.getString("decision"),
                rs.getBoolean("decided_by_rule"),
                CampaignStore.instantOrNull(rs, "decided_at"),
                rs.getString("comment"),
                rs.getString("enforcement"));
    }

    /** As {@link ItemViewer} names it: the grant's source, or for a membership whether a campaign kept it before. */
    private static String access(boolean grant, String source, @Nullable Instant lastKept) {
        if (grant) {
            return source;
        }
        return lastKept == null ? "unmanaged" : "review";
    }
}
