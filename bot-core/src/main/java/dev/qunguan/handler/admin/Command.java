package dev.qunguan.handler.admin;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A slash command as typed, mentions already left out: {@code /faq add 问题 | 答案} is name {@code faq} and
 * arguments {@code add 问题 | 答案}. A full-width slash (／) counts as a slash.
 */
record Command(String name, String arguments) {
    private static final Pattern SHAPE = Pattern.compile("^[/／](\\S+)(?:\\s+(.*))?$", Pattern.DOTALL);
    private static final Pattern FIRST_WORD = Pattern.compile("^(\\S+)(?:\\s+(.*))?$", Pattern.DOTALL);

    static Optional<Command> parse(String text) {
        Matcher matcher = SHAPE.matcher(text.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String arguments = matcher.group(2);
        return Optional.of(new Command(matcher.group(1).toLowerCase(Locale.ROOT),
                arguments == null ? "" : arguments.strip()));
    }

    /** The first word of the arguments (lower-cased) and the rest, as a sub-command. */
    Command sub() {
        Matcher matcher = FIRST_WORD.matcher(arguments);
        if (!matcher.matches()) {
            return new Command("", "");
        }
        String rest = matcher.group(2);
        return new Command(matcher.group(1).toLowerCase(Locale.ROOT), rest == null ? "" : rest.strip());
    }

    /** The command as members type it, for messages such as "who should /warn apply to?". */
    String typed() {
        return "/" + name;
    }
}
