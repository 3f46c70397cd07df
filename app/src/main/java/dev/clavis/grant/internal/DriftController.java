package dev.clavis.grant.internal;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class DriftController {

    private final Drift drift;

    DriftController(Drift drift) {
        this.drift = drift;
    }

    /** Grants whose membership is missing, and memberships of managed groups no grant explains. */
    @GetMapping("/api/v1/drift")
    Drift.Report drift() {
        return drift.report();
    }
}
