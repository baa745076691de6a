package dev.qunguan.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads {@code qunguan.yaml}: every key is checked against the known ones (a typo is an error that names
 * the key and its line), environment variables override file values, and the result is validated as a
 * whole so contradictory settings fail at start-up.
 *
 * <p>Environment variables: {@code QUNGUAN_} + the key path upper-cased with dots and dashes as
 * underscores ({@code QUNGUAN_SERVER_PORT}, {@code QUNGUAN_PLATFORMS_ONEBOT_SECRET}); short forms drop the
 * section ({@code QUNGUAN_PORT}, {@code QUNGUAN_ONEBOT_SECRET}, {@code QUNGUAN_STORAGE_URL} stays as is).
 */
public final class ConfigLoader {
    /** Every key the file may hold, in documentation order. */
    static final List<String> KEYS = List.of(
            "server.host", "server.port", "server.max-body-bytes", "server.workers", "server.queue-capacity",
            "server.ack-timeout", "server.node-id",
            "storage.url", "storage.username", "storage.password", "storage.pool-size",
            "platforms.onebot.enabled", "platforms.onebot.secret", "platforms.onebot.api-url",
            "platforms.onebot.access-token", "platforms.onebot.quick-operation", "platforms.onebot.api-timeout",
            "platforms.onebot.api-retries",
            "bot.admins", "bot.locale", "bot.scripts-dir", "bot.send-limit-per-minute",
            "outbound.max-attempts", "outbound.max-age", "outbound.breaker-failures", "outbound.breaker-cool-down");

    /** go-cqhttp gives up on a webhook after 5 s, so an inline reply must come sooner. */
    private static final Duration QUICK_OPERATION_WINDOW = Duration.ofSeconds(5);

    private final Map<String, String> env;

    private ConfigLoader(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    public static ConfigLoader withEnvironment(Map<String, String> env) {
        return new ConfigLoader(env);
    }

    public static ConfigLoader withSystemEnvironment() {
        return new ConfigLoader(System.getenv());
    }

    public QunguanConfig load(Path file) {
        String yaml;
        try {
            yaml = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage(), e);
        }
        return parse(yaml, file.toString());
    }

    /** Parses YAML text; {@code source} names it in error messages. */
    public QunguanConfig parse(String yaml, String source) {
        Map<String, Value> values = flatten(yaml, source);
        for (String key : KEYS) {
            String fromEnv = envOverride(key);
            if (fromEnv != null) {
                values.put(key, new Value(fromEnv, List.of(), "environment variable " + envName(key)));
            }
        }
        return build(new Values(values));
    }

    private String envOverride(String key) {
        String full = env.get(envName(key));
        if (full != null) {
            return full;
        }
        return env.get(shortEnvName(key));
    }

    static String envName(String key) {
        return "QUNGUAN_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    static String shortEnvName(String key) {
        String withoutSection = key.startsWith("platforms.") ? key.substring("platforms.".length())
                : key.startsWith("server.") || key.startsWith("bot.") ? key.substring(key.indexOf('.') + 1)
                : key;
        return envName(withoutSection);
    }

