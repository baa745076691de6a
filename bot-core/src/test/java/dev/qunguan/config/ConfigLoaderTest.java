package dev.qunguan.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class ConfigLoaderTest {
    private static final ConfigLoader NO_ENV = ConfigLoader.withEnvironment(Map.of());

    @Test
    void emptyFileGivesTheEmbeddedDefaults() {
        QunguanConfig config = NO_ENV.parse("", "qunguan.yaml");

        assertThat(config.server().port()).isEqualTo(8080);
        assertThat(config.server().maxBodyBytes()).isEqualTo(1 << 20);
        assertThat(config.storage().url()).isEqualTo("jdbc:sqlite:data/qunguan.db");
        assertThat(config.platforms().onebot().apiUrl()).isEqualTo("http://127.0.0.1:5700");
        assertThat(config.bot().sendLimitPerMinute()).isEqualTo(20);
    }

    @Test
    void readsEveryDocumentedSection() {
        QunguanConfig config = NO_ENV.parse("""
                server:
                  port: 9090
                  max-body-bytes: 512KiB
                  ack-timeout: 2s
                storage:
                  url: jdbc:sqlite:/tmp/q.db
                platforms:
                  onebot:
                    secret: "s3cret"
                    api-url: http://127.0.0.1:3000
                    access-token: tok
                    quick-operation: true
                bot:
                  admins: [10001, "onebot:20002"]
                  locale: zh-TW
                """, "qunguan.yaml");

        assertThat(config.server().port()).isEqualTo(9090);
        assertThat(config.server().maxBodyBytes()).isEqualTo(512 * 1024);
        assertThat(config.server().ackTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.platforms().onebot().secret()).isEqualTo("s3cret");
        assertThat(config.platforms().onebot().quickOperation()).isTrue();
        assertThat(config.bot().admins()).containsExactly("10001", "onebot:20002");
        assertThat(config.bot().locale()).isEqualTo("zh-TW");
    }

    @Test
    void readsTheOutboxSettingsAndRefusesAnActionThatMayNeverBeTried() {
        QunguanConfig config = ConfigLoader.withEnvironment(Map.of("QUNGUAN_OUTBOUND_MAX_AGE", "2h")).parse("""
                outbound:
                  max-attempts: 4
                  breaker-failures: 3
                  breaker-cool-down: 10s
                """, "qunguan.yaml");

        assertThat(config.outbound()).isEqualTo(new OutboundConfig(4, Duration.ofHours(2), 3, Duration.ofSeconds(10)));
        assertThat(NO_ENV.parse("", "qunguan.yaml").outbound()).isEqualTo(OutboundConfig.defaults());
        assertThatThrownBy(() -> NO_ENV.parse("outbound:\n  max-attempts: 0\n", "qunguan.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("outbound.max-attempts: 0");
    }

    @Test
    void unknownKeyIsAnErrorNamingTheKeyAndLine() {
        assertThatThrownBy(() -> NO_ENV.parse("""
                server:
                  prot: 9090
                """, "qunguan.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("'server.prot'");
    }

    @Test
    void environmentOverridesTheFile() {
        ConfigLoader loader = ConfigLoader.withEnvironment(Map.of(
                "QUNGUAN_PORT", "7070",
                "QUNGUAN_ONEBOT_SECRET", "from-env",
                "QUNGUAN_STORAGE_URL", "jdbc:sqlite:other.db",
                "QUNGUAN_BOT_ADMINS", "1,2"));

        QunguanConfig config = loader.parse("server:\n  port: 9090\n", "qunguan.yaml");

        assertThat(config.server().port()).isEqualTo(7070);
        assertThat(config.platforms().onebot().secret()).isEqualTo("from-env");
        assertThat(config.storage().url()).isEqualTo("jdbc:sqlite:other.db");
        assertThat(config.bot().admins()).isEqualTo(List.of("1", "2"));
    }

    @Test
    void badValueNamesKeyAndExpectationButNeverASecret() {
        assertThatThrownBy(() -> NO_ENV.parse("server:\n  port: eighty\n", "qunguan.yaml"))
                .hasMessageContaining("'server.port'")
                .hasMessageContaining("whole number");
        assertThatThrownBy(() -> NO_ENV.parse("platforms:\n  onebot:\n    api-retries: [1]\n", "q.yaml"))
                .hasMessageContaining("api-retries");
    }

    @Test
    void contradictorySettingsFailAtStartUp() {
        assertThatThrownBy(() -> NO_ENV.parse("""
                server:
                  ack-timeout: 10s
                platforms:
                  onebot:
                    quick-operation: true
                """, "qunguan.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("quick-operation");
        assertThatThrownBy(() -> NO_ENV.parse("platforms:\n  onebot:\n    enabled: false\n", "qunguan.yaml"))
                .hasMessageContaining("no platform is enabled");
        assertThatThrownBy(() -> NO_ENV.parse("storage:\n  url: mysql://x\n", "qunguan.yaml"))
                .hasMessageContaining("storage.url");
    }

    @Test
    void secretsAreNotShownInToString() {
        QunguanConfig config = NO_ENV.parse("platforms:\n  onebot:\n    secret: hunter2\n    access-token: tok\n", "q");

        assertThat(config.toString()).doesNotContain("hunter2").doesNotContain("tok,");
    }
}
