package dev.qunguan.config;

import java.util.Objects;

/** The whole service configuration, as read from {@code qunguan.yaml} plus environment overrides. */
public record QunguanConfig(ServerConfig server, StorageConfig storage, PlatformsConfig platforms, BotConfig bot) {
    public QunguanConfig {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(platforms, "platforms");
        Objects.requireNonNull(bot, "bot");
    }
}
