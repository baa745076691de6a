package dev.qunguan.script;

import dev.qunguan.message.Message;
import dev.qunguan.message.Segment;
import java.util.List;
import java.util.Map;

/**
 * The reply script in force for one chat: the locale's defaults, then the group's script file, then
 * what admins set by chat. Every word the bot says comes from here.
 */
public interface ChatScript {
    /** The chat's settings (triggers, time zone, welcome style, moderation ladder...). */
    ChatSettings settings();

    /**
     * Renders the template under {@code key} with the given variables. Templates only substitute
     * {@code {name}} placeholders; nothing in them is evaluated.
     *
     * @throws IllegalArgumentException if no script defines {@code key}
     */
    String render(String key, Map<String, String> variables);

    /**
     * Renders the template under {@code key} as a message in which the variables named in
     * {@code mentions} (such as {@code member}) are real @-mentions where the template puts them.
     */
    Message renderMessage(String key, Map<String, String> variables, Map<String, List<Segment.Mention>> mentions);

    /** The raw template under {@code key}, for {@code /script show}. */
    String template(String key);

    /** The group's rules text. */
    String rules();

    /** FAQ entries written into the script file (admins' chat-added entries live in the store). */
    List<ScriptFaq> faq();

    default String render(String key) {
        return render(key, Map.of());
    }
}
