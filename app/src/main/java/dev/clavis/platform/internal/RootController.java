package dev.clavis.platform.internal;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Tells someone who opens the server's address where to go. */
@RestController
class RootController {

    @GetMapping(path = "/", produces = "application/json")
    Map<String, String> links() {
        return Map.of(
                "name", "Clavis",
                "api", "/api/v1",
                "apiDocs", "/v3/api-docs",
                "swaggerUi", "/swagger-ui.html",
                "health", "/actuator/health");
    }
}
