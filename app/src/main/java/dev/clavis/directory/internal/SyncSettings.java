package dev.clavis.directory.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param interval time between scheduled syncs ({@code CLAVIS_SYNC_INTERVAL})
 * @param maxDeparturePercent a sync that would mark more than this share of people departed, or
 *     remove more than this share of groups, stops and waits for an admin to confirm
 */
@ConfigurationProperties("clavis.sync")
record SyncSettings(
        @DefaultValue("PT15M") Duration interval,
        @DefaultValue("20") int maxDeparturePercent,
        @DefaultValue("true") boolean onStart) {}
