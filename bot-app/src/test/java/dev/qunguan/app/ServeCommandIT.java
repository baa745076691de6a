package dev.qunguan.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command as a user runs it: {@code scripts/qunguan serve} in an empty directory
 * writes the default config, starts on the embedded SQLite store and prints the webhook URL to use.
 */
final class ServeCommandIT {
    private static final Pattern WEBHOOK = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/webhook/onebot");

    @TempDir
    Path workDir;

    @Test
    void serveStartsOnTheEmbeddedDefaultAndPrintsTheWebhookUrl() throws Exception {
        Path script = Path.of("..", "scripts", "qunguan").toAbsolutePath().normalize();
        ProcessBuilder builder = new ProcessBuilder(script.toString(), "serve").directory(workDir.toFile())
                .redirectErrorStream(true);
        builder.environment().put("QUNGUAN_PORT", "0");
        Process process = builder.start();
        List<String> output = new ArrayList<>();
        try {
            int port = -1;
            BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            String line;
            while (port < 0 && (line = lines.readLine()) != null) {
                output.add(line);
                Matcher m = WEBHOOK.matcher(line);
                if (m.find()) {
                    port = Integer.parseInt(m.group(1));
                }
            }
            assertThat(port).as("webhook URL printed; output was %s", output).isPositive();

            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(workDir.resolve("qunguan.yaml")).exists();
            assertThat(Files.readString(workDir.resolve("qunguan.yaml"))).contains("platforms:", "onebot:");
            assertThat(workDir.resolve("data/qunguan.db")).exists();
        } finally {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
