package dev.clavis.grant.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param remindBefore how long before expiry {@code GrantExpiringSoon} is published ({@code CLAVIS_GRANTS_REMIND_BEFORE})
 * @param reconcileInterval time between drift reconciliations ({@code CLAVIS_GRANTS_RECONCILE_INTERVAL})
 * @param expiryRetry how long a grant past its expiry that could not be ended is passed over before it is
 *     tried again ({@code CLAVIS_GRANTS_EXPIRY_RETRY})
 */
@ConfigurationProperties("clavis.grants")
record GrantSettings(
        @DefaultValue("PT24H") Duration remindBefore,
        @DefaultValue("PT15M") Duration reconcileInterval,
        @DefaultValue("PT1M") Duration expiryRetry) {}
