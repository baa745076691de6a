package dev.qunguan.handler.recent;

import dev.qunguan.action.Reply;
import dev.qunguan.event.MessageReceived;
import dev.qunguan.handler.Handler;
import java.util.Objects;

/** Notes every message with text as it passes, then lets it go on unchanged. */
public final class RecentMessagesHandler implements Handler {
    private final RecentMessages recent;

    private RecentMessagesHandler(RecentMessages recent) {
        this.recent = recent;
    }

    public static RecentMessagesHandler of(RecentMessages recent) {
        return new RecentMessagesHandler(Objects.requireNonNull(recent, "recent"));
    }

    @Override
    public Reply handle(Chain chain) {
        if (chain.event() instanceof MessageReceived message && !message.text().isEmpty()) {
            recent.remember(message);
        }
        return chain.proceed();
    }
}
