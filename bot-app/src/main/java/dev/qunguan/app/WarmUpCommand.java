package dev.qunguan.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.qunguan.config.ConfigLoader;
import dev.qunguan.config.QunguanConfig;
import dev.qunguan.runtime.BotRuntime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

/**
 * {@code qunguan warm-up}: one short start of the whole service on a throw-away store, with a few webhook
 * deliveries of each kind. scripts/lib/build.sh runs it once per build so the JVM can record what start-up
 * loads and runs (an ahead-of-time cache on JDK 25, a class-data archive before) and later starts skip
 * most of that work.
 */
@Command(name = "warm-up", hidden = true, description = "Start once on a throw-away store (for the JVM's start-up cache).")
final class WarmUpCommand implements Callable<Integer> {
    private static final List<String> SAMPLE_MESSAGES = List.of(
            "早上好", "签到", "请问怎么报名？", "加微信 abc12345 领取免费福利", "哈哈哈", "签到排行", "/faq list");

    @Override
    public Integer call() throws IOException, InterruptedException {
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        Level level = root.getLevel();
        root.setLevel(Level.OFF); // the unreachable platform API would only produce noise
        Path work = Files.createTempDirectory("qunguan-warm-up");
        try {
            Path config = work.resolve("qunguan.yaml");
            Files.writeString(config, """
                    server:
                      port: 0
                      host: 127.0.0.1
                    storage:
                      url: jdbc:sqlite:%s
                    platforms:
                      onebot:
                        api-url: http://127.0.0.1:9
                    bot:
                      scripts-dir: %s
                    """.formatted(work.resolve("warm-up.db"), work.resolve("scripts")));
            // QUNGUAN_* variables are meant for the real service: they must not point the throw-away run at
            // its port or, worse, its database
            QunguanConfig loaded = ConfigLoader.withEnvironment(Map.of()).load(config);
            try (BotRuntime runtime = Wiring.runtime(loaded).serveWebhooks(true).start();
                    HttpClient http = HttpClient.newHttpClient()) {
                URI webhook = URI.create("http://127.0.0.1:" + runtime.port() + runtime.webhookPaths().getFirst());
                int messageId = 1;
                for (int round = 0; round < 8; round++) {
                    for (String text : SAMPLE_MESSAGES) {
                        post(http, webhook, message(messageId++, 1000 + round, text));
                    }
                    post(http, webhook, join(2000 + round));
                }
            }
            return 0;
        } finally {
            deleteTree(work);
            root.setLevel(level);
        }
    }

    private static void post(HttpClient http, URI webhook, String body) throws IOException, InterruptedException {
        http.send(HttpRequest.newBuilder(webhook).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
    }

    private static String message(int messageId, int userId, String text) {
        return """
                {"time":1700000000,"self_id":1,"post_type":"message","message_type":"group","sub_type":"normal",\
                "message_id":%d,"group_id":42,"user_id":%d,"message":[{"type":"text","data":{"text":"%s"}}],\
                "raw_message":"%s","font":0,"sender":{"user_id":%d,"nickname":"m%d","role":"member"}}"""
                .formatted(messageId, userId, text, text, userId, userId);
    }

    private static String join(int userId) {
        return """
                {"time":1700000000,"self_id":1,"post_type":"notice","notice_type":"group_increase",\
                "sub_type":"approve","group_id":42,"operator_id":0,"user_id":%d}""".formatted(userId);
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
