package dev.clavis.connector.okta.simulator;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Okta's management API description (test resource {@code specs/okta/management-minimal.yaml}), parsed
 * once per JVM: it is 3.4 MB. Checks a request, and a request with the answer the simulator gives it.
 */
final class OpenApiCheck {

    private static final String SPEC = "/specs/okta/management-minimal.yaml";

    private static final String MAX_YAML = "maxYamlCodePoints";

    private static volatile OpenApiInteractionValidator validator;

    private OpenApiCheck() {}

    /** The request's problems; an empty list when it is one Okta's description allows. */
    static List<String> checkRequest(String method, String path, Map<String, List<String>> query,
            Map<String, List<String>> headers, String body) {
        return messages(validator().validateRequest(request(method, path, query, headers, body)));
    }

    /** The answer's problems, given the request it answers. */
    static List<String> checkResponse(String method, String path, Map<String, List<String>> query,
            Map<String, List<String>> headers, String requestBody, int status, String responseBody) {
        var response = SimpleResponse.Builder.status(status);
        if (!responseBody.isEmpty()) {
            response.withContentType("application/json").withBody(responseBody);
        }
        return messages(validator().validate(request(method, path, query, headers, requestBody), response.build()))
                .stream()
                .filter(message -> message.startsWith("[RESPONSE]"))
                .toList();
    }

    private static Request request(String method, String path, Map<String, List<String>> query,
            Map<String, List<String>> headers, String body) {
        var request = new SimpleRequest.Builder(method, path);
        query.forEach(request::withQueryParam);
        headers.forEach(request::withHeader);
        if (!body.isEmpty()) {
            request.withBody(body);
        }
        return request.build();
    }

    private static List<String> messages(ValidationReport report) {
        return report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .map(message -> "[" + (message.getKey().startsWith("validation.response") ? "RESPONSE" : "REQUEST")
                        + "] " + message.getKey() + ": " + message.getMessage()
                        + (message.getNestedMessages().isEmpty() ? "" : " " + message.getNestedMessages().stream()
                                .map(nested -> nested.getMessage()).toList()))
                .toList();
    }

    /** Parses the description now, so that the first call is not kept waiting for it. */
    static void load() {
        validator();
    }

    private static OpenApiInteractionValidator validator() {
        OpenApiInteractionValidator current = validator;
        if (current == null) {
            synchronized (OpenApiCheck.class) {
                current = validator;
                if (current == null) {
                    // the description is larger than the YAML parser's default limit of 3 M code points
                    if (System.getProperty(MAX_YAML) == null) {
                        System.setProperty(MAX_YAML, "20000000");
                    }
                    String location = Objects.requireNonNull(OpenApiCheck.class.getResource(SPEC), SPEC).toString();
                    // parsed here because Okta's description has a few faults in schemas Clavis never uses
                    // (wrongly typed defaults, arrays without items), which the validator's own loading refuses
                    var options = new ParseOptions();
                    options.setResolve(true);
                    options.setResolveFully(true);
                    OpenAPI api = new OpenAPIV3Parser().read(location, null, options);
                    current = new OpenApiInteractionValidator.Builder().withApi(api)
                            .withLevelResolver(LevelResolver.create()
                                    // Okta answers 5xx and 429 on any call, declared or not
                                    .withLevel("validation.response.status.unknown", ValidationReport.Level.IGNORE)
                                    .build())
                            .build();
                    validator = current;
                }
            }
        }
        return current;
    }
}
