package dev.clavis.jira.internal;

/**
 * One thing Jira must be told about a ticket, waiting in the queue.
 *
 * @param payload JSON: a note for a comment, the logical transition ({@code granted}), the approvers' emails
 */
record Step(long id, Kind kind, String payload) {

    enum Kind {
        /** Create the JSM request that mirrors a request made elsewhere; everything after it waits for its key. */
        CREATE_ISSUE,
        COMMENT,
        TRANSITION,
        /** Fill the approvers field; only the latest matters. */
        APPROVERS,
        /** Write the {@code clavis} issue property from the request as it is when sent; only one is needed. */
        PROPERTY
    }
}
