package dev.qunguan.config;

import java.util.Objects;

/** Per-platform settings. */
public record PlatformsConfig(OneBotConfig onebot) {
    public PlatformsConfig {
        Objects.requireNonNull(onebot, "onebot");
    }

    public static PlatformsConfig defaults() {
        return new PlatformsConfig(OneBotConfig.defaults());
    }
}
