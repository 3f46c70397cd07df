package dev.clavis.jira.internal;

import dev.clavis.catalog.CatalogService;
import dev.clavis.jira.JiraHealth;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The same doctor as {@code GET /api/v1/integrations/jira/doctor}, against the catalog in force. */
@Component
class JiraHealthCheck implements JiraHealth {

    private final ObjectProvider<JiraDoctor> doctor;
    private final CatalogService catalog;

    JiraHealthCheck(ObjectProvider<JiraDoctor> doctor, CatalogService catalog) {
        this.doctor = doctor;
        this.catalog = catalog;
    }

    @Override
    public boolean configured() {
        return doctor.getIfAvailable() != null;
    }

    @Override
    public Checkup examine() {
        JiraDoctor available = doctor.getIfAvailable();
        JiraDoctor.Report report = available == null ? JiraDoctor.notConfigured() : available.examine(CatalogNames.of(catalog.current()));
        return new Checkup(report.healthy(), report.lines().stream()
                .map(line -> new Finding(line.verdict().name(), line.verdict().mark(), line.text()))
                .toList());
    }
}
