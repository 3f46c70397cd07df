package dev.clavis.it;

import dev.clavis.support.Postgres;
import dev.clavis.support.SlackSimulator;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@ExtendWith(Postgres.class)
class PostgresSlackAppIT extends SlackAppContract {

    private static final Path DATA = newDataDir();
    private static final int LDAP_PORT = newPort();
    private static final Supplier<String> DATABASE = Postgres.newDatabase();
    private static final SlackSimulator SLACK = new SlackSimulator();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        slackDefaults(registry, DATA, LDAP_PORT, SLACK);
        registry.add("spring.datasource.url", DATABASE::get);
        registry.add("spring.datasource.username", Postgres::user);
    }

    @Override
    protected SlackSimulator workspace() {
        return SLACK;
    }

    @Override
    protected int ldapPort() {
        return LDAP_PORT;
    }
}
