package dev.qunguan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The house rules that keep the core platform-neutral, checked on the sources. */
final class CoreBoundariesTest {
    private static final Path MAIN = Path.of("src/main/java/dev/qunguan");

    @Test
    void nettyIsImportedOnlyByTheServerPackage() {
        assertThat(filesImporting("import io.netty."))
                .isNotEmpty()
                .allSatisfy(file -> assertThat(file).startsWith(MAIN.resolve("server")));
    }

    @Test
    void handlersNeverTalkToTheNetworkOrSleep() {
        assertThat(filesContaining(MAIN.resolve("handler"), "implements Handler")).as("handlers scanned").isNotEmpty();
        assertThat(filesContaining(MAIN.resolve("handler"), "import java.net.", "Thread.sleep(", "import io.netty."))
                .isEmpty();
    }

    private static List<Path> filesImporting(String needle) {
        return filesContaining(MAIN, needle);
    }

    private static List<Path> filesContaining(Path root, String... needles) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> {
                        String source = read(file);
                        return Stream.of(needles).anyMatch(source::contains);
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
