package dev.clavis;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Self-hosted access governance: a catalog, requests, approvals and provisioning through the directory. */
@SpringBootApplication(excludeName = "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration")
@ConfigurationPropertiesScan
public class ClavisApplication {

    public static void main(String[] args) {
        if (args.length == 2 && args[0].equals("doctor") && args[1].equals("jira")) {
            System.exit(dev.clavis.jira.JiraDoctorCommand.run(System.out));
        }
        SpringApplication.run(ClavisApplication.class, args);
    }
}
