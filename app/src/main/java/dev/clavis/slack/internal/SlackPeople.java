package dev.clavis.slack.internal;

import dev.clavis.directory.Directory;
import dev.clavis.directory.Person;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Slack users and directory people are the same people when their emails match: Slack's
 * {@code users.info} gives a user's email, {@code users.lookupByEmail} a person's user. Answers are
 * kept for a day, so a click does not cost a lookup each time, and an email changed in either place
 * is followed within a day.
 */
@Component
@OnSlack
class SlackPeople {

    private static final Duration KEPT = Duration.ofDays(1);

    private final SlackApi slack;
    private final Directory directory;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    SlackPeople(SlackApi slack, Directory directory, JdbcTemplate jdbc, Clock clock) {
        this.slack = slack;
        this.directory = directory;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The directory person behind a Slack user, if the user's email is a person's. */
    Optional<Person> person(String slackUserId) {
        Instant fresh = clock.instant().minus(KEPT);
        var known = jdbc.query("select person_id from slack_user where slack_user_id = ? and looked_up_at > ?",
                (row, i) -> Optional.ofNullable(row.getObject(1, UUID.class)), slackUserId, fresh.atOffset(ZoneOffset.UTC));
        if (!known.isEmpty()) {
            return known.get(0).flatMap(directory::person);
        }
        Optional<String> email = slack.email(slackUserId);
        Optional<Person> person = email.flatMap(directory::personByEmail);
        remember(slackUserId, person.map(Person::id).orElse(null), email.orElse(null));
        return person;
    }

    /** The Slack user of a person, if Slack has a user with the person's email. */
    Optional<String> slackUser(Person person) {
        Instant fresh = clock.instant().minus(KEPT);
        var known = jdbc.queryForList("select slack_user_id from slack_user where person_id = ? and looked_up_at > ?",
                String.class, person.id(), fresh.atOffset(ZoneOffset.UTC));
        if (!known.isEmpty()) {
            return Optional.of(known.get(0));
        }
        try {
            Optional<String> id = slack.userWithEmail(person.email());
            id.ifPresent(user -> remember(user, person.id(), person.email()));
            return id;
        } catch (SlackApi.Refused e) {
            if (e.error.equals("users_not_found")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private void remember(String slackUserId, @Nullable UUID personId, @Nullable String email) {
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        int updated = jdbc.update("update slack_user set person_id = ?, email = ?, looked_up_at = ? where slack_user_id = ?",
                personId, email, now, slackUserId);
        if (updated == 0) {
            jdbc.update("insert into slack_user (slack_user_id, person_id, email, looked_up_at) values (?, ?, ?, ?) on conflict do nothing",
                    slackUserId, personId, email, now);
        }
    }
}
