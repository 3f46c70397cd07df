package dev.clavis.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A fresh database on the PostgreSQL at 127.0.0.1:5432, user postgres (password {@code PGPASSWORD}, if
 * the server asks for one), for one run: a sync into a database that already holds the directory would
 * measure an unchanged sync twice. Dropped on close, so runs do not pile up gigabytes.
 */
final class PostgresDatabase implements AutoCloseable {

    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    static final String USER = "postgres";

    private final String name;

    private PostgresDatabase(String name) {
        this.name = name;
    }

    static PostgresDatabase create(Clock clock) throws SQLException {
        String name = "clavis_bench_" + DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss")
                .format(clock.instant().atOffset(ZoneOffset.UTC));
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        }
        return new PostgresDatabase(name);
    }

    String url() {
        return SERVER + name;
    }

    String name() {
        return name;
    }

    /** The settings that point Clavis at this database. */
    Map<String, String> environment() {
        return Map.of("CLAVIS_DB_URL", url(), "CLAVIS_DB_USER", USER, "CLAVIS_DB_PASSWORD", password());
    }

    /**
     * A server setting as {@code show} answers it. Autovacuum matters to the figures: without it the queue's
     * tables are never vacuumed or analysed during a run, as they are on any server left at its default.
     */
    static String setting(String name) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                var answer = statement.executeQuery("show " + name)) {
            answer.next();
            return answer.getString(1);
        }
    }

    /**
     * How many times the server has flushed its WAL to disk (pg_stat_wal's wal_sync, PostgreSQL 14 on; the
     * whole server's), or empty where it does not say. A transaction that writes ends in one: what a commit
     * costs, counted rather than timed.
     */
    static OptionalLong walFlushes() {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                var answer = statement.executeQuery("select wal_sync from pg_stat_wal")) {
            return answer.next() ? OptionalLong.of(answer.getLong(1)) : OptionalLong.empty();
        } catch (SQLException notSaid) {
            return OptionalLong.empty();
        }
    }

    static String password() {
        return System.getenv().getOrDefault("PGPASSWORD", "");
    }

    @Override
    public void close() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(SERVER + "postgres", USER, password());
    }
}
