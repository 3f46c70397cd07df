package dev.clavis.jira.internal;

import dev.clavis.catalog.CatalogService;
import dev.clavis.platform.Callers;
import dev.clavis.platform.ForbiddenException;
import dev.clavis.platform.Scope;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/integrations/jira/doctor}: the doctor's report, for admins. */
@RestController
class DoctorController {

    private final ObjectProvider<JiraDoctor> doctor;
    private final CatalogService catalog;

    DoctorController(ObjectProvider<JiraDoctor> doctor, CatalogService catalog) {
        this.doctor = doctor;
        this.catalog = catalog;
    }

    @GetMapping("/api/v1/integrations/jira/doctor")
    JiraDoctor.Report doctor() {
        if (!Callers.current().has(Scope.ADMIN)) {
            throw new ForbiddenException("The Jira doctor shows how Jira is configured; it needs a token with the admin scope");
        }
        JiraDoctor available = doctor.getIfAvailable();
        return available == null ? JiraDoctor.notConfigured() : available.examine(CatalogNames.of(catalog.current()));
    }
}
