package dev.clavis.web.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The signed-in person, as the console's authentication carries it, however they signed in. */
record WebUser(UUID personId, String email, String displayName, boolean admin, boolean auditor) {

    static final String ADMIN = "WEB_ADMIN";
    static final String AUDITOR = "WEB_AUDITOR";

    static WebUser of(Authentication authentication) {
        return (WebUser) authentication.getPrincipal();
    }

    List<GrantedAuthority> authorities() {
        var authorities = new ArrayList<GrantedAuthority>();
        if (admin) {
            authorities.add(new SimpleGrantedAuthority(ADMIN));
        }
        if (auditor) {
            authorities.add(new SimpleGrantedAuthority(AUDITOR));
        }
        return authorities;
    }
}
