package dev.clavis.catalog;

import java.util.Optional;

/** Who approves a stage; resolved to people when the stage opens. */
public sealed interface ApproverRule {

    /** As written in the catalog. */
    String text();

    record Manager() implements ApproverRule {
        public String text() {
            return "manager";
        }
    }

    record AppOwner() implements ApproverRule {
        public String text() {
            return "app_owner";
        }
    }

    record User(String email) implements ApproverRule {
        public String text() {
            return "user:" + email;
        }
    }

    record Group(String name) implements ApproverRule {
        public String text() {
            return "group:" + name;
        }
    }

    static Optional<ApproverRule> parse(String text) {
        String value = text.strip();
        if (value.equals("manager")) {
            return Optional.of(new Manager());
        }
        if (value.equals("app_owner")) {
            return Optional.of(new AppOwner());
        }
        if (value.startsWith("user:") && value.length() > 5 && value.contains("@")) {
            return Optional.of(new User(value.substring(5).strip().toLowerCase(java.util.Locale.ROOT)));
        }
        if (value.startsWith("group:") && value.length() > 6) {
            return Optional.of(new Group(value.substring(6).strip()));
        }
        return Optional.empty();
    }
}
