package dev.clavis.jira;

import dev.clavis.jira.internal.CatalogNames;
import dev.clavis.jira.internal.JiraClient;
import dev.clavis.jira.internal.JiraDoctor;
import dev.clavis.jira.internal.JiraSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;

/**
 * {@code java -jar clavis.jar doctor jira}: the Jira doctor from the command line, with the same
 * {@code CLAVIS_JIRA_*} settings as the server and the catalog file in {@code CLAVIS_CATALOG} (or the
 * bundled demo catalog), without starting the server.
 */
public final class JiraDoctorCommand {

    private JiraDoctorCommand() {}

    /** @return the process's exit status: 0 when nothing is missing */
    public static int run(PrintStream out) {
        var environment = new StandardEnvironment();
        JiraSettings settings = Binder.get(environment).bindOrCreate("clavis.jira", JiraSettings.class);
        if (!settings.enabled()) {
            print(out, JiraDoctor.notConfigured());
            return 1;
        }
        String catalogFile = environment.getProperty("clavis.catalog", "");
        CatalogNames catalog;
        try {
            InputStream yaml = catalogFile.isBlank()
                    ? Objects.requireNonNull(JiraDoctorCommand.class.getResourceAsStream("/catalog/demo-catalog.yaml"))
                    : Files.newInputStream(Path.of(catalogFile.strip()));
            catalog = CatalogNames.read(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the catalog " + catalogFile, e);
        }
        out.println("Catalog: " + (catalogFile.isBlank() ? "the bundled demo catalog" : catalogFile) + ", " + catalog.apps().size() + " app(s)");
        JiraDoctor.Report report = new JiraDoctor(settings, new JiraClient(settings, Clock.systemUTC())).examine(catalog);
        print(out, report);
        return report.healthy() ? 0 : 1;
    }

    private static void print(PrintStream out, JiraDoctor.Report report) {
        report.lines().forEach(line -> out.println(line.verdict().mark() + " " + line.text()));
        out.println(report.healthy() ? "Jira is ready for Clavis." : "Jira is not ready for Clavis: fix the lines marked ✗.");
    }
}
