package dev.qunguan.store;

import dev.qunguan.testing.TestStorage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class JdbcDeliveryLogTest {
    @TempDir
    Path dir;

    private Database database;
    private DeliveryLog deliveries;

    @BeforeEach
    void open() {
        database = Database.open(TestStorage.forDirectory(dir));
        deliveries = database.stores().deliveries();
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void marksADeliveryProcessedOnlyOnce() {
        assertThat(deliveries.isProcessed("onebot:msg-1")).isFalse();

        assertThat(deliveries.markProcessed("onebot:msg-1", Instant.EPOCH)).isTrue();
        assertThat(deliveries.markProcessed("onebot:msg-1", Instant.EPOCH.plusSeconds(5))).isFalse();

        assertThat(deliveries.isProcessed("onebot:msg-1")).isTrue();
        assertThat(deliveries.isProcessed("onebot:msg-2")).isFalse();
    }
}
