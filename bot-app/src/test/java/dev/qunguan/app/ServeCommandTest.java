package dev.qunguan.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

final class ServeCommandTest {
    @Test
    void readsTheServiceStartWithoutTheCommandLineParser() {
        assertThat(ServeCommand.withoutCommandLineParser(new String[] {"serve"})).isNotNull()
                .extracting(serve -> serve.config).isNull();
        assertThat(ServeCommand.withoutCommandLineParser(new String[] {"serve", "--config", "a/q.yaml"}))
                .isNotNull().extracting(serve -> serve.config).isEqualTo(Path.of("a/q.yaml"));
        assertThat(ServeCommand.withoutCommandLineParser(new String[] {"serve", "--config=b.yaml"}))
                .isNotNull().extracting(serve -> serve.config).isEqualTo(Path.of("b.yaml"));
    }

    @Test
    void leavesEverythingElseToTheCommandLineParser() {
        for (String[] args : new String[][] {{}, {"chat"}, {"serve", "--help"}, {"serve", "--config"},
                {"serve", "--config="}, {"serve", "--config", "--help"}, {"serve", "--config", "a", "b"}}) {
            assertThat(ServeCommand.withoutCommandLineParser(args)).as(String.join(" ", args)).isNull();
        }
    }

    @Test
    void namesAMissingConfigFileInOneLineInsteadOfAStackTrace() {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            exit = Main.run("serve", "--config", "/nonexistent/qunguan.yaml");
        } finally {
            System.setErr(original);
        }

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8).strip())
                .isEqualTo("qunguan: config file /nonexistent/qunguan.yaml does not exist");
    }
}
