package dev.clavis.platform.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>}. A request without the header goes on
 * unauthenticated (and is refused by the rules that need a caller); a header with an unknown or
 * malformed token is refused here, so a mistyped token is never mistaken for "no token".
 */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiTokens tokens;
    private final ProblemResponses problems;

    ApiTokenAuthenticationFilter(ApiTokens tokens, ProblemResponses problems) {
        this.tokens = tokens;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            problems.write(response, HttpStatus.UNAUTHORIZED, "Unauthorized",
                    "Use 'Authorization: Bearer <token>' with a Clavis API token.");
            return;
        }
        var caller = tokens.authenticate(header.substring(BEARER.length()).strip());
        if (caller.isEmpty()) {
            problems.write(response, HttpStatus.UNAUTHORIZED, "Unauthorized",
                    "The API token is not valid: it is unknown, expired or was revoked. Ask an admin for a new one.");
            return;
        }
        var authorities = caller.get().scopes().stream()
                .map(scope -> new SimpleGrantedAuthority(scope.authority()))
                .toList();
        var authentication = UsernamePasswordAuthenticationToken.authenticated(caller.get(), null, authorities);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
