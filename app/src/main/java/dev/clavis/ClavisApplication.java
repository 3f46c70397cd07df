package dev.clavis;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Self-hosted access governance: a catalog, requests, approvals and provisioning through the directory. */
@SpringBootApplication(excludeName = "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration")
@ConfigurationPropertiesScan
public class ClavisApplication {

    public static void main(String[] args) {
        SpringApplication.run(ClavisApplication.class, args);
    }
}
