package dev.qunguan.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A real {@code scripts/qunguan serve} process for process-level tests, on a free port, its output drained. */
record ServeProcess(Process process, int port) {
    private static final Path SCRIPT = Path.of("..", "scripts", "qunguan").toAbsolutePath().normalize();
    private static final Pattern WEBHOOK = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/webhook/onebot");

    /** Starts the service and waits (up to 120 s) for it to print its webhook URL; {@code name} labels its output. */
    static ServeProcess start(Path config, Path workDir, String name) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(SCRIPT.toString(), "serve", "--config", config.toString())
                .directory(workDir.toFile())
                .redirectErrorStream(true);
        builder.environment().put("QUNGUAN_PORT", "0");
        Process process = builder.start();
        try {
            return new ServeProcess(process, awaitPort(process, name));
        } catch (Exception | AssertionError failed) {
            process.destroyForcibly();
            throw failed;
        }
    }

    private static int awaitPort(Process process, String name) throws InterruptedException {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread drain = new Thread(() -> {
            // Read everything, or a full pipe would stall the service's logging and with it the service.
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException closed) {
                // the process is gone
            }
        }, name + "-output");
        drain.setDaemon(true);
        drain.start();
        List<String> seen = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line == null) {
                assertThat(process.isAlive()).as("%s running; output was %s", name, seen).isTrue();
                continue;
            }
            seen.add(line);
            Matcher m = WEBHOOK.matcher(line);
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
        }
        throw new AssertionError("no webhook URL printed by " + name + " within 120 s; output was " + seen);
    }
}
