package dev.clavis.slack.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A listener that queues a message in the transaction that published the event, just before it commits
 * (at once where there is none): the message commits with what it tells of, reads that transaction's
 * outcome (a request's stages are routed after it is submitted), and a person's messages queue in the
 * order their causes committed, which durable asynchronous listeners, each in a transaction of its own,
 * did not keep.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
@interface BeforeCommit {}
