package dev.clavis.web.internal;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param idleTimeout a session unused this long ends
 * @param absoluteTimeout a session ends this long after sign-in, however busy
 * @param adminGroup directory group whose members see the admin pages
 * @param auditorGroup directory group whose members see the audit trail and the dashboard, read only
 * @param demoPeople whom the demo sign-in page offers to act as, by email
 */
@ConfigurationProperties("clavis.web")
record WebSettings(
        @DefaultValue("PT30M") Duration idleTimeout,
        @DefaultValue("PT8H") Duration absoluteTimeout,
        @DefaultValue("clavis-admins") String adminGroup,
        @DefaultValue("clavis-auditors") String auditorGroup,
        @DefaultValue({"sam.taylor@acme.test", "maria.lopez@acme.test", "priya.shah@acme.test", "daniel.kim@acme.test"})
        List<String> demoPeople) {}
