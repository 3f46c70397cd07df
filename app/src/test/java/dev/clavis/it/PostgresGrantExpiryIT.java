package dev.clavis.it;

import dev.clavis.support.Postgres;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@ExtendWith(Postgres.class)
class PostgresGrantExpiryIT extends GrantExpiryContract {

    private static final Path DATA = newDataDir();
    private static final int LDAP_PORT = newPort();
    private static final Supplier<String> DATABASE = Postgres.newDatabase();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        embeddedDefaults(registry, DATA, LDAP_PORT);
        registry.add("clavis.grants.expiry-retry", () -> "PT2S");
        registry.add("spring.datasource.url", DATABASE::get);
        registry.add("spring.datasource.username", Postgres::user);
    }

    @Override
    protected int ldapPort() {
        return LDAP_PORT;
    }
}
