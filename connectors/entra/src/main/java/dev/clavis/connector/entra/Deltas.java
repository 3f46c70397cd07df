package dev.clavis.connector.entra;

import dev.clavis.connector.spi.DeltaPage;
import dev.clavis.connector.spi.DirectoryGroup;
import dev.clavis.connector.spi.DirectoryMembership;
import dev.clavis.connector.spi.DirectoryPerson;
import dev.clavis.connector.spi.PermanentConnectorException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Delta sync with Graph's {@code users/delta} and {@code groups/delta}. A cursor holds one link of each
 * round (a deltaLink, or a nextLink when a round stopped midway), as JSON; it is opaque to the platform.
 *
 * <p>A delta names a changed object with "at least the properties that were updated", so changed users
 * and groups are read again, whole, by id; membership changes come from the groups' {@code members@delta}.
 * Graph keeps delta tokens for seven days: an older cursor is refused with a permanent error and the
 * platform reads everything again.
 */
final class Deltas {

    /** Graph accepts at most 15 values in an {@code in} filter. */
    private static final int IDS_PER_FILTER = 15;

    private final GraphClient graph;
    private final GraphFailures failures;

    Deltas(GraphClient graph, GraphFailures failures) {
        this.graph = graph;
        this.failures = failures;
    }

    String currentCursor() {
        URI users = latest("/users/delta", Users.FIELDS + ",manager", GraphAction.readUsers("start tracking changes to users"));
        URI groups = latest("/groups/delta", "displayName,description,members",
                GraphAction.readGroups("start tracking changes to groups"));
        return cursor(users, groups);
    }

    Stream<DeltaPage> changesSince(String cursor) {
        JsonNode links = parse(cursor);
        var users = new Round(graph.ownLink(links.path("users").asString(), "the delta cursor names a link"),
                GraphAction.readUsers("read changes to users"));
        var groups = new Round(graph.ownLink(links.path("groups").asString(), "the delta cursor names a link"),
                GraphAction.readGroups("read changes to groups"));
        PageSource<DeltaPage> pages = () -> {
            if (!users.finished()) {
                JsonNode page = users.next();
                return List.of(userChanges(page, cursor(users.resumeAt(), groups.resumeAt())));
            }
            if (!groups.finished()) {
                JsonNode page = groups.next();
                return List.of(groupChanges(page, cursor(users.resumeAt(), groups.resumeAt())));
            }
            return null;
        };
        return pages.stream().flatMap(List::stream);
    }

    private DeltaPage userChanges(JsonNode page, String nextCursor) {
        var changed = new ArrayList<String>();
        var removed = new ArrayList<String>();
        for (JsonNode user : page.path("value")) {
            (user.has("@removed") ? removed : changed).add(user.path("id").asString());
        }
        List<DirectoryPerson> people = readById("/users", changed, Users.query(false, IDS_PER_FILTER),
                GraphAction.readUsers("read changed users"), Users::person);
        return new DeltaPage(people, removed, List.of(), List.of(), List.of(), List.of(), nextCursor);
    }

    private DeltaPage groupChanges(JsonNode page, String nextCursor) {
        var changed = new ArrayList<String>();
        var removed = new ArrayList<String>();
        var added = new ArrayList<DirectoryMembership>();
        var ended = new ArrayList<DirectoryMembership>();
        for (JsonNode group : page.path("value")) {
            String id = group.path("id").asString();
            if (group.has("@removed")) {
                removed.add(id);
                continue;
            }
            if (group.has("displayName") || group.has("description")) {
                changed.add(id);
            }
            for (JsonNode member : group.path("members@delta")) {
                if (Groups.isUser(member)) {
                    (member.has("@removed") ? ended : added).add(new DirectoryMembership(id, member.path("id").asString()));
                }
            }
        }
        List<DirectoryGroup> groups = readById("/groups", changed,
                EntraConnector.orderedQuery("$select", "id,displayName,description", "$top", Integer.toString(IDS_PER_FILTER)),
                GraphAction.readGroups("read changed groups"), Groups::group);
        return new DeltaPage(List.of(), List.of(), groups, removed, added, ended, nextCursor);
    }

    /** Reads objects whole with {@code $filter=id in (...)}; one deleted since the delta is simply absent. */
    private <T> List<T> readById(String path, List<String> ids, Map<String, String> query, GraphAction action,
            Function<JsonNode, T> mapper) {
        var result = new ArrayList<T>();
        for (int from = 0; from < ids.size(); from += IDS_PER_FILTER) {
            String filter = ids.subList(from, Math.min(ids.size(), from + IDS_PER_FILTER)).stream()
                    .map(id -> "'" + id.replace("'", "''") + "'")
                    .collect(Collectors.joining(",", "id in (", ")"));
            var filtered = new LinkedHashMap<String, String>();
            filtered.put("$filter", filter);
            filtered.putAll(query);
            PageSource<T> pages = new GraphPages<>(graph, graph.url(path, filtered), action, mapper::apply);
            for (List<T> page = pages.next(); page != null; page = pages.next()) {
                result.addAll(page);
            }
        }
        return result;
    }

    private URI latest(String path, String fields, GraphAction action) {
        JsonNode answer = graph.get(graph.url(path, EntraConnector.orderedQuery("$select", fields, "$deltatoken", "latest")),
                action);
        URI link = graph.link(answer, "@odata.deltaLink");
        if (link == null) {
            throw new PermanentConnectorException("Graph answered " + path + "?$deltatoken=latest without a deltaLink");
        }
        return link;
    }

    private static String cursor(URI users, URI groups) {
        return GraphClient.JSON.createObjectNode().put("users", users.toString()).put("groups", groups.toString())
                .toString();
    }

    private static JsonNode parse(String cursor) {
        try {
            JsonNode links = GraphClient.JSON.readTree(cursor);
            if (links.path("users").isString() && links.path("groups").isString()) {
                return links;
            }
        } catch (JacksonException e) {
            // reported below
        }
        throw new PermanentConnectorException("not a delta cursor of the Entra connector; read everything again");
    }

    /**
     * One delta round along nextLinks to the deltaLink. A delta link older than Graph keeps (400
     * {@code syncStateNotFound}, or 410) is a permanent error, as {@link dev.clavis.connector.spi.DeltaSync} asks.
     */
    private final class Round {

        private URI link;
        private final GraphAction action;
        private boolean finished;

        Round(URI link, GraphAction action) {
            this.link = link;
            this.action = action;
        }

        boolean finished() {
            return finished;
        }

        URI resumeAt() {
            return link;
        }

        JsonNode next() {
            GraphResponse response = graph.send("GET", link, null, action);
            if (response.status() == 410 || response.errorCode().equalsIgnoreCase("syncStateNotFound")) {
                throw new PermanentConnectorException("Graph no longer knows this delta cursor ("
                        + response.status() + " " + response.errorCode() + "); read everything again");
            }
            if (!response.isSuccess()) {
                throw failures.classify(response, action);
            }
            JsonNode page = response.body();
            URI next = graph.link(page, "@odata.nextLink");
            if (next != null) {
                link = next;
            } else {
                URI delta = graph.link(page, "@odata.deltaLink");
                if (delta == null) {
                    throw new PermanentConnectorException("Graph ended a delta round without a deltaLink");
                }
                link = delta;
                finished = true;
            }
            return page;
        }
    }
}
