package dev.qunguan.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "An event the webhook acknowledged is never lost", tested on the real process: a burst of check-ins
 * from several client threads, {@code kill -9} in the middle of it, a restart on the same SQLite file,
 * then {@code scripts/qunguan export} must list every check-in that got a 2xx, and redelivering
 * acknowledged events must have no second effect.
 */
final class CrashSafetyIT {
    private static final Path SCRIPT = Path.of("..", "scripts", "qunguan").toAbsolutePath().normalize();
    private static final ZoneId GROUP_ZONE = ZoneId.of("Asia/Shanghai");
    private static final String[] GROUPS = {"734201", "734202", "734203"};
    private static final int EVENTS = 2_000;
    private static final int CLIENTS = 8;
    /** Kill once this many check-ins were acknowledged: well inside the burst. */
    private static final int KILL_AFTER_ACKS = 500;
    private static final int REDELIVERIES = 60;

    @TempDir
    Path dir;

    private final List<Process> processes = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private OneBotApiStandIn api;
    /** With -Dqunguan.test.backend=postgresql the service stores into an embedded PostgreSQL instead of SQLite. */
    private @Nullable EmbeddedPostgres postgres;

    @AfterEach
    void stopEverything() throws IOException {
        for (Process process : processes) {
            process.destroyForcibly();
        }
        if (postgres != null) {
            postgres.close();
        }
        if (api != null) {
            api.close();
        }
        http.close();
    }

    /** One check-in delivery: member {@code user} of {@code group} says 签到 in message {@code messageId}. */
    private record CheckIn(String group, String user, long messageId, long time) {
        String body() {
            return OneBotPayloads.checkIn(group, user, messageId, time);
        }
    }

    @Test
    void everyAcknowledgedCheckInSurvivesAKillNineAndRedeliveriesHaveNoSecondEffect() throws Exception {
        api = new OneBotApiStandIn();
        Path config = writeConfig();
        LocalDate firstDay = LocalDate.now(GROUP_ZONE);
        long time = System.currentTimeMillis() / 1000;
        List<CheckIn> checkIns = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            checkIns.add(new CheckIn(GROUPS[i % GROUPS.length], Integer.toString(60_000 + i), 500_000 + i, time));
        }

        Service first = startService(config);
        Set<CheckIn> acknowledged = burstThenKill(first, checkIns);
        assertThat(acknowledged).as("acknowledged before the kill").hasSizeGreaterThanOrEqualTo(KILL_AFTER_ACKS);
        assertThat(acknowledged).as("the kill came in the middle of the burst").hasSizeLessThan(EVENTS);

        Service second = startService(config);
        // Replies acknowledged before the kill are in the outbox and go out now (once the dead process's
        // claims lapse); they are the first run's, so wait for them before watching the redeliveries.
        awaitOutboxDrained(second.port());
        int leftoverReplies = api.calls().size();
        Set<String> answered = new HashSet<>();
        for (OneBotApiStandIn.Call call : api.calls()) {
            for (JsonNode segment : call.params().path("message")) {
                if (segment.path("type").asText().equals("reply")) { // a check-in reply quotes the check-in
                    answered.add(segment.path("data").path("id").asText());
                }
            }
        }
        for (CheckIn checkIn : acknowledged) {
            assertThat(answered).as("the reply to acknowledged check-in %d, before the kill or after the restart",
                    checkIn.messageId()).contains(Long.toString(checkIn.messageId()));
        }
        api.clear();
        List<CheckIn> redelivered = acknowledged.stream().limit(REDELIVERIES).toList();
        for (CheckIn checkIn : redelivered) {
            HttpResponse<String> answer = post(second.port(), checkIn);
            assertThat(answer.statusCode()).as("redelivery of %s", checkIn).isBetween(200, 299);
        }
        // Wait (bounded) until every redelivery was handled and its reply, if any, went out.
        awaitProcessed(second.port(), REDELIVERIES);
        Thread.sleep(500);
        List<OneBotApiStandIn.Call> replies = api.calls().stream()
                .filter(call -> call.action().equals("send_group_msg"))
                .toList();
        Set<String> redeliveredUsers = new HashSet<>();
        redelivered.forEach(c -> redeliveredUsers.add(c.user()));
        for (OneBotApiStandIn.Call reply : replies) {
            assertThat(reply.text()).as("reply after restart").doesNotContain("成功").contains("已签到");
            assertThat(redeliveredUsers.stream().anyMatch(reply::mentions)).as("reply mentions a redelivered member")
                    .isTrue();
        }
        stop(second);
        LocalDate lastDay = LocalDate.now(GROUP_ZONE);

