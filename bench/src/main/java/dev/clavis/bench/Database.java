package dev.clavis.bench;

import java.util.Locale;

/** The databases Clavis can keep its copy of the directory in. */
enum Database {
    H2,
    POSTGRESQL;

    static Database parse(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "h2" -> H2;
            case "postgres", "postgresql", "pg" -> POSTGRESQL;
            default -> throw new IllegalArgumentException("unknown database '" + name + "': use h2 or postgresql");
        };
    }

    String label() {
        return this == H2 ? "H2" : "PostgreSQL";
    }
}
