package dev.clavis.catalog.internal;

import dev.clavis.catalog.CatalogService;
import dev.clavis.platform.DemoMode;
import dev.clavis.platform.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Applies the catalog file at start: {@code CLAVIS_CATALOG} when set (catalog as code: the file wins
 * over edits made through the API since), else the bundled demo catalog in demo mode. A catalog the
 * parser refuses stops the start, listing every problem, rather than running on a half-read policy.
 */
@Component
@Order(10)
class CatalogAtStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CatalogAtStart.class);
    private static final String DEMO_CATALOG = "/catalog/demo-catalog.yaml";

    private final CatalogService catalog;
    private final String file;
    private final DemoMode demo;

    CatalogAtStart(CatalogService catalog, @Value("${clavis.catalog:}") String file, DemoMode demo) {
        this.catalog = catalog;
        this.file = file;
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        String source;
        String yaml;
        if (!file.isBlank()) {
            source = "CLAVIS_CATALOG " + file;
            yaml = Files.readString(Path.of(file.strip()), StandardCharsets.UTF_8);
        } else if (demo.enabled()) {
            source = "the bundled demo catalog";
            try (InputStream in = CatalogAtStart.class.getResourceAsStream(DEMO_CATALOG)) {
                yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } else {
            return;
        }
        try {
            var result = catalog.apply(yaml, false, source);
            log.info("Catalog from {}: version {}, {} change(s)", source, result.version(), result.changes().size());
            result.warnings().forEach(warning -> log.warn("Catalog: {}", warning));
        } catch (InvalidInputException e) {
            throw new IllegalStateException("The catalog in " + source + " is not valid:\n" + e.errors().stream()
                    .map(error -> "  " + error.field() + ": " + error.message())
                    .collect(Collectors.joining("\n")));
        }
    }
}
