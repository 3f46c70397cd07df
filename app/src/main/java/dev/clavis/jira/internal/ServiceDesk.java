package dev.clavis.jira.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.JsonNode;

/**
 * The configured project's service desk and access request type, looked up in Jira once and kept:
 * the ids a JSM request is created with, and the options each field of the request type offers.
 */
class ServiceDesk {

    private final JiraClient client;
    private final JiraSettings settings;
    private final AtomicReference<Resolved> resolved = new AtomicReference<>();

    ServiceDesk(JiraClient client, JiraSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    /** @param fields the request type's fields: id, name, required, and the option labels of a select */
    record Resolved(String serviceDeskId, String requestTypeId, String requestTypeName, List<Field> fields) {

        Optional<Field> field(String fieldId) {
            return fields.stream().filter(f -> f.id().equals(fieldId)).findFirst();
        }
    }

    record Field(String id, String name, boolean required, List<String> options) {}

    /** @throws JiraCallFailed transient when Jira cannot be asked, permanent when the project or request type is not there */
    Resolved resolve() {
        Resolved known = resolved.get();
        if (known != null) {
            return known;
        }
        String deskId = serviceDeskId().orElseThrow(() -> new JiraCallFailed(
                "Jira has no service desk for project " + settings.project(), 404, false, null));
        JsonNode type = requestType(deskId).orElseThrow(() -> new JiraCallFailed(
                "The service desk of " + settings.project() + " has no request type '" + settings.requestType() + "'", 404, false, null));
        String typeId = type.path("id").asString();
        var fields = new ArrayList<Field>();
        for (JsonNode field : client.requestTypeFields(deskId, typeId).path("requestTypeFields")) {
            var options = new ArrayList<String>();
            for (JsonNode value : field.path("validValues")) {
                options.add(value.path("label").asString(value.path("value").asString("")));
            }
            fields.add(new Field(field.path("fieldId").asString(), field.path("name").asString(""), field.path("required").asBoolean(false), options));
        }
        Resolved fresh = new Resolved(deskId, typeId, type.path("name").asString(""), List.copyOf(fields));
        resolved.set(fresh);
        return fresh;
    }

    /** Whether an issue's request type (as the webhook shows it) is the access request type. */
    boolean isAccessRequestType(JsonNode requestTypeValue) {
        JsonNode type = requestTypeValue.path("requestType");
        String id = type.path("id").asString("");
        String name = type.path("name").asString("");
        String wanted = settings.requestType().strip();
        return wanted.equalsIgnoreCase(id) || wanted.equalsIgnoreCase(name);
    }

    Optional<String> serviceDeskId() {
        for (JsonNode desk : client.serviceDesks().path("values")) {
            if (settings.project().strip().equalsIgnoreCase(desk.path("projectKey").asString(""))) {
                return Optional.of(desk.path("id").asString());
            }
        }
        return Optional.empty();
    }

    Optional<JsonNode> requestType(String serviceDeskId) {
        String wanted = settings.requestType().strip().toLowerCase(Locale.ROOT);
        for (JsonNode type : client.requestTypes(serviceDeskId).path("values")) {
            if (wanted.equals(type.path("id").asString("")) || wanted.equals(type.path("name").asString("").toLowerCase(Locale.ROOT))) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
