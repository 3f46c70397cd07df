package dev.clavis.it;

import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class H2GrantExpiryIT extends GrantExpiryContract {

    private static final Path DATA = newDataDir();
    private static final int LDAP_PORT = newPort();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        embeddedDefaults(registry, DATA, LDAP_PORT);
        registry.add("clavis.grants.expiry-retry", () -> "PT2S");
    }

    @Override
    protected int ldapPort() {
        return LDAP_PORT;
    }
}
