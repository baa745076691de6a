package dev.qunguan.adapters.onebot;

import static dev.qunguan.adapters.onebot.OneBotRequests.CLOCK;
import static dev.qunguan.adapters.onebot.OneBotRequests.config;
import static dev.qunguan.adapters.onebot.OneBotRequests.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qunguan.adapter.Inbound;
import dev.qunguan.adapter.WebhookResponse;
import dev.qunguan.adapter.WebhookRoute;
import dev.qunguan.event.BotAddedToChat;
import dev.qunguan.event.Event;
import dev.qunguan.event.MemberJoined;
import dev.qunguan.event.MemberLeft;
import dev.qunguan.event.MessageRecalled;
import dev.qunguan.event.MessageReceived;
import dev.qunguan.message.Segment;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Throws mutated golden reports and random bytes at the OneBot route's decoder. Reproduce a failure with
 * {@code -Dqunguan.fuzz.seed=<the printed seed>}; {@code -Dqunguan.fuzz.iterations=N} runs longer.
 */
final class OneBotDecoderFuzzTest {
    private static final long SEED = Long.getLong("qunguan.fuzz.seed", new SecureRandom().nextLong());
    private static final int ITERATIONS = Integer.getInteger("qunguan.fuzz.iterations", 100_000);
    private static final String SECRET = "fuzz-secret";
    private static final Pattern ERROR_BODY = Pattern.compile("\\{\"error\":\"[a-z_]{1,32}\"}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<byte[]> goldens;

    @BeforeAll
    static void loadGoldenPayloads() throws IOException, URISyntaxException {
        System.out.println("OneBotDecoderFuzzTest seed " + SEED + " (rerun with -Dqunguan.fuzz.seed=" + SEED + ")");
        Path dir = Path.of(OneBotDecoderFuzzTest.class.getResource("/onebot").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            goldens = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                goldens.add(Files.readAllBytes(file));
            }
        }
        assertThat(goldens).hasSizeGreaterThan(10);
    }

    @Test
    void answersEveryMutatedOrRandomUnsignedBodyWithARefusalAnAnswerOrWellFormedEvents() {
        WebhookRoute route = OneBotAdapter.create(config("", false), CLOCK).routes().get(0);
        OneBotPayloadMutator mutator = new OneBotPayloadMutator(new Random(SEED), goldens);
        Outcomes outcomes = new Outcomes();
        long started = System.nanoTime();

        for (int i = 0; i < ITERATIONS; i++) {
            byte[] body = mutator.next();
            outcomes.count(checked(route, body, Map.of(), i));
        }
        outcomes.tookMillis = (System.nanoTime() - started) / 1_000_000;

        System.out.println("OneBotDecoderFuzzTest without secret: " + outcomes);
        // The mutations must reach all three outcomes, or the fuzzer is only testing the JSON parser.
        assertThat(outcomes.accepted).isGreaterThan(ITERATIONS / 20);
        assertThat(outcomes.answered).isGreaterThan(ITERATIONS / 50);
        assertThat(outcomes.rejected).isGreaterThan(ITERATIONS / 10);
    }

    @Test
    void refusesEveryUnsignedOrMissignedBodyAndDecodesSignedOnesSafelyWhenASecretIsSet() throws Exception {
        WebhookRoute route = OneBotAdapter.create(config(SECRET, false), CLOCK).routes().get(0);
        Random random = new Random(SEED ^ 0x5EC12E7L);
        OneBotPayloadMutator mutator = new OneBotPayloadMutator(random, goldens);
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        Outcomes outcomes = new Outcomes();
        int refusedSignatures = 0;
        long started = System.nanoTime();

        for (int i = 0; i < ITERATIONS; i++) {
            byte[] body = mutator.next();
            String signature = "sha1=" + HexFormat.of().formatHex(mac.doFinal(body));
            int pick = random.nextInt(10);
            Map<String, String> headers = switch (pick) {
                case 0 -> Map.of();
                case 1 -> Map.of("x-signature", wrongSignature(signature, random));
                default -> Map.of("x-signature", random.nextBoolean() ? signature : signature.toUpperCase());
            };
            Inbound inbound = checked(route, body, headers, i);
            if (pick <= 1) {
                int iteration = i;
                assertThat(inbound).as(() -> reproduce(iteration, body)).isInstanceOfSatisfying(Inbound.Rejected.class,
                        rejected -> assertThat(rejected.response().status()).isEqualTo(401));
                refusedSignatures++;
            } else {
                outcomes.count(inbound);
            }
        }

        outcomes.tookMillis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("OneBotDecoderFuzzTest with secret: " + outcomes + ", bad signatures " + refusedSignatures);
        assertThat(outcomes.accepted).isGreaterThan(ITERATIONS / 25);
        assertThat(refusedSignatures).isGreaterThan(ITERATIONS / 10);
    }

