package dev.clavis.catalog;

import java.util.Optional;

/** A role named as {@code app/role}. */
public record RoleRef(String appId, String roleId) {

    public static Optional<RoleRef> parse(String text) {
        int slash = text.indexOf('/');
        if (slash <= 0 || slash == text.length() - 1 || text.indexOf('/', slash + 1) >= 0) {
            return Optional.empty();
        }
        return Optional.of(new RoleRef(text.substring(0, slash).strip(), text.substring(slash + 1).strip()));
    }

    @Override
    public String toString() {
        return appId + "/" + roleId;
    }
}
