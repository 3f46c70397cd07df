package dev.clavis.connector.entra.simulator;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * Entra ID's OAuth 2.0 token endpoint ({@code POST /{tenant}/oauth2/v2.0/token}) for the client credentials
 * grant, with a client secret or a certificate-signed client assertion (RFC 7523) checked as Entra ID
 * checks them; errors in Entra ID's shape ({@code error}, {@code error_description} with an AADSTS code).
 */
final class TokenEndpoint {

    record Answer(int status, ObjectNode body) {}

    private final String tenantId;
    private final String clientId;
    private final String clientSecret;
    private volatile @Nullable X509Certificate certificate;
    private final Map<String, Instant> issued = new ConcurrentHashMap<>();
    private final AtomicInteger issuedCount = new AtomicInteger();
    private final SecureRandom random = new SecureRandom();

    TokenEndpoint(String tenantId, String clientId, String clientSecret) {
        this.tenantId = tenantId;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    void registerCertificate(X509Certificate certificate) {
        this.certificate = certificate;
    }

    boolean isValid(String accessToken) {
        Instant expiry = issued.get(accessToken);
        return expiry != null && expiry.isAfter(Instant.now());
    }

    int tokensIssued() {
        return issuedCount.get();
    }

    /** @param endpoint the URL this request was sent to, which a client assertion's audience must name */
    Answer token(String tenant, String form, String endpoint, String scope) {
        Map<String, String> parameters = parse(form);
        if (!tenantId.equals(tenant)) {
            return error(400, "invalid_request", 90002, "Tenant '" + tenant + "' not found. Check to make sure you"
                    + " have the correct tenant ID and are signing into the correct cloud.");
        }
        if (!"client_credentials".equals(parameters.get("grant_type"))) {
            return error(400, "unsupported_grant_type", 70003, "The app requested an unsupported grant type '"
                    + parameters.get("grant_type") + "'.");
        }
        if (!clientId.equals(parameters.get("client_id"))) {
            return error(400, "unauthorized_client", 700016, "Application with identifier '"
                    + parameters.get("client_id") + "' was not found in the directory '" + tenant + "'.");
        }
        if (!isResourceScope(parameters.get("scope"), scope)) {
            return error(400, "invalid_scope", 1002012, "The provided value for scope " + parameters.get("scope")
                    + " is not valid. Client credential flows must have a scope value with /.default suffixed to"
                    + " the resource identifier (application ID URI).");
        }
        String secret = parameters.get("client_secret");
        String assertion = parameters.get("client_assertion");
        if (secret != null) {
            if (!MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8),
                    clientSecret.getBytes(StandardCharsets.UTF_8))) {
                return error(401, "invalid_client", 7000215, "Invalid client secret provided. Ensure the secret"
                        + " being sent in the request is the client secret value, not the client secret ID, for a"
                        + " secret added to app '" + clientId + "'.");
            }
        } else if (assertion != null) {
            String problem = assertionProblem(assertion, parameters.get("client_assertion_type"), endpoint);
            if (problem != null) {
                return error(401, "invalid_client", 700027, problem);
            }
        } else {
            return error(401, "invalid_client", 7000218, "The request body must contain the following parameter:"
                    + " 'client_assertion' or 'client_secret'.");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        issued.put(token, Instant.now().plus(Duration.ofHours(1)));
        issuedCount.incrementAndGet();
        ObjectNode body = SimulatedTenant.JSON.createObjectNode()
                .put("token_type", "Bearer")
                .put("expires_in", 3599)
                .put("ext_expires_in", 3599)
                .put("access_token", token);
        return new Answer(200, body);
    }

    /**
     * One {@code <resource>/.default} scope, beside which Entra ID accepts (and for this grant ignores) the
     * OpenID Connect scopes that msal4j always adds.
     */
    private static boolean isResourceScope(@Nullable String requested, String resourceScope) {
        if (requested == null) {
            return false;
        }
        var scopes = new java.util.ArrayList<>(java.util.List.of(requested.strip().split("\\s+")));
        scopes.removeAll(java.util.List.of("openid", "profile", "offline_access"));
        return scopes.equals(java.util.List.of(resourceScope));
    }

    private @Nullable String assertionProblem(String assertion, @Nullable String type, String endpoint) {
        if (!"urn:ietf:params:oauth:client-assertion-type:jwt-bearer".equals(type)) {
            return "Client assertion type is not supported.";
        }
        X509Certificate registered = certificate;
        if (registered == null) {
            return "The certificate with identifier used to sign the client assertion is not"
                    + " registered on application.";
        }
        try {
            SignedJWT jwt = SignedJWT.parse(assertion);
            // msal4j puts the certificate's SHA-256 hash in x5t#S256 (and, for older servers, in x5t too)
            Base64URL thumbprint = jwt.getHeader().getX509CertSHA256Thumbprint();
            boolean named = thumbprint != null && java.util.Arrays.equals(thumbprint.decode(),
                    MessageDigest.getInstance("SHA-256").digest(registered.getEncoded()));
            if (!named) {
                return "The certificate with identifier used to sign the client assertion is not"
                        + " registered on application.";
            }
            if (!jwt.verify(new RSASSAVerifier((RSAPublicKey) registered.getPublicKey()))) {
                return "Client assertion failed signature validation.";
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (!claims.getAudience().contains(endpoint) || !clientId.equals(claims.getIssuer())
                    || !clientId.equals(claims.getSubject())) {
                return "Client assertion application identifier doesn't match 'client_id' parameter,"
                        + " or its audience is not this token endpoint.";
            }
            if (claims.getExpirationTime() == null || claims.getExpirationTime().before(new Date())) {
                return "Client assertion is not within its valid time range.";
            }
            return null;
        } catch (ParseException | JOSEException | GeneralSecurityException e) {
            return "Client assertion contains an invalid signature: " + e.getMessage();
        }
    }

    private static Answer error(int status, String error, int code, String description) {
        ObjectNode body = SimulatedTenant.JSON.createObjectNode()
                .put("error", error)
                .put("error_description", "AADSTS" + code + ": " + description + " Trace ID: "
                        + java.util.UUID.randomUUID() + " Timestamp: " + Instant.now())
                .put("timestamp", Instant.now().toString())
                .put("trace_id", java.util.UUID.randomUUID().toString())
                .put("correlation_id", java.util.UUID.randomUUID().toString());
        body.putArray("error_codes").add(code);
        return new Answer(status, body);
    }

    private static Map<String, String> parse(String form) {
        var parameters = new LinkedHashMap<String, String>();
        for (String pair : form.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }
}
