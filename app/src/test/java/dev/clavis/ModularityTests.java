package dev.clavis;

import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    /** The connector SPI and the embedded directory share the base package but are libraries, not modules. */
    private final ApplicationModules modules = ApplicationModules.of(ClavisApplication.class,
            JavaClass.Predicates.resideInAnyPackage("dev.clavis.connector..", "dev.clavis.embedded.."));

    @Test
    void modulesOnlyUseEachOthersPublicApiAndFormNoCycle() {
        modules.verify();
    }

    @Test
    void moduleDocumentationIsWritten() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
