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
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The console's pages are session based, so every form carries a CSRF token. This chain matches the
 * console's paths only: the API keeps its own stateless bearer-token chain. HSTS is sent on HTTPS
 * requests, which behind a proxy are those it forwards with {@code X-Forwarded-Proto: https}.
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
    SecurityFilterChain webSecurity(HttpSecurity http, HttpSessionSecurityContextRepository contexts, WebSettings settings,
            OidcProvider provider, OidcSignIn oidcSignIn, SignOut signOut) throws Exception {
        http.securityMatcher(PAGES)
                .securityContext(context -> context.securityContextRepository(contexts))
                .addFilterAfter(new AbsoluteSessionTimeout(settings), SecurityContextHolderFilter.class)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; form-action 'self'"
                                + provider.origin().map(origin -> " " + origin).orElse("")
                                + "; frame-ancestors 'none'; object-src 'none'; base-uri 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .logout(logout -> logout.logoutUrl("/signout").logoutSuccessHandler(signOut))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/signin")))
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers("/signin", "/signin/**", "/web/**", "/webjars/**").permitAll()
                        .requestMatchers("/admin/**").hasAuthority(WebUser.ADMIN)
                        .requestMatchers("/audit/**", "/dashboard/**").hasAnyAuthority(WebUser.ADMIN, WebUser.AUDITOR)
                        .anyRequest().authenticated());
        if (provider.enabled()) {
            http.oauth2Login(login -> login
                    .loginPage("/signin")
                    .clientRegistrationRepository(provider.registrations())
                    // the provider's tokens live and die with the session, not in a map that outlives it
                    .authorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository())
                    .authorizationEndpoint(endpoint -> endpoint.baseUri(OidcProvider.AUTHORIZATION_BASE))
                    .redirectionEndpoint(endpoint -> endpoint.baseUri(OidcProvider.CALLBACK))
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(oidcSignIn))
                    .successHandler(oidcSignIn)
                    .failureHandler(oidcSignIn));
        }
        return http.build();
    }

    /** Ends a session that has lasted longer than the absolute timeout since sign-in, however active it is. */
    private static final class AbsoluteSessionTimeout extends OncePerRequestFilter {

        private final WebSettings settings;

        AbsoluteSessionTimeout(WebSettings settings) {
            this.settings = settings;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            var session = request.getSession(false);
            if (session != null && session.getAttribute(WebSignIn.SIGNED_IN_AT) instanceof Long signedInAt
                    && System.currentTimeMillis() - signedInAt > settings.absoluteTimeout().toMillis()) {
                session.invalidate();
                response.sendRedirect(request.getContextPath() + "/signin");
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