    private static QunguanConfig build(Values v) {
        ServerConfig serverDefaults = ServerConfig.defaults();
        StorageConfig storageDefaults = StorageConfig.defaults();
        OneBotConfig oneBotDefaults = OneBotConfig.defaults();
        BotConfig botDefaults = BotConfig.defaults();
        OutboundConfig outboundDefaults = OutboundConfig.defaults();
        try {
            ServerConfig server = new ServerConfig(
                    v.string("server.host", serverDefaults.host()),
                    v.integer("server.port", serverDefaults.port()),
                    v.size("server.max-body-bytes", serverDefaults.maxBodyBytes()),
                    v.integer("server.workers", serverDefaults.workers()),
                    v.integer("server.queue-capacity", serverDefaults.queueCapacity()),
                    v.duration("server.ack-timeout", serverDefaults.ackTimeout()),
                    v.string("server.node-id", serverDefaults.nodeId()));
            StorageConfig storage = new StorageConfig(
                    v.string("storage.url", storageDefaults.url()),
                    v.string("storage.username", storageDefaults.username()),
                    v.string("storage.password", storageDefaults.password()),
                    v.integer("storage.pool-size", storageDefaults.poolSize()));
            OneBotConfig onebot = new OneBotConfig(
                    v.bool("platforms.onebot.enabled", oneBotDefaults.enabled()),
                    v.string("platforms.onebot.secret", oneBotDefaults.secret()),
                    v.string("platforms.onebot.api-url", oneBotDefaults.apiUrl()),
                    v.string("platforms.onebot.access-token", oneBotDefaults.accessToken()),
                    v.bool("platforms.onebot.quick-operation", oneBotDefaults.quickOperation()),
                    v.duration("platforms.onebot.api-timeout", oneBotDefaults.apiTimeout()),
                    v.integer("platforms.onebot.api-retries", oneBotDefaults.apiRetries()));
            BotConfig bot = new BotConfig(
                    v.strings("bot.admins", botDefaults.admins()),
                    v.string("bot.locale", botDefaults.locale()),
                    v.string("bot.scripts-dir", botDefaults.scriptsDir()),
                    v.integer("bot.send-limit-per-minute", botDefaults.sendLimitPerMinute()));
            OutboundConfig outbound = new OutboundConfig(
                    v.integer("outbound.max-attempts", outboundDefaults.maxAttempts()),
                    v.duration("outbound.max-age", outboundDefaults.maxAge()),
                    v.integer("outbound.breaker-failures", outboundDefaults.breakerFailures()),
                    v.duration("outbound.breaker-cool-down", outboundDefaults.breakerCoolDown()));
            QunguanConfig config = new QunguanConfig(server, storage, new PlatformsConfig(onebot), bot, outbound);
            checkConsistent(config);
            return config;
        } catch (IllegalArgumentException e) {
            throw new ConfigException("invalid configuration: " + e.getMessage(), e);
        }
    }

    private static void checkConsistent(QunguanConfig config) {
        OneBotConfig onebot = config.platforms().onebot();
        if (!onebot.enabled()) {
            throw new ConfigException("invalid configuration: no platform is enabled"
                    + " (platforms.onebot.enabled is false): the bot would receive nothing");
        }
        if (onebot.quickOperation() && config.server().ackTimeout().compareTo(QUICK_OPERATION_WINDOW) >= 0) {
            throw new ConfigException("invalid configuration: platforms.onebot.quick-operation is on but server.ack-timeout "
                    + DurationText.format(config.server().ackTimeout())
                    + " is not below OneBot's 5s webhook timeout: inline replies would arrive too late");
        }
        if (config.storage().isSqlite() && (!config.storage().username().isEmpty()
                || !config.storage().password().isEmpty())) {
            throw new ConfigException("invalid configuration: storage.username/password are set but storage.url is"
                    + " SQLite, which has no users: remove them or point storage.url at PostgreSQL");
        }
    }

