package dev.clavis.request.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param adminGroup the directory group whose members are admins: the last fallback approvers
 *     ({@code CLAVIS_REQUESTS_ADMIN_GROUP})
 */
@ConfigurationProperties("clavis.requests")
record RequestSettings(@DefaultValue("clavis-admins") String adminGroup) {}
