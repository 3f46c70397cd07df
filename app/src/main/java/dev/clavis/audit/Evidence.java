package dev.clavis.audit;

import java.util.Map;
import java.util.UUID;

/** The evidence an auditor asks for, assembled from the trail and the modules that own the facts. */
public interface Evidence {

    /** @throws dev.clavis.platform.NotFoundException when there is no such request */
    RequestEvidence ofRequest(UUID requestId);

    /**
     * The evidence as one self-contained document, with the whole chain's verification (which reads
     * the whole trail): what the API serves and the console offers to download.
     */
    Map<String, Object> document(RequestEvidence evidence);
}
