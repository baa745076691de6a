package dev.qunguan.script;

import dev.qunguan.event.ChatRef;
import dev.qunguan.store.ScriptOverrideStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/** Builds script books: from a script directory with chat overrides, or the shipped defaults alone. */
public final class ScriptBooks {
    private ScriptBooks() {}

    /**
     * A book that layers, for each chat: the shipped default of the chat's locale (its {@code locale}
     * setting, else {@code defaultLocale}), then {@code <scriptsDir>/default.yaml}, then
     * {@code <scriptsDir>/<platform>/<chatId>.yaml}, then the chat's stored overrides. The files are read
     * now; call {@link ReloadingScriptBook#reloadIfChanged()} (or start watching) to pick up edits. A
     * missing directory is fine: the defaults apply until files appear.
     *
     * @param defaultLocale zh-CN, zh-TW or en
     * @param clock         stamps the problems found in script files
     * @throws IllegalArgumentException for an unknown locale
     */
    public static ReloadingScriptBook fromDirectory(
            Path scriptsDir, String defaultLocale, ScriptOverrideStore overrides, Clock clock) {
        return DirectoryScriptBook.create(scriptsDir, defaultLocale, overrides, clock);
    }

    /**
     * The shipped script of one locale for every chat, without files or overrides (for tools and tests).
     *
     * @throws IllegalArgumentException for an unknown locale
     */
    public static ScriptBook defaults(String locale) {
        Objects.requireNonNull(locale, "locale");
        String canonical = ScriptFileReader.locale(locale)
                .orElseThrow(() -> new IllegalArgumentException("locale: " + locale + " (expected: zh-CN, zh-TW or en)"));
        ChatScript script = DefaultChatScript.of(LocaleScripts.shipped().layer(canonical));
        return new ScriptBook() {
            @Override
            public ChatScript forChat(ChatRef chat) {
                return script;
            }

            @Override
            public String toString() {
                return "ScriptBook[defaults " + canonical + "]";
            }
        };
    }
}
