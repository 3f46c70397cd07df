package dev.clavis.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clavis.platform.ApiTokenAdmin;
import dev.clavis.platform.ApiTokenAdmin.TokenSummary;
import dev.clavis.support.Api;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Authentication, errors and operations endpoints, the same for every resource. */
class ApiBasicsIT extends RunningClavis {

    private static final Path DATA = newDataDir();
    private static final int LDAP_PORT = newPort();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        embeddedDefaults(registry, DATA, LDAP_PORT);
    }

    @Test
    void aCallWithoutATokenIsA401Problem() {
        var response = anonymous().get("/api/v1/people");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().get("detail").asString()).contains("Bearer");
    }

    @Test
    void aWrongTokenIsA401ProblemNotAnAnonymousCall() {
        var response = admin().as("clv_not-a-real-token").get("/api/v1/people");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("detail").asString()).contains("not valid");
    }

    @Test
    void malformedJsonIsA400ProblemThatSaysSo() {
        var response = admin().post("/api/v1/tokens", "{\"person\": ");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().get("detail").asString()).startsWith("The request body cannot be read");
    }

    @Test
    void aBadCursorOrLimitIsA400Problem() {
        assertThat(admin().get("/api/v1/people?cursor=***").status()).isEqualTo(400);
        assertThat(admin().get("/api/v1/people?cursor=bm90LWEtY3Vyc29y").status()).isEqualTo(400);
        assertThat(admin().get("/api/v1/people?limit=501").json().get("detail").asString()).contains("between 1 and 500");
        assertThat(admin().get("/api/v1/people?limit=many").status()).isEqualTo(400);
    }

    @Test
    void anUnknownPersonIsA404Problem() {
        var response = admin().get("/api/v1/people/nobody@acme.test");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.isProblem()).isTrue();
    }

    @Test
    void aTokensLastUseIsShownWhenTokensAreListed(@Autowired ApiTokenAdmin tokens) {
        var created = admin().post("/api/v1/tokens",
                Api.json(Map.of("person", "maria.lopez@acme.test", "scopes", List.of("request"))));
        UUID id = UUID.fromString(created.json().get("id").asString());

        assertThat(admin().as(created.json().get("token").asString()).get("/api/v1/requests").status()).isEqualTo(200);

        TokenSummary listed = tokens.newest(1000).stream().filter(token -> token.id().equals(id)).findFirst().orElseThrow();
        assertThat(listed.lastUsedAt()).isNotNull();
    }

    @Test
    void healthIsUpWithTheDatabaseAndTheDirectory() {
        var health = anonymous().get("/actuator/health").json();

        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.get("components").get("db").get("status").asString()).isEqualTo("UP");
        assertThat(health.get("components").get("directory").get("status").asString()).isEqualTo("UP");
        assertThat(health.get("components").get("directory").get("details").get("type").asString()).isEqualTo("embedded");
    }

    @Test
    void prometheusMetricsAndTheOpenApiDescriptionAreServed() {
        var metrics = anonymous().get("/actuator/prometheus");
        var openApi = anonymous().get("/v3/api-docs");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
        assertThat(openApi.status()).isEqualTo(200);
        assertThat(openApi.json().get("paths").has("/api/v1/people")).isTrue();
        assertThat(anonymous().get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void theDirectoryEndpointNamesTheConnectorAndTheLastSync() {
        var directory = admin().get("/api/v1/directory").json();

        assertThat(directory.get("type").asString()).isEqualTo("embedded");
        assertThat(directory.get("lastSync").get("status").asString()).isEqualTo("SUCCEEDED");
    }
}
