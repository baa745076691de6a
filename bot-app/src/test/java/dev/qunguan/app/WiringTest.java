package dev.qunguan.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qunguan.config.ConfigLoader;
import dev.qunguan.config.QunguanConfig;
import dev.qunguan.runtime.BotRuntime;
import dev.qunguan.testing.TestStorage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class WiringTest {
    @TempDir
    Path dir;

    @Test
    void runtimeBecomesReadyOnModelsWhoseLoadStartedBeforeTheConfigWasRead() throws Exception {
        Wiring.startLoadingModels();
        QunguanConfig config = ConfigLoader.withEnvironment(Map.of()).parse("""
                server:
                  port: 0
                  host: 127.0.0.1
                %s
                platforms:
                  onebot:
                    api-url: http://127.0.0.1:9
                bot:
                  scripts-dir: %s
                """.formatted(TestStorage.yaml(dir).strip(), dir.resolve("scripts")), "test");
        try (HttpClient http = HttpClient.newHttpClient()) {
            try (BotRuntime early = Wiring.runtime(config).serveWebhooks(true).start()) {
                assertThat(readiness(http, early)).isEqualTo(200);
            }
            // the early load is handed over once; the next runtime loads its own
            try (BotRuntime later = Wiring.runtime(config).serveWebhooks(true).start()) {
                assertThat(readiness(http, later)).isEqualTo(200);
            }
        }
    }

    private static int readiness(HttpClient http, BotRuntime runtime) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runtime.port() + "/readyz")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
