package dev.qunguan.config;

import java.util.Objects;

/**
 * Where state lives: {@code jdbc:sqlite:...} (the embedded default) or {@code jdbc:postgresql://...}.
 *
 * @param poolSize connections kept open (SQLite uses one writer regardless)
 */
public record StorageConfig(String url, String username, String password, int poolSize) {
    public StorageConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (!url.startsWith("jdbc:sqlite:") && !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("storage.url: " + url
                    + " (expected: jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB)");
        }
        if (poolSize <= 0) {
            throw new IllegalArgumentException("storage.pool-size: " + poolSize + " (expected: > 0)");
        }
    }

    public static StorageConfig defaults() {
        return new StorageConfig("jdbc:sqlite:data/qunguan.db", "", "", 4);
    }

    public boolean isSqlite() {
        return url.startsWith("jdbc:sqlite:");
    }

    /** Passwords never reach logs. */
    @Override
    public String toString() {
        return "StorageConfig[url=" + url + ", username=" + username + ", poolSize=" + poolSize + "]";
    }
}
