package dev.qunguan.store;

import dev.qunguan.event.ChatRef;
import java.util.Map;

/** Script texts admins changed by chat ({@code /script set}), per group and key. */
public interface ScriptOverrideStore {
    Map<String, String> all(ChatRef chat);

    void put(ChatRef chat, String key, String template);

    /** Removes the override; false when there was none. */
    boolean remove(ChatRef chat, String key);
}
