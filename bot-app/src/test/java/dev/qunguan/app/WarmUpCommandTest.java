package dev.qunguan.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

final class WarmUpCommandTest {
    @Test
    void startsTheServiceOnAThrowAwayStoreAndLeavesNothingBehind() throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));

        int exitCode = Main.run("warm-up");

        assertThat(exitCode).isZero();
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left.filter(p -> p.getFileName().toString().startsWith("qunguan-warm-up"))).isEmpty();
        }
    }
}
