package dev.clavis.connector.entra;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/** How the app registration proves who it is. {@link #toString()} never shows the secret or the key. */
sealed interface ClientCredential {

    record Secret(String value) implements ClientCredential {
        @Override
        public String toString() {
            return "Secret[******]";
        }
    }

    /** @param chain the app's certificate first, then any issuers */
    record Certificate(PrivateKey key, List<X509Certificate> chain) implements ClientCredential {
        public Certificate {
            chain = List.copyOf(chain);
        }

        @Override
        public String toString() {
            return "Certificate[" + chain.get(0).getSubjectX500Principal() + "]";
        }
    }
}
