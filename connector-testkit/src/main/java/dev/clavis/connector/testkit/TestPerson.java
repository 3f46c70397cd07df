package dev.clavis.connector.testkit;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A person for a {@link TestDirectory} to create.
 *
 * @param managerId the id, as the connector reports it, of a person created earlier
 */
public record TestPerson(
        String email,
        String givenName,
        String familyName,
        @Nullable String department,
        @Nullable String title,
        @Nullable String managerId,
        @Nullable String employeeType) {

    public TestPerson {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(givenName, "givenName");
        Objects.requireNonNull(familyName, "familyName");
    }

    /** The name the connector must report for this person. */
    public String displayName() {
        return givenName + " " + familyName;
    }
}
