package dev.qunguan.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qunguan.config.StorageConfig;
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
        database = Database.open(new StorageConfig("jdbc:sqlite:" + dir.resolve("qunguan.db"), "", "", 2));
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
