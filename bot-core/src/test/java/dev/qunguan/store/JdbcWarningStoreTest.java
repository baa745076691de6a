package dev.qunguan.store;

import dev.qunguan.testing.TestStorage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qunguan.event.ChatRef;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class JdbcWarningStoreTest {
    private static final ChatRef GROUP = ChatRef.of("onebot", "10001");
    private static final Instant NOON = Instant.parse("2025-03-03T12:00:00Z");

    @TempDir
    Path dir;

    private Database database;
    private WarningStore warnings;

    @BeforeEach
    void open() {
        database = Database.open(TestStorage.forDirectory(dir));
        warnings = database.stores().warnings();
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void addedWarningComesBackWithAGeneratedIdAndMillisecondTime() {
        Warning first = warnings.add(GROUP, "u1", "ad", "bot", NOON.plusNanos(1_234_567), "message-1");
        Warning second = warnings.add(GROUP, "u1", "flood", "admin-9", NOON.plusSeconds(1), "message-2");

        assertThat(second.id()).isGreaterThan(first.id());
        assertThat(first.at()).isEqualTo(NOON.plusMillis(1));
        assertThat(warnings.active(GROUP, "u1", NOON)).containsExactly(first, second);
    }

    @Test
    void activeWarningsAreThoseSinceTheWindowStartOldestFirst() {
        warnings.add(GROUP, "u1", "ad", "bot", NOON.minus(Duration.ofDays(8)), "message-3");
        Warning later = warnings.add(GROUP, "u1", "ad", "bot", NOON.plusSeconds(60), "message-4");
        Warning earlier = warnings.add(GROUP, "u1", "ad", "bot", NOON, "message-5");
        warnings.add(GROUP, "u2", "ad", "bot", NOON, "message-6");
        warnings.add(ChatRef.of("telegram", "10001"), "u1", "ad", "bot", NOON, "message-7");

        assertThat(warnings.active(GROUP, "u1", NOON.minus(Duration.ofDays(7))))
                .containsExactly(earlier, later);
    }

    @Test
    void theSameEventWarningTheSameMemberAgainAddsNothingAndGetsTheFirstWarningBack() {
        Warning first = warnings.add(GROUP, "u1", "ad", "bot", NOON, "message-7");

        Warning again = warnings.add(GROUP, "u1", "ad", "bot", NOON.plusSeconds(30), "message-7");
        Warning otherMember = warnings.add(GROUP, "u2", "ad", "bot", NOON, "message-7");

        assertThat(again).isEqualTo(first);
        assertThat(warnings.active(GROUP, "u1", NOON)).containsExactly(first);
        assertThat(warnings.active(GROUP, "u2", NOON)).containsExactly(otherMember);
    }

    @Test
    void removeLatestWithdrawsOnlyTheNewestActiveWarning() {
        Warning older = warnings.add(GROUP, "u1", "ad", "bot", NOON, "message-8");
        warnings.add(GROUP, "u1", "flood", "bot", NOON.plusSeconds(5), "message-9");

        assertThat(warnings.removeLatest(GROUP, "u1", NOON)).isTrue();

        assertThat(warnings.active(GROUP, "u1", NOON)).containsExactly(older);
    }

    @Test
    void removeLatestReportsFalseWhenNoWarningIsActive() {
        Warning expired = warnings.add(GROUP, "u1", "ad", "bot", NOON.minusSeconds(1), "message-10");

        assertThat(warnings.removeLatest(GROUP, "u1", NOON)).isFalse();
        assertThat(warnings.active(GROUP, "u1", Instant.EPOCH)).containsExactly(expired);
    }
}
