package dev.qunguan.script;

import dev.qunguan.event.ChatRef;

/** Finds the reply script in force for a chat. Implementations are thread-safe and cheap to call per event. */
public interface ScriptBook {
    ChatScript forChat(ChatRef chat);
}
