package dev.qunguan.script;

import dev.qunguan.event.ChatRef;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;

/**
 * A script book backed by script files that admins edit while the bot runs, plus per-chat overrides set
 * by chat. {@link #forChat} is cheap: merged scripts are cached per chat until a file changes or
 * {@link #invalidate} is called.
 */
public interface ReloadingScriptBook extends ScriptBook, ScriptEditing {
    /**
     * Re-reads script files whose modification time or size changed, and picks up added or deleted
     * files. A file that fails to load keeps its last good version active and is listed in
     * {@link #problems()}.
     *
     * @return whether any file changed
     */
    boolean reloadIfChanged();

    /** The current load problems of all script files, by file then line. Empty when every file is fine. */
    List<ScriptProblem> problems();

    /**
     * Checks a template an admin wants to store under {@code key}.
     *
     * @return empty when it can be used, else a short explanation (unknown key or variable, unclosed brace)
     */
    Optional<String> validate(String key, String template);

    /**
     * The full key an admin meant: {@code welcome} and {@code welcome-many} name the variant of the chat's
     * welcome style (such as {@code welcome.简洁}); any other known key names itself.
     *
     * @return empty when there is no such key
     */
    Optional<String> resolveKey(ChatRef chat, String typed);

    /** Forgets the chat's merged script, so the next {@link #forChat} reads its overrides again. */
    void invalidate(ChatRef chat);

    /**
     * Calls {@link #reloadIfChanged()} every {@code period} on the executor until the returned future is
     * cancelled. A failing check is logged and does not stop later ones.
     */
    ScheduledFuture<?> startWatching(ScheduledExecutorService executor, Duration period);

    /** {@link #startWatching(ScheduledExecutorService, Duration)} once a second. */
    default ScheduledFuture<?> startWatching(ScheduledExecutorService executor) {
        return startWatching(executor, Duration.ofSeconds(1));
    }
}
