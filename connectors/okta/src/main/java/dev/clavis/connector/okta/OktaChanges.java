package dev.clavis.connector.okta;

import dev.clavis.connector.spi.DeltaPage;
import dev.clavis.connector.spi.DirectoryGroup;
import dev.clavis.connector.spi.DirectoryMembership;
import dev.clavis.connector.spi.DirectoryPerson;
import dev.clavis.connector.spi.PermanentConnectorException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * What changed in Okta since a cursor, the cursor being a time: people and groups by their
 * {@code lastUpdated} filter, memberships and deletions from the System Log
 * ({@code group.user_membership.add} / {@code remove}, {@code user.lifecycle.delete.completed},
 * {@code group.lifecycle.delete}), each read page by page as the consumer asks.
 */
final class OktaChanges {

    /**
     * The System Log is eventually consistent: an event may be listed a little after it happened. Each
     * read therefore starts this long before its cursor; a change may be reported twice, never missed.
     */
    static final Duration OVERLAP = Duration.ofMinutes(1);

    private static final List<String> EVENT_TYPES = List.of("group.user_membership.add",
            "group.user_membership.remove", "user.lifecycle.delete.completed", "group.lifecycle.delete");

    private static final DateTimeFormatter OKTA_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final OktaApi api;
    private final Clock clock;
    private final int pageSize;

    OktaChanges(OktaApi api, Clock clock, int pageSize) {
        this.api = api;
        this.clock = clock;
        this.pageSize = pageSize;
    }

    String currentCursor() {
        return OKTA_TIME.format(clock.instant());
    }

    Stream<DeltaPage> since(String cursor) {
        String from = OKTA_TIME.format(parse(cursor).minus(OVERLAP));
        // the log's until is exclusive and to the millisecond: this one includes the current millisecond
        String until = OKTA_TIME.format(clock.instant().truncatedTo(ChronoUnit.MILLIS).plusMillis(1));
        String updated = "lastUpdated gt \"" + from + "\"";
        Stream<DeltaPage> people = PagedRead.of(api, api.uri("/api/v1/users", Map.of("filter", updated,
                        "limit", String.valueOf(pageSize))), OktaObjects::person, "list users changed since " + from)
                .map(page -> people(page, until));
        Stream<DeltaPage> groups = PagedRead.of(api, api.uri("/api/v1/groups", Map.of("filter", updated,
                        "limit", String.valueOf(pageSize))), OktaObjects::group, "list groups changed since " + from)
                .map(page -> groups(page, until));
        String types = EVENT_TYPES.stream().map(type -> "eventType eq \"" + type + "\"")
                .collect(Collectors.joining(" or "));
        Stream<DeltaPage> events = PagedRead.of(api, api.uri("/api/v1/logs", Map.of("since", from, "until", until,
                        "filter", types, "limit", String.valueOf(pageSize))), event -> event,
                "read the System Log since " + from)
                .map(page -> events(page, until));
        return Stream.concat(Stream.concat(people, groups), events);
    }

    private static Instant parse(String cursor) {
        try {
            return Instant.parse(cursor);
        } catch (DateTimeParseException e) {
            throw new PermanentConnectorException("'" + cursor + "' is not a cursor of the Okta connector (a time)");
        }
    }

    private static DeltaPage people(List<DirectoryPerson> page, String next) {
        return new DeltaPage(page, List.of(), List.of(), List.of(), List.of(), List.of(), next);
    }

    private static DeltaPage groups(List<DirectoryGroup> page, String next) {
        return new DeltaPage(List.of(), List.of(), page, List.of(), List.of(), List.of(), next);
    }

    /** Within a page, the last event for a membership wins: the log is oldest first. */
    private static DeltaPage events(List<JsonNode> page, String next) {
        var memberships = new LinkedHashMap<DirectoryMembership, Boolean>();
        var removedPeople = new ArrayList<String>();
        var removedGroups = new ArrayList<String>();
        for (JsonNode event : page) {
            Optional<String> user = target(event, "User");
            Optional<String> group = target(event, "UserGroup");
            switch (event.path("eventType").asString("")) {
                case "group.user_membership.add", "group.user_membership.remove" -> {
                    if (user.isPresent() && group.isPresent()) {
                        var membership = new DirectoryMembership(group.get(), user.get());
                        memberships.remove(membership);
                        memberships.put(membership, event.path("eventType").asString().endsWith(".add"));
                    }
                }
                case "user.lifecycle.delete.completed" -> user.ifPresent(removedPeople::add);
                case "group.lifecycle.delete" -> group.ifPresent(removedGroups::add);
                default -> {
                    // the filter asks for no other event types
                }
            }
        }
        List<DirectoryMembership> added = memberships.entrySet().stream().filter(Map.Entry::getValue)
                .map(Map.Entry::getKey).toList();
        List<DirectoryMembership> removed = memberships.entrySet().stream().filter(e -> !e.getValue())
                .map(Map.Entry::getKey).toList();
        return new DeltaPage(List.of(), removedPeople, List.of(), removedGroups, added, removed, next);
    }

    private static Optional<String> target(JsonNode event, String type) {
        for (JsonNode target : event.path("target")) {
            if (type.equals(target.path("type").asString(""))) {
                return Optional.of(target.path("id").asString());
            }
        }
        return Optional.empty();
    }
}
