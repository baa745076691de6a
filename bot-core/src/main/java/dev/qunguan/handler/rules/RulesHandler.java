package dev.qunguan.handler.rules;

import dev.qunguan.action.Reply;
import dev.qunguan.action.SendMessage;
import dev.qunguan.event.MessageReceived;
import dev.qunguan.handler.Handler;
import dev.qunguan.message.Message;
import dev.qunguan.script.ChatScript;
import java.util.Map;

/** Posts the group's rules when a message is exactly one of the rules triggers (群规, /rules). */
public final class RulesHandler implements Handler {
    private static final char FULL_WIDTH_SLASH = '／';

    private RulesHandler() {}

    public static RulesHandler of() {
        return new RulesHandler();
    }

    @Override
    public Reply handle(Chain chain) {
        if (!(chain.event() instanceof MessageReceived message)) {
            return chain.proceed();
        }
        ChatScript script = chain.ctx().script();
        if (!script.settings().rulesTriggers().contains(asTyped(message.text()))) {
            return chain.proceed();
        }
        String text = script.render("rules.post", Map.of(
                "group", script.settings().groupName(),
                "rules", script.rules()));
        return Reply.of(new SendMessage(message.chat(), Message.text(text)));
    }

    /** Phones often type a full-width slash; it means the same command. */
    private static String asTyped(String text) {
        String trimmed = text.strip();
        return !trimmed.isEmpty() && trimmed.charAt(0) == FULL_WIDTH_SLASH ? "/" + trimmed.substring(1) : trimmed;
    }
}
