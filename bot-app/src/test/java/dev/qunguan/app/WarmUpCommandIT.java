package dev.qunguan.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The warm-up run scripts/lib/build.sh makes for the start-up cache must never touch the real service's store. */
final class WarmUpCommandIT {
    @TempDir
    Path dir;

    @Test
    void ignoresTheServicesEnvironmentOverrides() throws Exception {
        Path script = Path.of("..", "scripts", "qunguan").toAbsolutePath().normalize();
        Path realDatabase = dir.resolve("real.db");
        ProcessBuilder builder = new ProcessBuilder(script.toString(), "warm-up").directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("output.txt").toFile());
        builder.environment().put("QUNGUAN_STORAGE_URL", "jdbc:sqlite:" + realDatabase);
        Process process = builder.start();

        boolean finished = process.waitFor(180, TimeUnit.SECONDS);

        assertThat(finished).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(realDatabase).doesNotExist();
    }
}
