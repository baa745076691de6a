package dev.qunguan.handler.intro;

import dev.qunguan.action.Reply;
import dev.qunguan.action.SendMessage;
import dev.qunguan.event.BotAddedToChat;
import dev.qunguan.handler.EventContext;
import dev.qunguan.handler.Handler;
import dev.qunguan.message.Message;
import dev.qunguan.store.ChatMarks;
import java.util.Map;
import java.util.Objects;

/** Introduces the bot the first time it joins a group; being removed and re-added stays quiet. */
public final class IntroHandler implements Handler {
    static final String MARK = "intro";

    private final ChatMarks marks;

    private IntroHandler(ChatMarks marks) {
        this.marks = marks;
    }

    public static IntroHandler of(ChatMarks marks) {
        return new IntroHandler(Objects.requireNonNull(marks, "marks"));
    }

    @Override
    public Reply handle(Chain chain) {
        if (!(chain.event() instanceof BotAddedToChat added)) {
            return chain.proceed();
        }
        EventContext ctx = chain.ctx();
        if (!marks.markOnce(added.chat(), MARK, ctx.now())) {
            return chain.proceed();
        }
        String text = ctx.script().render("intro", Map.of("group", ctx.script().settings().groupName()));
        return Reply.of(new SendMessage(added.chat(), Message.text(text)));
    }
}
