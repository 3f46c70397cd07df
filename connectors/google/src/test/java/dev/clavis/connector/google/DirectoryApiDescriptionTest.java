package dev.clavis.connector.google;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clavis.connector.google.DirectoryApiDescription.Match;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The simulator's checks refuse what Google's description does not allow, so a passing test means something. */
class DirectoryApiDescriptionTest {

    private final DirectoryApiDescription api = DirectoryApiDescription.load();

    @Test
    void aDescribedRequestPasses() {
        assertThat(api.requestViolations(match("GET", "admin/directory/v1/users"),
                Map.of("customer", "my_customer", "maxResults", "500", "projection", "full"), null)).isEmpty();
        assertThat(api.requestViolations(match("POST", "admin/directory/v1/groups/0abc/members"), Map.of(),
                json("{\"email\": \"ann@acme.test\", \"role\": \"MEMBER\"}"))).isEmpty();
    }

    @Test
    void anUndescribedMethodMatchesNothing() {
        assertThat(api.match("DELETE", segments("admin/directory/v1/users/123"))).isEmpty();
        assertThat(api.match("PATCH", segments("admin/directory/v1/groups/0abc/members/123"))).isEmpty();
    }

    @Test
    void parametersOutsideTheDescriptionAreViolations() {
        List<String> violations = api.requestViolations(match("GET", "admin/directory/v1/groups"),
                Map.of("maxResults", "500", "projection", "full"), null);

        assertThat(violations).containsExactlyInAnyOrder(
                "directory.groups.list parameter maxResults must be between 1 and 200, not 500",
                "directory.groups.list has no query parameter 'projection'",
                "directory.groups.list needs one of [customer, domain, userKey]");
    }

    @Test
    void aMemberInsertWithoutAnEmailOrWithReadOnlyFieldsIsAViolation() {
        List<String> violations = api.requestViolations(match("POST", "admin/directory/v1/groups/0abc/members"),
                Map.of(), json("{\"id\": \"123\", \"status\": \"ACTIVE\", \"role\": \"BOSS\"}"));

        assertThat(violations).containsExactlyInAnyOrder(
                "directory.members.insert request.status is read-only",
                "directory.members.insert request.role must be one of [MANAGER, MEMBER, OWNER], not BOSS",
                "directory.members.insert request.email is required by directory.members.insert");
    }

    @Test
    void aUserInsertNeedsItsNamesAndPasswordAndDescribedFieldsOnly() {
        List<String> violations = api.requestViolations(match("POST", "admin/directory/v1/users"), Map.of(),
                json("{\"primaryEmail\": \"a@acme.test\", \"name\": {\"givenName\": \"A\"}, \"manager\": \"b\"}"));

        assertThat(violations).containsExactlyInAnyOrder(
                "directory.users.insert request.manager is not a field of User",
                "directory.users.insert request.name.familyName is required by directory.users.insert",
                "directory.users.insert request.password is required by directory.users.insert");
    }

    @Test
    void aResponseThatReturnsThePasswordIsAViolation() {
        List<String> violations = api.responseViolations(match("GET", "admin/directory/v1/users/123"),
                json("{\"id\": \"123\", \"password\": \"x\"}"));

        assertThat(violations).containsExactly("directory.users.get response.password is never returned");
    }

    @Test
    void errorsHaveGooglesShape() {
        JsonNode error = api.error("userRateLimitExceeded", "");

        assertThat(error.path("error").path("code").asInt()).isEqualTo(403);
        assertThat(error.path("error").path("errors").path(0).path("reason").asString()).isEqualTo("userRateLimitExceeded");
        assertThat(error.path("error").path("errors").path(0).path("domain").asString()).isEqualTo("usageLimits");
        assertThat(api.error("notFound", "groupKey").path("error").path("message").asString())
                .isEqualTo("Resource Not Found: groupKey");
    }

    private Match match(String method, String path) {
        return api.match(method, segments(path)).orElseThrow();
    }

    private static List<String> segments(String path) {
        return Arrays.asList(path.split("/"));
    }

    private static JsonNode json(String text) {
        return JsonMapper.shared().readTree(text);
    }
}
