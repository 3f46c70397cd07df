package dev.clavis.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The PostgreSQL server the tests use: {@code CLAVIS_TEST_PG_URL} or 127.0.0.1:5432 as user postgres,
 * as {@code .ci/run} starts it. Each test class gets a database of its own, dropped when the test JVM
 * exits (the Spring contexts that use them are cached until then). Where no server answers, tests skip
 * with the reason, except in CI, where PostgreSQL is always there and its absence fails.
 */
public final class Postgres implements ExecutionCondition {

    private static final String SERVER = System.getenv().getOrDefault("CLAVIS_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String USER = System.getenv().getOrDefault("CLAVIS_TEST_PG_USER", "postgres");
    private static final Set<String> CREATED = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Postgres::dropCreated, "drop-test-databases"));
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        try (Connection ignored = connect("postgres")) {
            return ConditionEvaluationResult.enabled("PostgreSQL answers at " + SERVER);
        } catch (SQLException e) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("CI must have PostgreSQL at " + SERVER + ": " + e.getMessage(), e);
            }
            return ConditionEvaluationResult.disabled("No PostgreSQL at " + SERVER + " (" + e.getMessage()
                    + "): start it with pg_ctlcluster, or set CLAVIS_TEST_PG_URL");
        }
    }

    /**
     * A database made on first use, so a skipped test class makes none; Spring reads dynamic
     * properties more than once, and must get the same database each time.
     */
    public static Supplier<String> newDatabase() {
        var url = new AtomicReference<String>();
        return () -> url.updateAndGet(existing -> existing != null ? existing : createDatabase());
    }

    private static String createDatabase() {
        String name = "clavis_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = connect("postgres")) {
            connection.createStatement().execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database: " + e.getMessage(), e);
        }
        CREATED.add(name);
        return SERVER + name;
    }

    /** Drops the databases this JVM made; connections still open to them are closed by the server. */
    private static void dropCreated() {
        if (CREATED.isEmpty()) {
            return;
        }
        try (Connection connection = connect("postgres")) {
            for (String name : CREATED) {
                connection.createStatement().execute("drop database if exists " + name + " with (force)");
            }
        } catch (SQLException e) {
            System.err.println("Could not drop the test databases " + CREATED + ": " + e.getMessage());
        }
    }

    public static String user() {
        return USER;
    }

    public static String password() {
        return System.getenv().getOrDefault("CLAVIS_TEST_PG_PASSWORD", "");
    }

    private static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(SERVER + database, USER, password());
    }
}
