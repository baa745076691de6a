package dev.qunguan.script;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A compiled reply template: literal text and {@code {name}} placeholders, {@code {{} and {@code }}} for
 * literal braces. Rendering only concatenates; a variable value is inserted as is and never re-read as a
 * template, so a member named {@code {member}} cannot inject anything.
 */
final class Template {
    private sealed interface Part permits Literal, Placeholder {}

    private record Literal(String text) implements Part {}

    private record Placeholder(String name) implements Part {}

    private final String source;
    private final List<Part> parts;
    private final Set<String> variables;

    private Template(String source, List<Part> parts) {
        this.source = source;
        this.parts = List.copyOf(parts);
        Set<String> names = new LinkedHashSet<>();
        for (Part part : parts) {
            if (part instanceof Placeholder(String name)) {
                names.add(name);
            }
        }
        this.variables = Set.copyOf(names);
    }

    /**
     * Compiles the template.
     *
     * @throws IllegalArgumentException for an unclosed or empty placeholder
     */
    static Template parse(String source) {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '{' && i + 1 < source.length() && source.charAt(i + 1) == '{') {
                literal.append('{');
                i += 2;
            } else if (c == '}' && i + 1 < source.length() && source.charAt(i + 1) == '}') {
                literal.append('}');
                i += 2;
            } else if (c == '{') {
                int close = closingBrace(source, i);
                String name = source.substring(i + 1, close).strip();
                if (name.isEmpty()) {
                    throw new IllegalArgumentException("empty placeholder {} at character " + (i + 1)
                            + " (write {{}} for literal braces)");
                }
                if (!literal.isEmpty()) {
                    parts.add(new Literal(literal.toString()));
                    literal.setLength(0);
                }
                parts.add(new Placeholder(name));
                i = close + 1;
            } else {
                literal.append(c);
                i++;
            }
        }
        if (!literal.isEmpty()) {
            parts.add(new Literal(literal.toString()));
        }
        return new Template(source, parts);
    }

    private static int closingBrace(String source, int open) {
        for (int j = open + 1; j < source.length(); j++) {
            char c = source.charAt(j);
            if (c == '}') {
                return j;
            }
            if (c == '{' || c == '\n') {
                break;
            }
        }
        throw new IllegalArgumentException("unclosed { at character " + (open + 1)
                + " (close it with }, or write {{ for a literal brace)");
    }

    /** Compiles the template and checks it uses only the variables its key offers. */
    static Template parseFor(String key, String source) {
        Set<String> allowed = ScriptKeys.variables(key)
                .orElseThrow(() -> new IllegalArgumentException("unknown text key: " + key));
        Template template = parse(source);
        for (String name : template.variables) {
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException("unknown variable {" + name + "} for " + key
                        + (allowed.isEmpty() ? " (this text takes no variables)" : " (allowed: " + braced(allowed) + ")"));
            }
        }
        return template;
    }

    private static String braced(Set<String> names) {
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(null);
        StringBuilder out = new StringBuilder();
        for (String name : sorted) {
            out.append(out.isEmpty() ? "" : ", ").append('{').append(name).append('}');
        }
        return out.toString();
    }

    String source() {
        return source;
    }

    Set<String> variables() {
        return variables;
    }

    /** Substitutes the placeholders; a variable without a value renders as the empty string. */
    String render(Map<String, String> values) {
        StringBuilder out = new StringBuilder(source.length() + 32);
        for (Part part : parts) {
            switch (part) {
                case Literal(String text) -> out.append(text);
                case Placeholder(String name) -> {
                    String value = values.get(name);
                    out.append(value == null ? "" : value);
                }
            }
        }
        return out.toString();
    }
}
