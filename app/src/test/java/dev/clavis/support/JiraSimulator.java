package dev.clavis.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Jira Service Management site that keeps state: users, one service project with its service desk,
 * request types and their fields, a workflow, issues with comments, transitions, properties and
 * approvals. Every request is validated against Atlassian's Jira Cloud platform OpenAPI description
 * (Data Center's {@code /rest/api/2} calls against the same paths of v3, whose shapes they share, less
 * the Cloud-only authentication and with wiki markup where v3 has ADF) or, for {@code /rest/servicedeskapi/}, against the shapes written
 * down from Atlassian's reference in {@code specs/jira/jsm-servicedeskapi.yaml}; every answer too.
 * A request that fails validation is answered 400 as Jira would and recorded in {@link #violations()}.
 */
public final class JiraSimulator implements AutoCloseable {

    public static final String PROJECT = "IT";
    public static final String REQUEST_TYPE = "Request access";
    public static final String REQUEST_TYPE_FIELD = "customfield_10010";
    public static final String APP_FIELD = "customfield_10050";
    public static final String ROLE_FIELD = "customfield_10051";
    public static final String DURATION_FIELD = "customfield_10052";
    public static final String JUSTIFICATION_FIELD = "customfield_10053";
    public static final String APPROVERS_FIELD = "customfield_10003";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final OpenApiInteractionValidator PLATFORM = validator("jira-platform-swagger-v3.v3.json");
    private static final OpenApiInteractionValidator SERVICE_DESK = validator("jsm-servicedeskapi.yaml");

    private final boolean cloud;
    private final HttpServer server;
    private final List<User> users = new ArrayList<>();
    private final Map<String, Issue> issues = new LinkedHashMap<>();
    private final List<Field> requestTypeFields = new ArrayList<>();
    private final Map<String, String> workflow = new LinkedHashMap<>();
    private final List<String> violations = new ArrayList<>();
    private final List<Call> calls = new ArrayList<>();
    private final AtomicInteger nextIssue = new AtomicInteger(1);
    private final java.util.ArrayDeque<Answer> failures = new java.util.ArrayDeque<>();

    /** A Jira user; {@code emailVisible} false is a Cloud profile that hides its email from apps. */
    public record User(String accountId, String name, String email, String displayName, boolean emailVisible) {}

    public record Field(String id, String name, boolean required, List<String> options) {}

    /** A request Clavis made, when and how it was answered. */
    public record Call(Instant at, String method, String path, int status) {}

    private static final class Issue {
        final String id;
        final String key;
        final ObjectNode fields;
        final List<JsonNode> comments = new ArrayList<>();
        final List<String> transitions = new ArrayList<>();
        final Map<String, JsonNode> properties = new LinkedHashMap<>();
        final List<ObjectNode> approvals = new ArrayList<>();
        boolean createdByClavis;

        Issue(String id, String key, ObjectNode fields) {
            this.id = id;
            this.key = key;
            this.fields = fields;
        }
    }

    private JiraSimulator(boolean cloud) throws IOException {
        this.cloud = cloud;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::serve);
        server.start();
        requestTypeFields.add(new Field("summary", "Summary", true, List.of()));
        requestTypeFields.add(new Field(APP_FIELD, "Application", true, List.of("Test Lab", "GitHub")));
        requestTypeFields.add(new Field(ROLE_FIELD, "Role", true, List.of("staged", "short", "admin", "member")));
        requestTypeFields.add(new Field(DURATION_FIELD, "Duration", true, List.of("PT20S", "1 hour", "7 days", "Permanent")));
        requestTypeFields.add(new Field(JUSTIFICATION_FIELD, "Why do you need it?", false, List.of()));
        workflow.put("11", "Approve");
        workflow.put("21", "Grant access");
        workflow.put("31", "Decline");
        workflow.put("41", "Close");
        workflow.put("51", "Cancel request");
        users.add(new User("557058:clavis-bot", "clavis-bot", "clavis-bot@acme.test", "Clavis", true));
    }

    public static JiraSimulator cloud() throws IOException {
        return new JiraSimulator(true);
    }

    public static JiraSimulator dataCenter() throws IOException {
        return new JiraSimulator(false);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // ---- what a test arranges ----

    public synchronized User addUser(String email, String displayName, boolean emailVisible) {
        String name = email.substring(0, email.indexOf('@'));
        User user = new User("557058:" + name, name, email, displayName, emailVisible);
        users.add(user);
        return user;
    }

    public synchronized void removeRequestTypeField(String fieldId) {
        requestTypeFields.removeIf(field -> field.id().equals(fieldId));
    }

    public synchronized void removeTransition(String name) {
        workflow.values().removeIf(name::equals);
    }

    /** After the failures already planned, {@code count} calls are answered {@code status} (with {@code Retry-After} when given). */
    public synchronized void failNext(int count, int status, @Nullable Integer retryAfterSeconds) {
        for (int i = 0; i < count; i++) {
            failures.add(new Answer(status, errors(status == 429 ? "Rate limit exceeded." : "Service unavailable"), retryAfterSeconds));
        }
    }

    /** A customer raises an access request in the portal; answers the {@code jira:issue_created} webhook. */
    public synchronized String raise(String reporterEmail, String app, String role, String duration, @Nullable String justification) {
        User reporter = user(reporterEmail);
        String number = String.valueOf(nextIssue.getAndIncrement());
        ObjectNode fields = JSON.createObjectNode();
        fields.putObject("project").put("key", PROJECT).put("id", "10000");
        fields.putObject("issuetype").put("id", "10100").put("name", "Service Request with Approvals");
        fields.put("summary", "Access to " + app);
        fields.putObject("status").put("name", "Waiting for approval").putObject("statusCategory").put("key", "new");
        fields.putObject(REQUEST_TYPE_FIELD).putObject("requestType").put("id", "10").put("name", REQUEST_TYPE);
        fields.putObject(APP_FIELD).put("value", app).put("id", "101");
        fields.putObject(ROLE_FIELD).put("value", role).put("id", "102");
        fields.putObject(DURATION_FIELD).put("value", duration).put("id", "103");
        if (justification != null) {
            fields.set(JUSTIFICATION_FIELD, cloud ? adf(justification) : JSON.getNodeFactory().stringNode(justification));
        }
        fields.set("reporter", userJson(reporter));
        fields.set("creator", userJson(reporter));
        Issue issue = new Issue("100" + number, PROJECT + "-" + number, fields);
        issues.put(issue.key, issue);
        return event("jira:issue_created", issue, reporter, null);
    }

    /** An approver answers the issue's pending approval in Jira; answers the {@code jira:issue_updated} webhook. */
    public synchronized String answerApproval(String key, String approverEmail, boolean approve) {
        Issue issue = issue(key);
        User approver = user(approverEmail);
        ObjectNode approval = issue.approvals.stream().filter(a -> a.path("finalDecision").asString().equals("pending"))
                .findFirst().orElseGet(() -> newApproval(issue, List.of(approver)));
        boolean listed = false;
        for (JsonNode entry : approval.path("approvers")) {
            if (entry.path("approver").path("accountId").asString("").equals(approver.accountId())
                    || entry.path("approver").path("name").asString("").equals(approver.name())) {
                ((ObjectNode) entry).put("approverDecision", approve ? "approved" : "declined");
                listed = true;
            }
        }
        if (!listed) {
            ObjectNode entry = ((ArrayNode) approval.get("approvers")).addObject();
            entry.set("approver", approverJson(approver));
            entry.put("approverDecision", approve ? "approved" : "declined");
        }
        approval.put("finalDecision", approve ? "approved" : "declined");
        approval.putObject("completedDate").put("iso8601", Instant.now().toString()).put("epochMillis", Instant.now().toEpochMilli());
        ObjectNode changelog = JSON.createObjectNode().put("id", "2" + issue.comments.size());
        changelog.putArray("items").addObject().put("field", "Approvals").put("fieldtype", "custom")
                .put("toString", approve ? "approved" : "declined");
        return event("jira:issue_updated", issue, approver, changelog);
    }

    /** The reporter moves the issue to a status (e.g. "Canceled"); answers the {@code jira:issue_updated} webhook. */
    public synchronized String moveTo(String key, String status, String category, String byEmail) {
        Issue issue = issue(key);
        String from = issue.fields.path("status").path("name").asString();
        issue.fields.putObject("status").put("name", status).putObject("statusCategory").put("key", category);
        ObjectNode changelog = JSON.createObjectNode().put("id", "3" + issue.comments.size());
        changelog.putArray("items").addObject().put("field", "status").put("fieldtype", "jira")
                .put("fromString", from).put("toString", status);
        return event("jira:issue_updated", issue, user(byEmail), changelog);
    }

    // ---- what a test reads ----

    /** Each comment's words, in the order they were made; ADF and wiki markup alike. */
    public synchronized List<String> comments(String key) {
        return issue(key).comments.stream().map(JiraSimulator::text).toList();
    }

    public synchronized List<JsonNode> commentBodies(String key) {
        return List.copyOf(issue(key).comments);
    }

    public synchronized List<String> transitions(String key) {
        return List.copyOf(issue(key).transitions);
    }

    public synchronized String status(String key) {
        return issue(key).fields.path("status").path("name").asString();
    }

    public synchronized @Nullable JsonNode property(String key, String property) {
        return issue(key).properties.get(property);
    }

    public synchronized JsonNode field(String key, String fieldId) {
        return issue(key).fields.path(fieldId);
    }

    public synchronized boolean hasIssue(String key) {
        return issues.containsKey(key);
    }

    /** The issues Clavis created through the service desk API, in order. */
    public synchronized List<String> createdByClavis() {
        return issues.values().stream().filter(issue -> issue.createdByClavis).map(issue -> issue.key).toList();
    }

    public synchronized User reporterOf(String key) {
        String id = issue(key).fields.path("reporter").path(cloud ? "accountId" : "name").asString();
        return users.stream().filter(u -> (cloud ? u.accountId() : u.name()).equals(id)).findFirst().orElseThrow();
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    public synchronized List<String> violations() {
        return List.copyOf(violations);
    }

    // ---- serving ----

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Answer answer;
            synchronized (this) {
                answer = answer(exchange, method, path, query, body);
                calls.add(new Call(Instant.now(), method, path, answer.status));
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json;charset=UTF-8");
            if (answer.retryAfter != null) {
                exchange.getResponseHeaders().add("Retry-After", String.valueOf(answer.retryAfter));
            }
            byte[] bytes = answer.body == null ? new byte[0] : JSON.writeValueAsBytes(answer.body);
            exchange.sendResponseHeaders(answer.status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        }
    }

    private record Answer(int status, @Nullable JsonNode body, @Nullable Integer retryAfter) {
        static Answer of(int status, @Nullable JsonNode body) {
            return new Answer(status, body, null);
        }
    }

    private Answer answer(HttpExchange exchange, String method, String path, @Nullable String query, String body) {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith(cloud ? "Basic " : "Bearer ")) {
            return Answer.of(401, errors("You are not authenticated. Authentication required to perform this operation."));
        }
        if (!failures.isEmpty()) {
            return failures.poll();
        }
        String specPath = path.replaceFirst("^/rest/api/2/", "/rest/api/3/");
        if (!cloud && path.startsWith("/rest/api/3/") || cloud && path.startsWith("/rest/api/2/")) {
            violations.add(method + " " + path + ": the wrong API version for " + (cloud ? "Cloud" : "Data Center"));
            return Answer.of(404, errors("Not found"));
        }
        SimpleRequest.Builder request = new SimpleRequest.Builder(method, specPath);
        exchange.getRequestHeaders().forEach((name, values) -> request.withHeader(name, values));
        Map<String, String> params = params(query);
        params.forEach(request::withQueryParam);
        if (!body.isEmpty()) {
            request.withBody(cloud ? body : asV3(specPath, body));
        }
        Request built = request.build();
        OpenApiInteractionValidator validator = path.startsWith("/rest/servicedeskapi/") ? SERVICE_DESK : PLATFORM;
        List<String> problems = problems(validator.validateRequest(built));
        if (!problems.isEmpty()) {
            violations.add(method + " " + path + ": " + problems);
            ObjectNode error = errors("Invalid request");
            problems.forEach(((ArrayNode) error.get("errorMessages"))::add);
            return Answer.of(400, error);
        }
        Answer answer = route(method, specPath, params, body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body));
        // The description gives some 204s a body schema; Jira answers them, as HTTP says, without a body.
        if (answer.status < 300 && answer.status != 204) {
            var response = SimpleResponse.Builder.status(answer.status).withContentType("application/json");
            if (answer.body != null) {
                String json = JSON.writeValueAsString(answer.body);
                response.withBody(cloud ? json : asV3(specPath, json));
            }
            List<String> wrong = problems(validator.validateResponse(specPath, Request.Method.valueOf(method), response.build()));
            if (!wrong.isEmpty()) {
                violations.add("the simulator's answer to " + method + " " + path + ": " + wrong);
            }
        }
        return answer;
    }

    /**
     * A Data Center comment's body is wiki markup where v3 has an ADF document; that one difference is
     * checked in {@link #issueCall}, the rest of the request or answer against v3 as it is.
     */
    private static String asV3(String path, String body) {
        JsonNode json = JSON.readTree(body);
        if (path.endsWith("/comment") && json.path("body").isString()) {
            ((ObjectNode) json).set("body", adf(json.path("body").asString()));
        }
        return JSON.writeValueAsString(json);
    }

    private List<String> problems(ValidationReport report) {
        return report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .filter(message -> cloud || !message.getKey().startsWith("validation.request.security"))
                .map(message -> message.getKey() + ": " + message.getMessage())
                .toList();
    }

    private static final Pattern ISSUE = Pattern.compile("/rest/api/3/issue/([^/]+)(/.*)?");
    private static final Pattern DESK = Pattern.compile("/rest/servicedeskapi/servicedesk/([^/]+)/requesttype(/([^/]+)/field)?");
    private static final Pattern APPROVAL = Pattern.compile("/rest/servicedeskapi/request/([^/]+)/approval");

    private Answer route(String method, String path, Map<String, String> params, JsonNode body) {
        Matcher issue = ISSUE.matcher(path);
        Matcher desk = DESK.matcher(path);
        Matcher approval = APPROVAL.matcher(path);
        if (method.equals("GET") && path.equals("/rest/api/3/myself")) {
            return Answer.of(200, userJson(users.get(0)));
        }
        if (method.equals("GET") && path.equals("/rest/api/3/project/" + PROJECT)) {
            return Answer.of(200, JSON.createObjectNode().put("id", "10000").put("key", PROJECT).put("name", "IT Help"));
        }
        if (method.equals("GET") && path.startsWith("/rest/api/3/project/")) {
            return Answer.of(404, errors("No project could be found with key '" + path.substring(path.lastIndexOf('/') + 1) + "'."));
        }
        if (method.equals("GET") && path.equals("/rest/api/3/field")) {
            ArrayNode fields = JSON.createArrayNode();
            for (String id : List.of("summary", REQUEST_TYPE_FIELD, APP_FIELD, ROLE_FIELD, DURATION_FIELD, JUSTIFICATION_FIELD, APPROVERS_FIELD)) {
                fields.addObject().put("id", id).put("key", id).put("name", id).put("custom", id.startsWith("customfield_"));
            }
            return Answer.of(200, fields);
        }
        if (method.equals("GET") && path.equals("/rest/api/3/workflow/search")) {
            ObjectNode page = JSON.createObjectNode().put("startAt", 0).put("maxResults", 50).put("total", 1).put("isLast", true);
            ObjectNode flow = page.putArray("values").addObject();
            flow.putObject("id").put("name", "IT: Service Request Fulfilment workflow");
            flow.put("description", "The workflow of the access request type");
            ArrayNode transitions = flow.putArray("transitions");
            workflow.forEach((id, name) -> {
                ObjectNode transition = transitions.addObject().put("id", id).put("name", name).put("description", "")
                        .put("to", "1" + id).put("type", "global");
                transition.putArray("from");
            });
            return Answer.of(200, page);
        }
        if (method.equals("GET") && path.equals("/rest/api/3/user/search")) {
            String wanted = Objects.requireNonNullElse(params.get(cloud ? "query" : "username"), "").toLowerCase(Locale.ROOT);
            ArrayNode found = JSON.createArrayNode();
            users.stream().filter(u -> !wanted.isEmpty() && (u.email().equalsIgnoreCase(wanted) || u.name().equalsIgnoreCase(wanted)))
                    .forEach(u -> found.add(userJson(u)));
            return Answer.of(200, found);
        }
        if (method.equals("GET") && path.equals("/rest/servicedeskapi/servicedesk")) {
            ObjectNode page = page();
            ((ArrayNode) page.get("values")).addObject().put("id", "1").put("projectId", "10000").put("projectKey", PROJECT).put("projectName", "IT Help");
            return Answer.of(200, page.put("size", 1));
        }
        if (method.equals("GET") && desk.matches()) {
            if (!desk.group(1).equals("1")) {
                return Answer.of(404, errors("The service desk does not exist"));
            }
            if (desk.group(3) == null) {
                ObjectNode page = page();
                ((ArrayNode) page.get("values")).addObject().put("id", "10").put("name", REQUEST_TYPE).put("serviceDeskId", "1");
                ((ArrayNode) page.get("values")).addObject().put("id", "11").put("name", "Get IT help").put("serviceDeskId", "1");
                return Answer.of(200, page.put("size", 2));
            }
            ObjectNode meta = JSON.createObjectNode().put("canRaiseOnBehalfOf", true).put("canAddRequestParticipants", true);
            ArrayNode fields = meta.putArray("requestTypeFields");
            for (Field field : requestTypeFields) {
                ObjectNode node = fields.addObject().put("fieldId", field.id()).put("name", field.name()).put("required", field.required());
                ArrayNode values = node.putArray("validValues");
                field.options().forEach(option -> values.addObject().put("value", option).put("label", option));
            }
            return Answer.of(200, meta);
        }
        if (method.equals("POST") && path.equals("/rest/servicedeskapi/request")) {
            return createRequest(body);
        }
        if (method.equals("GET") && approval.matches()) {
            Issue found = issues.get(approval.group(1));
            if (found == null) {
                return Answer.of(404, errors("The request does not exist"));
            }
            ObjectNode page = page();
            found.approvals.forEach(((ArrayNode) page.get("values"))::add);
            return Answer.of(200, page.put("size", found.approvals.size()));
        }
        if (issue.matches()) {
            Issue found = issues.get(issue.group(1));
            if (found == null) {
                return Answer.of(404, errors("Issue does not exist or you do not have permission to see it."));
            }
            return issueCall(found, method, Objects.requireNonNullElse(issue.group(2), ""), body);
        }
        return Answer.of(404, errors("No route for " + method + " " + path));
    }

    private Answer issueCall(Issue issue, String method, String rest, JsonNode body) {
        if (method.equals("POST") && rest.equals("/comment")) {
            JsonNode comment = body.get("body");
            if (cloud != comment.isObject()) {
                violations.add("POST comment on " + issue.key + ": " + (cloud ? "Cloud takes an ADF document" : "Data Center takes wiki markup"));
                return Answer.of(400, errors("Comment body can not be empty!"));
            }
            issue.comments.add(comment);
            ObjectNode created = JSON.createObjectNode().put("id", String.valueOf(10000 + issue.comments.size()));
            created.set("body", comment);
            created.set("author", userJson(users.get(0)));
            return Answer.of(201, created.put("created", "2026-11-25T21:00:00.000+0000"));
        }
        if (method.equals("GET") && rest.equals("/transitions")) {
            ObjectNode answer = JSON.createObjectNode();
            ArrayNode transitions = answer.putArray("transitions");
            workflow.forEach((id, name) -> transitions.addObject().put("id", id).put("name", name)
                    .putObject("to").put("name", name).put("id", id));
            return Answer.of(200, answer);
        }
        if (method.equals("POST") && rest.equals("/transitions")) {
            String id = body.path("transition").path("id").asString("");
            String name = workflow.get(id);
            if (name == null) {
                return Answer.of(400, errors("Transition id '" + id + "' is not valid for this issue."));
            }
            issue.transitions.add(name);
            issue.fields.putObject("status").put("name", name).putObject("statusCategory").put("key", "indeterminate");
            return Answer.of(204, null);
        }
        if (method.equals("PUT") && rest.startsWith("/properties/")) {
            boolean existed = issue.properties.put(rest.substring("/properties/".length()), body) != null;
            return Answer.of(existed ? 200 : 201, JSON.createObjectNode());
        }
        if (method.equals("PUT") && rest.isEmpty()) {
            JsonNode approvers = body.path("fields").path(APPROVERS_FIELD);
            if (!approvers.isMissingNode()) {
                List<User> people = new ArrayList<>();
                for (JsonNode approver : approvers) {
                    String id = approver.path(cloud ? "accountId" : "name").asString("");
                    User user = users.stream().filter(u -> (cloud ? u.accountId() : u.name()).equals(id)).findFirst().orElse(null);
                    if (user == null) {
                        return Answer.of(400, errors("Specify a valid value for " + APPROVERS_FIELD + ": no user " + id));
                    }
                    people.add(user);
                }
                issue.fields.set(APPROVERS_FIELD, approvers);
                issue.approvals.removeIf(a -> a.path("finalDecision").asString().equals("pending"));
                if (!people.isEmpty()) {
                    newApproval(issue, people);
                }
            }
            return Answer.of(204, null);
        }
        return Answer.of(404, errors("No route for " + method + " issue" + rest));
    }

    private Answer createRequest(JsonNode body) {
        if (!body.path("serviceDeskId").asString("").equals("1") || !body.path("requestTypeId").asString("").equals("10")) {
            return Answer.of(400, errors("The request type or service desk does not exist"));
        }
        JsonNode values = body.path("requestFieldValues");
        for (var name : values.propertyNames()) {
            if (requestTypeFields.stream().noneMatch(field -> field.id().equals(name))) {
                return Answer.of(400, errors("Field '" + name + "' is not valid for this request type"));
            }
        }
        for (Field field : requestTypeFields) {
            if (field.required() && !values.has(field.id())) {
                return Answer.of(400, errors("Field '" + field.id() + "' (" + field.name() + ") is required"));
            }
        }
        String onBehalf = body.path("raiseOnBehalfOf").asString(users.get(0).accountId());
        User reporter = users.stream().filter(u -> (cloud ? u.accountId() : u.name()).equals(onBehalf)).findFirst().orElse(null);
        if (reporter == null) {
            return Answer.of(400, errors("The user '" + onBehalf + "' does not exist"));
        }
        String number = String.valueOf(nextIssue.getAndIncrement());
        ObjectNode fields = ((ObjectNode) values).deepCopy();
        fields.putObject("project").put("key", PROJECT).put("id", "10000");
        fields.putObject("status").put("name", "Waiting for approval").putObject("statusCategory").put("key", "new");
        fields.putObject(REQUEST_TYPE_FIELD).putObject("requestType").put("id", "10").put("name", REQUEST_TYPE);
        fields.set("reporter", userJson(reporter));
        fields.set("creator", userJson(users.get(0)));
        Issue issue = new Issue("100" + number, PROJECT + "-" + number, fields);
        issue.createdByClavis = true;
        issues.put(issue.key, issue);
        ObjectNode created = JSON.createObjectNode().put("issueId", issue.id).put("issueKey", issue.key)
                .put("requestTypeId", "10").put("serviceDeskId", "1");
        created.putObject("_links").put("web", baseUrl() + "/servicedesk/customer/portal/1/" + issue.key)
                .put("self", baseUrl() + "/rest/servicedeskapi/request/" + issue.id);
        return Answer.of(201, created);
    }

    private ObjectNode newApproval(Issue issue, List<User> approvers) {
        ObjectNode approval = JSON.createObjectNode().put("id", String.valueOf(issue.approvals.size() + 1))
                .put("name", "Waiting for approval").put("finalDecision", "pending").put("canAnswerApproval", false);
        ArrayNode list = approval.putArray("approvers");
        approvers.forEach(approver -> list.addObject().put("approverDecision", "pending").set("approver", approverJson(approver)));
        approval.putObject("createdDate").put("iso8601", Instant.now().toString()).put("epochMillis", Instant.now().toEpochMilli());
        issue.approvals.add(approval);
        return approval;
    }

    private String event(String kind, Issue issue, User by, @Nullable ObjectNode changelog) {
        ObjectNode event = JSON.createObjectNode().put("timestamp", Instant.now().toEpochMilli()).put("webhookEvent", kind)
                .put("issue_event_type_name", kind.equals("jira:issue_created") ? "issue_created" : "issue_generic");
        event.set("user", userJson(by));
        ObjectNode issueJson = event.putObject("issue").put("id", issue.id).put("key", issue.key)
                .put("self", baseUrl() + "/rest/api/" + (cloud ? "3" : "2") + "/issue/" + issue.id);
        issueJson.set("fields", issue.fields.deepCopy());
        if (changelog != null) {
            event.set("changelog", changelog);
        }
        return JSON.writeValueAsString(event);
    }

    private ObjectNode userJson(User user) {
        ObjectNode json = JSON.createObjectNode().put("displayName", user.displayName()).put("active", true);
        if (cloud) {
            json.put("accountId", user.accountId()).put("accountType", "atlassian");
        } else {
            json.put("name", user.name()).put("key", "JIRAUSER" + Math.abs(user.name().hashCode()));
        }
        if (user.emailVisible()) {
            json.put("emailAddress", user.email());
        }
        return json;
    }

    /** A user as the service desk API shows one: no account type, unlike the platform API. */
    private ObjectNode approverJson(User user) {
        ObjectNode json = userJson(user);
        json.remove("accountType");
        return json;
    }

    private User user(String email) {
        return users.stream().filter(u -> u.email().equalsIgnoreCase(email)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the simulator has no user " + email));
    }

    private Issue issue(String key) {
        Issue issue = issues.get(key);
        if (issue == null) {
            throw new IllegalArgumentException("the simulator has no issue " + key);
        }
        return issue;
    }

    private static ObjectNode page() {
        ObjectNode page = JSON.createObjectNode().put("start", 0).put("limit", 50).put("isLastPage", true);
        page.putArray("values");
        return page;
    }

    private static ObjectNode errors(String message) {
        ObjectNode error = JSON.createObjectNode();
        error.putArray("errorMessages").add(message);
        error.putObject("errors");
        return error;
    }

    private static ObjectNode adf(String text) {
        ObjectNode doc = JSON.createObjectNode().put("type", "doc").put("version", 1);
        doc.putArray("content").addObject().put("type", "paragraph").putArray("content")
                .addObject().put("type", "text").put("text", text);
        return doc;
    }

    /** The words of a comment: an ADF document's text nodes, or wiki markup as written. */
    private static String text(JsonNode body) {
        if (body.isString()) {
            return body.asString();
        }
        var text = new StringBuilder();
        collect(body, text);
        return text.toString().strip();
    }

    private static void collect(JsonNode node, StringBuilder text) {
        if (node.has("text")) {
            text.append(node.get("text").asString()).append('\n');
        }
        node.path("content").forEach(child -> collect(child, text));
    }

    private static Map<String, String> params(@Nullable String query) {
        Map<String, String> params = new LinkedHashMap<>();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                params.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    private static OpenApiInteractionValidator validator(String file) {
        try (InputStream spec = JiraSimulator.class.getResourceAsStream("/specs/jira/" + file)) {
            String content = new String(Objects.requireNonNull(spec, file).readAllBytes(), StandardCharsets.UTF_8);
            return OpenApiInteractionValidator.createForInlineApiSpecification(content).build();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
