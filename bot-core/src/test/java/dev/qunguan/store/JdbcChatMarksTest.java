package dev.qunguan.store;

import dev.qunguan.testing.TestStorage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qunguan.event.ChatRef;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class JdbcChatMarksTest {
    private static final ChatRef GROUP = ChatRef.of("onebot", "10001");

    @TempDir
    Path dir;

    private Database database;
    private ChatMarks marks;

    @BeforeEach
    void open() {
        database = Database.open(TestStorage.forDirectory(dir));
        marks = database.stores().chatMarks();
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void markIsSetOnlyTheFirstTimePerChatAndName() {
        assertThat(marks.markOnce(GROUP, "introduced", Instant.EPOCH)).isTrue();
        assertThat(marks.markOnce(GROUP, "introduced", Instant.EPOCH.plusSeconds(1))).isFalse();

        assertThat(marks.markOnce(GROUP, "rules-posted", Instant.EPOCH)).isTrue();
        assertThat(marks.markOnce(ChatRef.of("telegram", "10001"), "introduced", Instant.EPOCH)).isTrue();
    }
}
