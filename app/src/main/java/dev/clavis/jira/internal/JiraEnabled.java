package dev.clavis.jira.internal;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** The integration is on when {@code CLAVIS_JIRA_BASE_URL} is set. */
class JiraEnabled implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return !context.getEnvironment().getProperty("clavis.jira.base-url", "").isBlank();
    }
}
