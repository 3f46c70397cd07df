package dev.clavis.it;

import dev.clavis.support.SlackSimulator;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class H2SlackAppIT extends SlackAppContract {

    private static final Path DATA = newDataDir();
    private static final int LDAP_PORT = newPort();
    private static final SlackSimulator SLACK = new SlackSimulator();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        slackDefaults(registry, DATA, LDAP_PORT, SLACK);
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
