package dev.qunguan.action;

import dev.qunguan.event.ChatRef;

/** Something the bot does in a chat; adapters carry it out through the platform's API. */
public sealed interface Action permits SendMessage, DeleteMessage, MuteMember, RemoveMember {
    ChatRef chat();
}
