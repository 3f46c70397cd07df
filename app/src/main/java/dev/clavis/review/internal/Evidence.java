package dev.clavis.review.internal;

import dev.clavis.audit.AuditTrail;
import dev.clavis.review.ReviewViews.CampaignView;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * A campaign's evidence for an auditor: every item with its reviewer, decision, time, comment and, for
 * revocations, when the directory confirmed the removal; the totals; and where the close sits in the
 * audit chain with the chain's verification. Items are streamed from the database, never held whole.
 */
@Component
class Evidence {

    static final List<String> COLUMNS = List.of("item", "person", "person_name", "app", "role", "group", "grant", "access",
            "reviewer", "decision", "decided_by", "decided_at", "decided_by_rule", "comment", "enforcement",
            "removal_confirmed_at");

    private static final String ITEMS = """
            select i.id, p.email as person, p.display_name as person_name, i.app_id, i.role_id, i.group_name, i.grant_id,
                   i.source, r.email as reviewer, i.decision, d.email as decided_by, i.decided_at, i.decided_by_rule, i.comment,
                   i.enforcement, i.removal_confirmed_at
            from review_item i
            join person p on p.id = i.person_id
            left join person r on r.id = i.reviewer_id
            left join person d on d.id = i.decided_by
            where i.campaign_id = ?
            order by i.id""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final AuditTrail trail;
    private final JsonMapper json;
    private final Clock clock;

    Evidence(JdbcTemplate jdbc, TransactionTemplate transactions, AuditTrail trail, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
        this.readOnly.setReadOnly(true);
        this.trail = trail;
        this.json = json;
        this.clock = clock;
    }

    void csv(CampaignView campaign, OutputStream out) {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        for (Map.Entry<String, Object> fact : header(campaign).entrySet()) {
            write(writer, "# " + fact.getKey() + ": " + fact.getValue() + "\n");
        }
        write(writer, String.join(",", COLUMNS) + "\n");
        items(campaign, row -> {
            var line = new StringBuilder();
            for (int i = 0; i < COLUMNS.size(); i++) {
                line.append(i == 0 ? "" : ",").append(cell(row.get(COLUMNS.get(i))));
            }
            write(writer, line.append('\n').toString());
        });
        flush(writer);
    }

    void json(CampaignView campaign, OutputStream out) {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        String head = json.writeValueAsString(header(campaign));
        write(writer, head.substring(0, head.length() - 1) + ",\"items\":[");
        boolean[] first = {true};
        items(campaign, row -> {
            write(writer, (first[0] ? "" : ",") + json.writeValueAsString(row));
            first[0] = false;
        });
        write(writer, "]}");
        flush(writer);
    }

    private Map<String, Object> header(CampaignView campaign) {
        var header = new LinkedHashMap<String, Object>();
        header.put("campaign", campaign.id().toString());
        header.put("name", campaign.name());
        header.put("status", campaign.status());
        header.put("reviewers", campaign.reviewers());
        header.put("deadline", campaign.deadline().toString());
        header.put("onNoDecision", campaign.onNoDecision());
        header.put("startedAt", String.valueOf(campaign.startedAt()));
        header.put("closedAt", String.valueOf(campaign.closedAt()));
        header.put("closedBy", String.valueOf(campaign.closedBy()));
        var totals = campaign.totals();
        header.put("totals", Map.of("items", totals.items(), "kept", totals.kept(), "revoked", totals.revoked(),
                "undecided", totals.undecided(), "removalsConfirmed", totals.removalsConfirmed(),
                "removalsPending", totals.removalsPending(), "removalsFailed", totals.removalsFailed()));
        if (campaign.auditPosition() != null) {
            header.put("auditSequenceAtClose", campaign.auditPosition().sequence());
            header.put("auditHashAtClose", campaign.auditPosition().hash());
        }
        var verification = trail.verify();
        header.put("auditChainValid", verification.valid());
        header.put("auditChainEntries", verification.entries());
        header.put("generatedAt", clock.instant().toString());
        return header;
    }

    private interface RowSink {
        void accept(Map<String, @Nullable Object> row);
    }

    private void items(CampaignView campaign, RowSink sink) {
        readOnly.executeWithoutResult(tx -> jdbc.query(connection -> {
            var statement = connection.prepareStatement(ITEMS);
            statement.setFetchSize(1000);
            statement.setObject(1, campaign.id());
            return statement;
        }, (ResultSet rs) -> {
            sink.accept(row(rs));
        }));
    }

    private static Map<String, @Nullable Object> row(ResultSet rs) throws SQLException {
        var row = new LinkedHashMap<String, @Nullable Object>();
        row.put("item", rs.getLong("id"));
        row.put("person", rs.getString("person"));
        row.put("person_name", rs.getString("person_name"));
        row.put("app", rs.getString("app_id"));
        row.put("role", rs.getString("role_id"));
        row.put("group", rs.getString("group_name"));
        Object grant = rs.getObject("grant_id");
        row.put("grant", grant == null ? null : grant.toString());
        row.put("access", grant == null ? "membership" : "grant:" + rs.getString("source"));
        row.put("reviewer", rs.getString("reviewer"));
        row.put("decision", rs.getString("decision"));
        row.put("decided_by", rs.getBoolean("decided_by_rule") ? "campaign rule" : rs.getString("decided_by"));
        row.put("decided_at", time(CampaignStore.instantOrNull(rs, "decided_at")));
        row.put("decided_by_rule", rs.getBoolean("decided_by_rule"));
        row.put("comment", rs.getString("comment"));
        row.put("enforcement", rs.getString("enforcement"));
        row.put("removal_confirmed_at", time(CampaignStore.instantOrNull(rs, "removal_confirmed_at")));
        return row;
    }

    private static @Nullable String time(@Nullable Instant at) {
        return at == null ? null : at.toString();
    }

    /**
     * RFC 4180 quoting; a cell a spreadsheet would run as a formula gets a leading apostrophe, since
     * comments and names come from people.
     */
    static String cell(@Nullable Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    private static void write(Writer writer, String text) {
        try {
            writer.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void flush(Writer writer) {
        try {
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
