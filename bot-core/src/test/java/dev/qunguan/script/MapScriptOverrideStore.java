package dev.qunguan.script;

import dev.qunguan.event.ChatRef;
import dev.qunguan.store.ScriptOverrideStore;
import java.util.HashMap;
import java.util.Map;

/** An in-memory override store for script tests; the real one lives in the store package. */
final class MapScriptOverrideStore implements ScriptOverrideStore {
    private final Map<ChatRef, Map<String, String>> overrides = new HashMap<>();
    private int reads;

    @Override
    public synchronized Map<String, String> all(ChatRef chat) {
        reads++;
        return Map.copyOf(overrides.getOrDefault(chat, Map.of()));
    }

    @Override
    public synchronized void put(ChatRef chat, String key, String template) {
        overrides.computeIfAbsent(chat, c -> new HashMap<>()).put(key, template);
    }

    @Override
    public synchronized boolean remove(ChatRef chat, String key) {
        Map<String, String> texts = overrides.get(chat);
        return texts != null && texts.remove(key) != null;
    }

    synchronized int reads() {
        return reads;
    }
}
