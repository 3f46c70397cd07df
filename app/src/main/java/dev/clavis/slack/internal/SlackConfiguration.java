package dev.clavis.slack.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

@Configuration(proxyBeanMethods = false)
@OnSlack
class SlackConfiguration {

    @Bean
    SlackSettings slackSettings(Environment environment) {
        return SlackSettings.from(environment);
    }

    /**
     * Slack's calls carry no token and no cookie: what authenticates them is the signature over the
     * raw body, which {@link SlackRequestVerifier} checks before anything is read from it.
     */
    @Bean
    @Order(10)
    SecurityFilterChain slackInbound(HttpSecurity http) throws Exception {
        return http.securityMatcher("/integrations/slack/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .authorizeHttpRequests(rules -> rules.anyRequest().permitAll())
                .build();
    }
}
