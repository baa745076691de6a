package dev.qunguan.handler;

import dev.qunguan.message.Message;
import dev.qunguan.message.Segment;
import dev.qunguan.script.ChatScript;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders a script text that names members through a variable ({@code {member}}, {@code {members}}) so
 * that those names are real @-mentions where the template puts them. A template that leaves the
 * variable out still mentions the members, at the start, so they are notified either way.
 */
public final class MentionedText {
    private MentionedText() {}

    public static Message render(ChatScript script, String key, Map<String, String> variables, String variable,
            List<Segment.Mention> members) {
        Message message = script.renderMessage(key, variables, Map.of(variable, members));
        if (members.isEmpty() || !message.mentionedMembers().isEmpty()) {
            return message;
        }
        List<Segment> upFront = new ArrayList<>(members);
        upFront.add(new Segment.Text(" "));
        upFront.addAll(message.segments());
        return new Message(upFront);
    }

    /** For one member. */
    public static Message render(ChatScript script, String key, Map<String, String> variables, String variable,
            Segment.Mention member) {
        return render(script, key, variables, variable, List.of(member));
    }
}
