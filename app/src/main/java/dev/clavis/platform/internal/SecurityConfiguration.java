package dev.clavis.platform.internal;

import dev.clavis.platform.Scope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * The API is stateless and authenticated by bearer tokens only, so it needs no CSRF protection
 * (no cookie is ever accepted as a credential). Operational endpoints that monitoring scrapes and
 * the OpenAPI description are open; everything else needs a caller, and admin actions the admin scope.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /**
     * Spring Security would otherwise wrap every filter of every call in an observation of its own: a cost on
     * each request that tells an operator nothing {@code http.server.requests} does not. (Turning the
     * observations off by name in the settings only makes them no-ops; the wrapping stays.)
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiTokens tokens, ProblemResponses problems) throws Exception {
        String admin = Scope.ADMIN.authority();
        http.securityMatcher("/api/**", "/actuator/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new ApiTokenAuthenticationFilter(tokens, problems), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers("/", "/actuator/health/**", "/actuator/health", "/actuator/prometheus",
                                "/actuator/info", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/tokens", "/api/v1/directory/sync").hasAuthority(admin)
                        .requestMatchers(HttpMethod.PUT, "/api/v1/catalog").hasAuthority(admin)
                        .requestMatchers("/api/v1/audit/**", "/api/v1/audit", "/api/v1/drift")
                        .hasAnyAuthority(admin, Scope.AUDIT.authority())
                        .requestMatchers("/api/**").authenticated()
                        .anyRequest().denyAll())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> problems.write(response,
                                HttpStatus.UNAUTHORIZED, "Unauthorized",
                                "This call needs 'Authorization: Bearer <token>' with a Clavis API token."))
                        .accessDeniedHandler((request, response, e) -> problems.write(response,
                                HttpStatus.FORBIDDEN, "Forbidden",
                                "Your token lacks the scope this call needs: admin actions need 'admin', the audit trail 'audit'.")));
        return http.build();
    }
}
