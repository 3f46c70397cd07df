package dev.clavis.web.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The console's pages are session based, so every form carries a CSRF token. This chain matches the
 * console's paths only: the API keeps its own stateless bearer-token chain.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebSettings.class)
class WebSecurityConfiguration {

    static final String[] PAGES = {"/portal/**", "/signin", "/signin/**", "/signout", "/inbox/**", "/requests/**",
        "/access/**", "/reviews/**", "/admin/**", "/audit/**", "/dashboard/**", "/web/**", "/webjars/**"};

    @Bean
    HttpSessionSecurityContextRepository webSecurityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    SecurityFilterChain webSecurity(HttpSecurity http, HttpSessionSecurityContextRepository contexts, WebSettings settings)
            throws Exception {
        http.securityMatcher(PAGES)
                .securityContext(context -> context.securityContextRepository(contexts))
                .addFilterAfter(new AbsoluteSessionTimeout(settings), SecurityContextHolderFilter.class)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; form-action 'self'; frame-ancestors 'none'; object-src 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .logout(logout -> logout.logoutUrl("/signout").logoutSuccessUrl("/signin"))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/signin")))
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers("/signin", "/signin/**", "/web/**", "/webjars/**").permitAll()
                        .requestMatchers("/admin/**").hasAuthority(WebUser.ADMIN)
                        .requestMatchers("/audit/**", "/dashboard/**").hasAnyAuthority(WebUser.ADMIN, WebUser.AUDITOR)
                        .anyRequest().authenticated());
        return http.build();
    }

    /** Ends a session that has lasted longer than the absolute timeout, however active it is. */
    private static final class AbsoluteSessionTimeout extends OncePerRequestFilter {

        private final WebSettings settings;

        AbsoluteSessionTimeout(WebSettings settings) {
            this.settings = settings;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            var session = request.getSession(false);
            if (session != null
                    && System.currentTimeMillis() - session.getCreationTime() > settings.absoluteTimeout().toMillis()) {
                session.invalidate();
                response.sendRedirect(request.getContextPath() + "/signin");
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
