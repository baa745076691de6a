package dev.qunguan.script;

import dev.qunguan.event.ChatRef;
import java.util.Optional;

/**
 * What {@code /script} needs from the reply scripts besides the override store: naming keys, checking a
 * template before it is stored, and dropping a chat's cached script after a change. Handlers depend on
 * this rather than on how scripts are loaded and cached.
 */
public interface ScriptEditing {
    /** The full key an admin meant (for example {@code welcome} → {@code welcome.简洁}), if any. */
    Optional<String> resolveKey(ChatRef chat, String typed);

    /** Why the template cannot be used under the key (such as an unknown variable), or empty when it can. */
    Optional<String> validate(String key, String template);

    /** Forgets the chat's cached script so the next event sees the change. */
    void invalidate(ChatRef chat);
}