    private static Map<String, Value> flatten(String yaml, String source) {
        Map<String, Value> values = new LinkedHashMap<>();
        if (yaml.isBlank()) {
            return values;
        }
        try (Reader reader = new StringReader(yaml);
                JsonParser parser = new YAMLFactory().createParser(reader)) {
            JsonToken first = parser.nextToken();
            if (first == null || first == JsonToken.VALUE_NULL) {
                return values;
            }
            if (first != JsonToken.START_OBJECT) {
                throw new ConfigException(source + " line " + parser.currentLocation().getLineNr()
                        + ": expected a mapping of sections (server:, storage:, platforms:, bot:, outbound:)");
            }
            readObject(parser, "", values, source);
        } catch (IOException e) {
            throw new ConfigException(source + ": not valid YAML: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        return values;
    }

    private static void readObject(JsonParser parser, String prefix, Map<String, Value> values, String source)
            throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = prefix + parser.currentName();
            int line = parser.currentLocation().getLineNr();
            JsonToken token = parser.nextToken();
            boolean known = KEYS.contains(key);
            boolean section = KEYS.stream().anyMatch(k -> k.startsWith(key + "."));
            if (!known && !section) {
                throw new ConfigException(source + " line " + line + ": unknown key '" + key + "'"
                        + suggestion(key));
            }
            if (token == JsonToken.START_OBJECT) {
                if (!section) {
                    throw new ConfigException(source + " line " + line + ": '" + key + "' takes a value, not a mapping");
                }
                readObject(parser, key + ".", values, source);
            } else if (token == JsonToken.START_ARRAY) {
                List<String> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    if (!parser.currentToken().isScalarValue()) {
                        throw new ConfigException(source + " line " + parser.currentLocation().getLineNr()
                                + ": '" + key + "' takes a list of plain values");
                    }
                    items.add(parser.getText());
                }
                values.put(key, new Value(null, items, source + " line " + line));
            } else {
                if (section && !known) {
                    if (token == JsonToken.VALUE_NULL) {
                        continue; // an empty section, e.g. "bot:" with everything commented out
                    }
                    throw new ConfigException(source + " line " + line + ": '" + key + "' is a section, not a value");
                }
                String text = token == JsonToken.VALUE_NULL ? "" : parser.getText();
                values.put(key, new Value(text, List.of(), source + " line " + line));
            }
        }
    }

    private static String suggestion(String key) {
        String leaf = key.substring(key.lastIndexOf('.') + 1);
        for (String known : KEYS) {
            String knownLeaf = known.substring(known.lastIndexOf('.') + 1);
            if (knownLeaf.equals(leaf) || knownLeaf.replace("-", "").equals(leaf.replace("_", "").replace("-", ""))) {
                return " (did you mean '" + known + "'?)";
            }
        }
        String section = key.contains(".") ? key.substring(0, key.lastIndexOf('.') + 1) : "";
        List<String> siblings = KEYS.stream().filter(k -> k.startsWith(section)).toList();
        return " (known keys: " + String.join(", ", siblings.isEmpty() ? KEYS : siblings) + ")";
    }

    /** A value as written ({@code text} for scalars, {@code items} for lists) and where it came from. */
    private record Value(String text, List<String> items, String origin) {}

    private record Values(Map<String, Value> map) {
        String string(String key, String fallback) {
            Value value = map.get(key);
            if (value == null) {
                return fallback;
            }
            if (value.text() == null) {
                throw new ConfigException(value.origin() + ": '" + key + "' takes a single value, not a list");
            }
            return value.text();
        }

        int integer(String key, int fallback) {
            return convert(key, fallback, Integer::parseInt, "a whole number");
        }

        boolean bool(String key, boolean fallback) {
            return convert(key, fallback, text -> switch (text.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on" -> true;
                case "false", "no", "off" -> false;
                default -> throw new IllegalArgumentException(text);
            }, "true or false");
        }

        Duration duration(String key, Duration fallback) {
            return convert(key, fallback, DurationText::parse, "a duration such as 3s, 10m, 1h");
        }

        int size(String key, int fallback) {
            return convert(key, fallback, ConfigLoader::parseSize, "a size such as 1048576, 512KiB or 1MiB");
        }

        List<String> strings(String key, List<String> fallback) {
            Value value = map.get(key);
            if (value == null) {
                return fallback;
            }
            if (value.text() != null) {
                return value.text().isBlank() ? List.of()
                        : List.of(value.text().split("\\s*,\\s*"));
            }
            return value.items();
        }

        private <T> T convert(String key, T fallback, Function<String, T> parse, String expected) {
            Value value = map.get(key);
            if (value == null || (value.text() != null && value.text().isBlank())) {
                return fallback;
            }
            if (value.text() == null) {
                throw new ConfigException(value.origin() + ": '" + key + "' takes a single value, not a list");
            }
            try {
                return parse.apply(value.text().strip());
            } catch (RuntimeException e) {
                throw new ConfigException(value.origin() + ": '" + key + "' is '" + shown(key, value.text())
                        + "' (expected: " + expected + ")");
            }
        }

        private static String shown(String key, String text) {
            return key.endsWith("secret") || key.endsWith("token") || key.endsWith("password") ? "***" : text;
        }
    }

    static int parseSize(String text) {
        String t = text.strip();
        long multiplier = 1;
        String upper = t.toUpperCase(Locale.ROOT);
        for (var unit : List.of(Map.entry("KIB", 1024L), Map.entry("MIB", 1024L * 1024), Map.entry("KB", 1000L),
                Map.entry("MB", 1000L * 1000), Map.entry("B", 1L))) {
            if (upper.endsWith(unit.getKey())) {
                multiplier = unit.getValue();
                t = t.substring(0, t.length() - unit.getKey().length()).strip();
                break;
            }
        }
        return Math.toIntExact(Long.parseLong(t) * multiplier);
    }
}
