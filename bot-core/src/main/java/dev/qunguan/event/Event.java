package dev.qunguan.event;

import java.time.Instant;

/** Something that happened in a chat, already decoded from the platform's own format. */
public sealed interface Event permits MessageReceived, MemberJoined, MemberLeft, MessageRecalled, BotAddedToChat, TimerFired {
    EventId id();

    ChatRef chat();

    Instant at();
}
