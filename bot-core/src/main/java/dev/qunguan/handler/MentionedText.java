package dev.qunguan.handler;

import dev.qunguan.message.Message;
import dev.qunguan.message.Segment;
import dev.qunguan.script.ChatScript;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a script text in which members are named by a variable ({@code {member}}, {@code {members}})
 * and turns those names into real @-mentions where the template puts them, so members are notified and
 * named once. A template that leaves the variable out still mentions them, at the start.
 */
public final class MentionedText {
    // Private-use characters cannot come from a script or a display name, so they mark places safely.
    private static final char OPEN = '\uE000';
    private static final char CLOSE = '\uE001';
    private static final Pattern MARK = Pattern.compile(OPEN + "(\\d+)" + CLOSE);

    private MentionedText() {}

    /**
     * @param variable  the template variable that names the members
     * @param members   who to mention, in order
     * @param separator what stands between two names (such as 、)
     */
    public static Message render(ChatScript script, String key, Map<String, String> variables, String variable,
            List<Segment.Mention> members, String separator) {
        StringBuilder marks = new StringBuilder();
        for (int i = 0; i < members.size(); i++) {
            if (i > 0) {
                marks.append(separator);
            }
            marks.append(OPEN).append(i).append(CLOSE);
        }
        Map<String, String> withMarks = new HashMap<>(variables);
        withMarks.put(variable, marks.toString());
        String rendered = script.render(key, withMarks);

        List<Segment> segments = new ArrayList<>();
        Matcher matcher = MARK.matcher(rendered);
        int from = 0;
        while (matcher.find()) {
            if (matcher.start() > from) {
                segments.add(new Segment.Text(rendered.substring(from, matcher.start())));
            }
            segments.add(members.get(Integer.parseInt(matcher.group(1))));
            from = matcher.end();
        }
        if (from < rendered.length()) {
            segments.add(new Segment.Text(rendered.substring(from)));
        }
        if (from == 0 && !members.isEmpty()) {
            // The template does not name them: mention everyone up front so they are still notified.
            List<Segment> upFront = new ArrayList<>(members);
            upFront.add(new Segment.Text(" " + rendered));
            return new Message(upFront);
        }
        return new Message(segments);
    }

    /** For one member. */
    public static Message render(ChatScript script, String key, Map<String, String> variables, String variable,
            Segment.Mention member) {
        return render(script, key, variables, variable, List.of(member), "");
    }
}
