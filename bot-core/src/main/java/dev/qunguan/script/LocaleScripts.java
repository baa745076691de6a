package dev.qunguan.script;

import dev.qunguan.config.BotConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The default scripts shipped in {@code scripts/<locale>.yaml}: complete layers every group builds on.
 * They are read once per class loader; a mistake in them is a build bug and fails loudly.
 */
final class LocaleScripts {
    private static volatile @Nullable LocaleScripts shipped;

    private final Map<String, ScriptLayer> layers;

    private LocaleScripts(Map<String, ScriptLayer> layers) {
        this.layers = Map.copyOf(layers);
    }

    static LocaleScripts shipped() {
        LocaleScripts loaded = shipped;
        if (loaded == null) {
            // Two threads may both load; both results are equal, so the race is harmless.
            loaded = load();
            shipped = loaded;
        }
        return loaded;
    }

    private static LocaleScripts load() {
        Map<String, ScriptLayer> layers = new LinkedHashMap<>();
        for (String locale : BotConfig.LOCALES) {
            layers.put(locale, loadOne(locale));
        }
        return new LocaleScripts(layers);
    }

    private static ScriptLayer loadOne(String locale) {
        String resource = "scripts/" + locale + ".yaml";
        InputStream in = LocaleScripts.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing default script " + resource);
        }
        ScriptFileReader.Result result;
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            result = ScriptFileReader.read(reader);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read default script " + resource, e);
        }
        if (!result.ok()) {
            ScriptFileReader.Issue first = result.issues().getFirst();
            throw new IllegalStateException(resource + ":" + first.line() + ":" + first.column() + ": " + first.message());
        }
        if (!locale.equals(result.layer().settings().locale())) {
            throw new IllegalStateException(resource + " must set settings.locale: " + locale);
        }
        try {
            DefaultChatScript.of(result.layer());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(resource + " is incomplete: " + e.getMessage(), e);
        }
        return result.layer();
    }

    /** The complete default layer of a shipped locale. */
    ScriptLayer layer(String locale) {
        ScriptLayer layer = layers.get(locale);
        if (layer == null) {
            throw new IllegalArgumentException("locale: " + locale + " (expected one of " + BotConfig.LOCALES + ")");
        }
        return layer;
    }
}
