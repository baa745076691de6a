package dev.qunguan.store;

import dev.qunguan.testing.TestStorage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qunguan.event.ChatRef;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class JdbcScriptOverrideStoreTest {
    private static final ChatRef GROUP = ChatRef.of("onebot", "10001");
    private static final ChatRef OTHER_GROUP = ChatRef.of("onebot", "20002");

    @TempDir
    Path dir;

    private Database database;
    private ScriptOverrideStore overrides;

    @BeforeEach
    void open() {
        database = Database.open(TestStorage.forDirectory(dir));
        overrides = database.stores().scriptOverrides();
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void putStoresTemplatesPerChatAndKey() {
        overrides.put(GROUP, "welcome", "欢迎 {name}！");
        overrides.put(GROUP, "checkin.ok", "第 {order} 个签到");
        overrides.put(OTHER_GROUP, "welcome", "你好");

        assertThat(overrides.all(GROUP)).isEqualTo(Map.of("welcome", "欢迎 {name}！", "checkin.ok", "第 {order} 个签到"));
    }

    @Test
    void secondPutReplacesTheTemplate() {
        overrides.put(GROUP, "welcome", "旧的");
        overrides.put(GROUP, "welcome", "新的");

        assertThat(overrides.all(GROUP)).isEqualTo(Map.of("welcome", "新的"));
    }

    @Test
    void removeDropsTheOverrideAndReportsWhetherThereWasOne() {
        overrides.put(GROUP, "welcome", "欢迎");
        overrides.put(OTHER_GROUP, "welcome", "你好");

        assertThat(overrides.remove(GROUP, "welcome")).isTrue();
        assertThat(overrides.remove(GROUP, "welcome")).isFalse();

        assertThat(overrides.all(GROUP)).isEmpty();
        assertThat(overrides.all(OTHER_GROUP)).containsEntry("welcome", "你好");
    }
}
