package dev.clavis.connector.keycloak;

import dev.clavis.connector.spi.UnknownPersonException;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/** Look-ups of single people that several operations share. */
final class Users {

    private Users() {}

    /** The person with exactly this email (Keycloak keeps emails lower case), if any. */
    static Optional<Representations.User> byEmail(AdminApi api, String email) {
        return api.list("/users" + Paths.query("email", email, "exact", true, "briefRepresentation", true),
                        Representations.USERS, Role.VIEW_USERS, "look up the person with email " + email)
                .stream()
                .filter(user -> email.equalsIgnoreCase(user.email()))
                .findFirst();
    }

    /**
     * The person's whole representation, as Keycloak wants it back on an update.
     *
     * @throws UnknownPersonException when there is no such person
     */
    static ObjectNode byId(AdminApi api, String id) {
        String action = "read person " + id;
        Transport.Answer answer = api.get("/users/" + Paths.segment(id), Role.VIEW_USERS, action);
        if (answer.status() == 404) {
            throw new UnknownPersonException(id);
        }
        return api.read(answer, ObjectNode.class, action);
    }
}
