package dev.qunguan.app;

import dev.qunguan.config.ConfigException;
import dev.qunguan.config.ConfigLoader;
import dev.qunguan.config.QunguanConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the config file, writing the commented default on first run, and loads it. */
final class ConfigFile {
    static final Path DEFAULT = Path.of("qunguan.yaml");

    private ConfigFile() {}

    static QunguanConfig load(Path file, boolean explicit, PrintStream out) {
        if (!Files.exists(file)) {
            if (explicit) {
                throw new ConfigException("config file " + file + " does not exist");
            }
            writeDefault(file);
            out.println("Wrote a commented default configuration to " + file.toAbsolutePath()
                    + " (edit it and restart to change settings).");
        }
        return ConfigLoader.withSystemEnvironment().load(file);
    }

    private static void writeDefault(Path file) {
        try (InputStream in = ConfigFile.class.getResourceAsStream("default-qunguan.yaml")) {
            if (in == null) {
                throw new IllegalStateException("default-qunguan.yaml missing from the application jar");
            }
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(file, in.readAllBytes());
        } catch (IOException e) {
            throw new ConfigException("cannot write default config " + file + ": " + e.getMessage(), e);
        }
    }
}
