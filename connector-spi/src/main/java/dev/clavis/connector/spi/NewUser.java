package dev.clavis.connector.spi;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A person to create; {@code managerId} is a provider id. */
public record NewUser(
        String email,
        String givenName,
        String familyName,
        @Nullable String department,
        @Nullable String title,
        @Nullable String managerId,
        @Nullable String employeeType) {

    public NewUser {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(givenName, "givenName");
        Objects.requireNonNull(familyName, "familyName");
    }

    public String displayName() {
        return givenName + " " + familyName;
    }
}
