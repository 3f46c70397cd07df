package dev.clavis.review.internal;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param inactiveDays a person who has not signed in for this many days is flagged, and revoking is
 *     suggested ({@code CLAVIS_REVIEWS_INACTIVE_DAYS})
 * @param maxRemovalPercent a close that would remove more than this share of any group's members waits for an
 *     admin ({@code CLAVIS_REVIEWS_MAX_REMOVAL_PERCENT})
 * @param remindBefore how long before the deadline reviewers with undecided items are reminded
 *     ({@code CLAVIS_REVIEWS_REMIND_BEFORE}, comma-separated ISO-8601 durations)
 * @param escalationPeriod how long escalated items wait for their new reviewer ({@code CLAVIS_REVIEWS_ESCALATION_PERIOD})
 * @param adminGroup the directory group whose members are the last fallback reviewers ({@code CLAVIS_REVIEWS_ADMIN_GROUP})
 * @param enforcementBatch revocations carried out per transaction after close
 */
@ConfigurationProperties("clavis.reviews")
record ReviewSettings(
        @DefaultValue("90") int inactiveDays,
        @DefaultValue("30") double maxRemovalPercent,
        @DefaultValue({"P3D", "PT24H"}) List<Duration> remindBefore,
        @DefaultValue("P7D") Duration escalationPeriod,
        @DefaultValue("clavis-admins") String adminGroup,
        @DefaultValue("200") int enforcementBatch) {}
