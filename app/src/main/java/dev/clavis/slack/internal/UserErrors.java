package dev.clavis.slack.internal;

import dev.clavis.platform.ConflictException;
import dev.clavis.platform.ForbiddenException;
import dev.clavis.platform.InvalidInputException;
import dev.clavis.platform.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * What a person in Slack reads when Clavis refuses: the domain's own explanation for a refusal, and a
 * plain apology for anything else (whose details go to the log, not to Slack).
 */
@Component
@OnSlack
class UserErrors {

    String notInDirectory() {
        return "I can't find you in the company directory: Clavis knows people by the email of their Slack account, "
                + "and yours matches no one. Ask your IT team to check your email in both places.";
    }

    String explain(RuntimeException e, String what) {
        if (e instanceof InvalidInputException || e instanceof ConflictException || e instanceof ForbiddenException
                || e instanceof NotFoundException) {
            return what + ": " + Blocks.escape(e.getMessage());
        }
        throw e;
    }
}