        List<JsonNode> exported = export(config);
        Set<String> stored = new HashSet<>();
        List<String> storedDays = new ArrayList<>();
        for (JsonNode record : exported) {
            if (record.path("type").asText().equals("checkin")) {
                String key = record.path("platform").asText() + "/" + record.path("group_id").asText() + "/"
                        + record.path("user_id").asText();
                assertThat(stored.add(key)).as("one check-in per member and day: %s", key).isTrue();
                storedDays.add(record.path("day").asText());
            }
        }
        for (CheckIn checkIn : acknowledged) {
            assertThat(stored).as("acknowledged check-in of %s in %s", checkIn.user(), checkIn.group())
                    .contains("onebot/" + checkIn.group() + "/" + checkIn.user());
        }
        assertThat(storedDays).allMatch(day -> day.equals(firstDay.toString()) || day.equals(lastDay.toString()));
        System.out.printf("CrashSafetyIT (" + (postgres == null ? "SQLite" : "PostgreSQL") + "): %d of %d check-ins acknowledged before kill -9, %d stored after restart;"
                + " %d replies sent over both runs (each acknowledged check-in answered); %d redelivered, %d replies to them (all 已签到)%n",
                acknowledged.size(), EVENTS, stored.size(), leftoverReplies, redelivered.size(), replies.size());
    }

    private Path writeConfig() throws IOException {
        Path config = dir.resolve("qunguan.yaml");
        String storage;
        if ("postgresql".equals(System.getProperty("qunguan.test.backend"))) {
            postgres = EmbeddedPostgres.builder().start();
            storage = "url: %s\n  username: postgres"
                    .formatted(postgres.getJdbcUrl("postgres", "postgres"));
        } else {
            storage = "url: jdbc:sqlite:" + dir.resolve("data/qunguan.db");
        }
        Files.writeString(config, """
                server:
                  host: 127.0.0.1
                  port: 0
                storage:
                  %s
                platforms:
                  onebot:
                    api-url: %s
                bot:
                  scripts-dir: %s
                  send-limit-per-minute: 100000
                """.formatted(storage, api.url(), dir.resolve("reply-scripts")));
        return config;
    }

    /** Posts the check-ins from several threads and kills the service once enough were acknowledged. */
    private Set<CheckIn> burstThenKill(Service service, List<CheckIn> checkIns) throws Exception {
        Set<CheckIn> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            for (int c = 0; c < CLIENTS; c++) {
                clients.submit(() -> {
                    for (int i; (i = next.getAndIncrement()) < checkIns.size(); ) {
                        CheckIn checkIn = checkIns.get(i);
                        try {
                            HttpResponse<String> answer = post(service.port(), checkIn);
                            if (answer.statusCode() >= 200 && answer.statusCode() < 300) {
                                acknowledged.add(checkIn);
                            }
                        } catch (IOException noAnswer) {
                            // in flight when the process died, or sent after: not acknowledged
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                        if (acknowledged.size() >= KILL_AFTER_ACKS && killed.compareAndSet(false, true)) {
                            service.process().destroyForcibly(); // SIGKILL: no shutdown hook, no flush
                        }
                    }
                });
            }
        } finally {
            clients.shutdown();
        }
        assertThat(clients.awaitTermination(120, TimeUnit.SECONDS)).as("burst finished").isTrue();
        assertThat(killed).as("killed during the burst").isTrue();
        assertThat(service.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        // Nothing may be acknowledged by a dead process; copy now that no client thread writes any more.
        return Set.copyOf(acknowledged);
    }

    private HttpResponse<String> post(int port, CheckIn checkIn) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhook/onebot"))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(checkIn.body(), StandardCharsets.UTF_8))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Polls the service's metrics until its outbox holds nothing waiting. */
    private void awaitOutboxDrained(int port) throws Exception {
        Pattern size = Pattern.compile("(?m)^qunguan_outbox_size(?:\\{[^}]*})? (\\d+(?:\\.\\d+)?)$");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = size.matcher(metrics);
            if (m.find() && Double.parseDouble(m.group(1)) == 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the restarted service's outbox did not drain within 90 s");
    }

    /** Polls the service's metrics until it has processed at least {@code events} events. */
    private void awaitProcessed(int port, int events) throws Exception {
        Pattern processed = Pattern.compile("qunguan_dispatcher_processing_seconds_count(?:\\{[^}]*})? (\\d+(?:\\.\\d+)?)");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            // one series per platform and event type: add them up
            double total = 0;
            for (Matcher m = processed.matcher(metrics); m.find(); ) {
                total += Double.parseDouble(m.group(1));
            }
            if (total >= events) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the restarted service did not process " + events + " events within 30 s");
    }

    private record Service(Process process, int port) {}

    private Service startService(Path config) throws Exception {
        ServeProcess started = ServeProcess.start(config, dir, "crash-it");
        processes.add(started.process());
        return new Service(started.process(), started.port());
    }

    private static void stop(Service service) throws InterruptedException {
        service.process().destroy(); // SIGTERM: the shutdown hook closes the runtime
        if (!service.process().waitFor(30, TimeUnit.SECONDS)) {
            service.process().destroyForcibly();
        }
    }

    private List<JsonNode> export(Path config) throws Exception {
        Path out = dir.resolve("export.jsonl");
        Process export = new ProcessBuilder(SCRIPT.toString(), "export", "--config", config.toString())
                .directory(dir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(dir.resolve("export.log").toFile())
                .start();
        processes.add(export);
        assertThat(export.waitFor(120, TimeUnit.SECONDS)).as("export finished").isTrue();
        assertThat(export.exitValue()).as("export exit code; log: %s", Files.readString(dir.resolve("export.log")))
                .isZero();
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> records = new ArrayList<>();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                records.add(json.readTree(line));
            }
        }
        return records;
    }
}
