package dev.clavis.embedded;

import java.util.List;

/**
 * An application of the demo organisation and the directory groups behind each of its roles: the
 * layout the bundled demo catalog describes, with its policies left to the catalog.
 *
 * @param owners emails of the people who own the application
 */
public record DemoApp(String id, String name, List<String> owners, List<Role> roles) {

    public DemoApp {
        owners = List.copyOf(owners);
        roles = List.copyOf(roles);
    }

    /** A role and the groups that granting it adds the person to. */
    public record Role(String id, List<String> groups) {

        public Role {
            groups = List.copyOf(groups);
        }
    }
}
