package dev.qunguan.adapters.onebot;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Checks {@code X-Signature: sha1=<hex HMAC-SHA1(secret, raw body)>} in constant time. */
final class OneBotSignature {
    private static final String PREFIX = "sha1=";
    private static final int SHA1_BYTES = 20;

    // Mac instances are not thread-safe; one per event-loop thread keeps decode allocation-light.
    private final ThreadLocal<Mac> macs;

    private OneBotSignature(String secret) {
        SecretKeySpec key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1");
        this.macs = ThreadLocal.withInitial(() -> newMac(key));
        newMac(key); // fail at start-up, not on the first request
    }

    static OneBotSignature of(String secret) {
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("secret: empty (expected: non-empty)");
        }
        return new OneBotSignature(secret);
    }

    /** True when {@code header} carries the HMAC of {@code body}; hex digits may be upper- or lower-case. */
    boolean matches(String header, byte[] body) {
        if (header.length() != PREFIX.length() + SHA1_BYTES * 2
                || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return false;
        }
        byte[] claimed;
        try {
            // HexFormat accepts both cases, which covers Lagrange's upper-case digits.
            claimed = HexFormat.of().parseHex(header, PREFIX.length(), header.length());
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        Mac mac = macs.get();
        byte[] expected = mac.doFinal(body);
        return MessageDigest.isEqual(expected, claimed);
    }

    private static Mac newMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 unavailable", e);
        }
    }
}
