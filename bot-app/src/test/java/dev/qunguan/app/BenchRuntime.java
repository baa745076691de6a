package dev.qunguan.app;

import dev.qunguan.runtime.BotRuntime;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The service's runtime as {@code serve} wires it, without webhooks, on a SQLite file in {@code directory} (for benchmarks). */
public final class BenchRuntime {
    private BenchRuntime() {}

    public static BotRuntime start(Path directory) throws IOException {
        Path config = directory.resolve("qunguan.yaml");
        Files.writeString(config, """
                storage:
                  url: jdbc:sqlite:%s
                bot:
                  scripts-dir: %s
                """.formatted(directory.resolve("bench.db"), directory.resolve("scripts")));
        return Wiring.runtime(ConfigFile.load(config, true, new PrintStream(PrintStream.nullOutputStream())))
                .serveWebhooks(false)
                .start();
    }

    public static void delete(Path directory) throws IOException {
        WarmUpCommand.deleteTree(directory);
    }
}
