package dev.clavis.web.internal;

import java.util.Arrays;
import java.util.Optional;

/** Why someone who proved who they are still may not sign in, as the sign-in page explains it. */
enum SignInRefusal {

    NO_EMAIL("no-email", "Your sign-in provider did not tell Clavis your email address. Ask IT to release the email claim to Clavis."),
    UNVERIFIED("unverified", "Your sign-in provider has not verified your email address, so Clavis cannot tell who you are. "
            + "Ask IT to verify it."),
    UNKNOWN("unknown", "No one with your email address is in Clavis's directory. If you joined recently, try again after "
            + "the next directory sync, or ask IT."),
    DEPARTED("departed", "Your account is no longer active in the directory."),
    UNAVAILABLE("unavailable", "The sign-in provider does not answer just now. Try again in a minute."),
    FAILED("failed", "Sign-in did not complete. Try again.");

    private final String code;
    private final String message;

    SignInRefusal(String code, String message) {
        this.code = code;
        this.message = message;
    }

    /** How the refusal travels in the sign-in page's URL. */
    String code() {
        return code;
    }

    String message() {
        return message;
    }

    static Optional<SignInRefusal> ofCode(String code) {
        return Arrays.stream(values()).filter(refusal -> refusal.code.equals(code)).findFirst();
    }
}