    private static String wrongSignature(String right, Random random) {
        String[] wrong = {
            "", "sha1=", "sha1", "sha256=" + right.substring(5), right + "0", right.substring(0, right.length() - 1),
            "sha1=" + "g".repeat(40), "md5=" + right.substring(5), " " + right, right.replace('=', ':'),
        };
        if (random.nextBoolean()) {
            char[] chars = right.toCharArray();
            int at = 5 + random.nextInt(40);
            chars[at] = chars[at] == '0' ? '1' : '0';
            return new String(chars);
        }
        return wrong[random.nextInt(wrong.length)];
    }

    /** Decodes one body and checks the shape of whatever came out; a throw is a failure naming the input. */
    private static Inbound checked(WebhookRoute route, byte[] body, Map<String, String> headers, int iteration) {
        Inbound inbound;
        try {
            inbound = route.decode(post(body, headers));
        } catch (RuntimeException | StackOverflowError thrown) {
            throw new AssertionError("decode threw; " + reproduce(iteration, body), thrown);
        }
        // Built only when an assertion fails: most bodies are kilobytes.
        Supplier<String> why = () -> reproduce(iteration, body);
        switch (inbound) {
            case Inbound.Rejected rejected -> {
                assertThat(rejected.response().status()).as(why).isBetween(400, 499);
                assertShortErrorJson(rejected.response(), why);
            }
            case Inbound.Answered answered -> {
                assertThat(answered.response().status()).as(why).isBetween(200, 299);
                assertThat(answered.response().body().length).as(why).isLessThanOrEqualTo(64);
            }
            case Inbound.Accepted accepted -> {
                assertThat(accepted.events()).as(why).hasSize(1);
                assertThat(accepted.context()).as(why).isInstanceOf(Delivery.class);
                accepted.events().forEach(event -> assertWellFormed(event, why));
            }
        }
        return inbound;
    }

    private static void assertShortErrorJson(WebhookResponse response, Supplier<String> why) {
        String body = new String(response.body(), StandardCharsets.UTF_8);
        // A fixed machine word only: nothing of the input comes back.
        assertThat(body).as(why).matches(ERROR_BODY);
        try {
            JsonNode parsed = JSON.readTree(body);
            assertThat(parsed.isObject()).as(why).isTrue();
        } catch (IOException e) {
            throw new AssertionError("error body is not JSON: " + body + "; " + why.get(), e);
        }
    }

    private static void assertWellFormed(Event event, Supplier<String> why) {
        assertThat(event.id().value()).as(why).startsWith("onebot:");
        assertThat(event.chat().platform()).as(why).isEqualTo("onebot");
        assertThat(Long.parseLong(event.chat().chatId())).as(why).isNotNull();
        assertThat(event.at()).as(why).isNotNull();
        switch (event) {
            case MessageReceived received -> {
                assertThat(received.sender().id()).as(why).isNotBlank();
                assertThat(received.sender().displayName()).as(why).isNotBlank();
                assertThat(received.ref().id()).as(why).isNotBlank();
                for (Segment segment : received.message().segments()) {
                    assertThat(segment).as(why).isNotNull();
                }
                assertThat(received.text()).as(why).isNotNull();
            }
            case MemberJoined joined -> assertThat(joined.member().id()).as(why).isNotBlank();
            case MemberLeft left -> assertThat(left.member().id()).as(why).isNotBlank();
            case MessageRecalled recalled -> assertThat(recalled.ref().id()).as(why).isNotBlank();
            case BotAddedToChat added -> assertThat(added.chat().chatId()).as(why).isNotBlank();
            default -> throw new AssertionError("unexpected event " + event.getClass().getSimpleName() + "; " + why.get());
        }
    }

    private static String reproduce(int iteration, byte[] body) {
        return "seed " + SEED + ", iteration " + iteration + ", body (base64) "
                + Base64.getEncoder().encodeToString(body.length > 4096 ? Arrays.copyOf(body, 4096) : body);
    }

    private static final class Outcomes {
        int accepted;
        int answered;
        int rejected;
        long tookMillis;

        void count(Inbound inbound) {
            switch (inbound) {
                case Inbound.Accepted a -> accepted++;
                case Inbound.Answered a -> answered++;
                case Inbound.Rejected r -> rejected++;
            }
        }

        @Override
        public String toString() {
            return "accepted " + accepted + ", answered " + answered + ", rejected " + rejected + " in " + tookMillis + " ms";
        }
    }
}
