package dev.qunguan.config;

import java.util.Objects;

/** The whole service configuration, as read from {@code qunguan.yaml} plus environment overrides. */
public record QunguanConfig(
        ServerConfig server, StorageConfig storage, PlatformsConfig platforms, BotConfig bot, OutboundConfig outbound) {
    public QunguanConfig {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(platforms, "platforms");
        Objects.requireNonNull(bot, "bot");
        Objects.requireNonNull(outbound, "outbound");
    }

    /** With the default outbox settings. */
    public QunguanConfig(ServerConfig server, StorageConfig storage, PlatformsConfig platforms, BotConfig bot) {
        this(server, storage, platforms, bot, OutboundConfig.defaults());
    }
}
