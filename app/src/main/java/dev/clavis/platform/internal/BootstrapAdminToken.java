package dev.clavis.platform.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** With {@code CLAVIS_BOOTSTRAP_ADMIN_TOKEN} set, an admin token with exactly that value exists after start. */
@Component
@Order(0)
class BootstrapAdminToken implements ApplicationRunner {

    private final ApiTokens tokens;
    private final String token;

    BootstrapAdminToken(ApiTokens tokens, @Value("${clavis.bootstrap-admin-token:}") String token) {
        this.tokens = tokens;
        this.token = token;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!token.isBlank()) {
            tokens.ensureBootstrapToken(token.strip());
        }
    }
}
