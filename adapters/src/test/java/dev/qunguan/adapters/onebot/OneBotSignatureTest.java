package dev.qunguan.adapters.onebot;

import static dev.qunguan.adapters.onebot.OneBotRequests.CLOCK;
import static dev.qunguan.adapters.onebot.OneBotRequests.config;
import static dev.qunguan.adapters.onebot.OneBotRequests.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.qunguan.adapter.Inbound;
import dev.qunguan.adapter.WebhookRoute;
import dev.qunguan.event.MessageReceived;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class OneBotSignatureTest {
    // platforms.md §1.2 self-made vector: 260 bytes, no trailing newline
    private static final byte[] VECTOR_BODY = ("{\"time\":1515204254,\"self_id\":10001000,\"post_type\":\"message\","
            + "\"message_type\":\"group\",\"sub_type\":\"normal\",\"message_id\":12,\"group_id\":123456,"
            + "\"user_id\":12345678,\"message\":\"hi\",\"raw_message\":\"hi\",\"font\":0,"
            + "\"sender\":{\"user_id\":12345678,\"nickname\":\"n\",\"role\":\"member\"}}")
            .getBytes(StandardCharsets.UTF_8);
    private static final String VECTOR_SIGNATURE = "sha1=a754b307d3bac02ad4d450c8f5966a920d2c81f9";

    private final WebhookRoute signed = route("onebot-secret");

    @Test
    void acceptsTheDocumentedSignatureVector() {
        assertThat(VECTOR_BODY).hasSize(260);

        Inbound inbound = signed.decode(post(VECTOR_BODY, Map.of("x-signature", VECTOR_SIGNATURE)));

        assertThat(inbound).isInstanceOfSatisfying(Inbound.Accepted.class, accepted ->
                assertThat(accepted.events()).singleElement().isInstanceOf(MessageReceived.class));
    }

    @Test
    void acceptsUpperCaseHexAsLagrangeSendsIt() {
        String upper = "sha1=" + VECTOR_SIGNATURE.substring(5).toUpperCase(java.util.Locale.ROOT);

        Inbound inbound = signed.decode(post(VECTOR_BODY, Map.of("x-signature", upper)));

        assertThat(inbound).isInstanceOf(Inbound.Accepted.class);
    }

    @Test
    void refusesAMissingSignatureWith401() {
        assertBadSignature(signed.decode(post(VECTOR_BODY)));
    }

    @Test
    void refusesASignatureMadeWithAnotherSecret() {
        WebhookRoute otherSecret = route("another-secret");

        assertBadSignature(otherSecret.decode(post(VECTOR_BODY, Map.of("x-signature", VECTOR_SIGNATURE))));
    }

    @Test
    void refusesABodyChangedAfterSigning() {
        byte[] tampered = VECTOR_BODY.clone();
        tampered[tampered.length - 4] = 'x'; // "member" becomes "membxr"

        assertBadSignature(signed.decode(post(tampered, Map.of("x-signature", VECTOR_SIGNATURE))));
    }

    @Test
    void refusesHeadersThatAreNotASha1Signature() {
        String hex = VECTOR_SIGNATURE.substring(5);
        for (String header : new String[] {hex, "sha256=" + hex, "sha1=" + hex.substring(2), "sha1=zz" + hex.substring(2), ""}) {
            assertBadSignature(signed.decode(post(VECTOR_BODY, Map.of("x-signature", header))));
        }
    }

    @Test
    void checksTheSignatureBeforeLookingAtTheBody() {
        assertBadSignature(signed.decode(post("not json".getBytes(StandardCharsets.UTF_8),
                Map.of("x-signature", VECTOR_SIGNATURE))));
    }

    @Test
    void skipsTheCheckWhenNoSecretIsConfigured() {
        WebhookRoute unsigned = route("");

        assertThat(unsigned.decode(post(VECTOR_BODY))).isInstanceOf(Inbound.Accepted.class);
        assertThat(unsigned.decode(post(VECTOR_BODY, Map.of("x-signature", "sha1=00"))))
                .isInstanceOf(Inbound.Accepted.class);
    }

    private static void assertBadSignature(Inbound inbound) {
        assertThat(inbound).isInstanceOfSatisfying(Inbound.Rejected.class, rejected -> {
            assertThat(rejected.response().status()).isEqualTo(401);
            assertThat(new String(rejected.response().body(), StandardCharsets.UTF_8))
                    .isEqualTo("{\"error\":\"bad_signature\"}");
        });
    }

    private static WebhookRoute route(String secret) {
        return OneBotAdapter.create(config(secret, false), CLOCK).routes().getFirst();
    }
}
