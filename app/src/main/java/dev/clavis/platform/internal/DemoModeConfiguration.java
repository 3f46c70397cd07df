package dev.clavis.platform.internal;

import dev.clavis.platform.DemoMode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DemoModeConfiguration {

    @Bean
    DemoMode demoMode(@Value("${clavis.demo:}") String demo, @Value("${clavis.directory:embedded}") String directory) {
        return new DemoMode(demo.isBlank() ? directory.strip().equalsIgnoreCase("embedded") : Boolean.parseBoolean(demo.strip()));
    }
}
