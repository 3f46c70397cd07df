package dev.clavis.web.internal;

/** A sign-in that may not go ahead, with the reason the person is shown. */
final class SignInRefusedException extends RuntimeException {

    private final SignInRefusal refusal;

    SignInRefusedException(SignInRefusal refusal) {
        super(refusal.code());
        this.refusal = refusal;
    }

    SignInRefusal refusal() {
        return refusal;
    }
}
