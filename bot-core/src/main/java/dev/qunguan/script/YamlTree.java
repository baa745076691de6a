package dev.qunguan.script;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads a YAML document into a small tree that remembers the line and column of every key and value,
 * so script mistakes can be reported where the admin made them.
 */
final class YamlTree {
    private static final YAMLFactory YAML = YAMLFactory.builder().build();

    sealed interface Node permits MapNode, ListNode, ScalarNode {
        int line();

        int column();
    }

    record Entry(String key, int line, int column, Node value) {}

    record MapNode(int line, int column, List<Entry> entries) implements Node {
        MapNode {
            entries = List.copyOf(entries);
        }
    }

    record ListNode(int line, int column, List<Node> items) implements Node {
        ListNode {
            items = List.copyOf(items);
        }
    }

    /** A scalar as written; {@code text} is null for YAML null (such as a key with no value). */
    record ScalarNode(int line, int column, @Nullable String text) implements Node {}

    /** A document that is not valid YAML, or has a duplicate key. */
    static final class SyntaxException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int line;
        private final int column;

        SyntaxException(int line, int column, String message) {
            super(message);
            this.line = line;
            this.column = column;
        }

        int line() {
            return line;
        }

        int column() {
            return column;
        }
    }

    private YamlTree() {}

    /** Reads one document; an empty document is an empty mapping. */
    static Node read(Reader in) throws SyntaxException {
        try (JsonParser parser = YAML.createParser(in)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new MapNode(1, 1, List.of());
            }
            return readValue(parser);
        } catch (JsonProcessingException e) {
            throw syntaxError(e);
        } catch (IOException e) {
            throw new SyntaxException(0, 0, "cannot read: " + e.getMessage());
        }
    }

    private static Node readValue(JsonParser parser) throws IOException, SyntaxException {
        JsonLocation at = parser.currentTokenLocation();
        int line = at.getLineNr();
        int column = at.getColumnNr();
        JsonToken token = parser.currentToken();
        return switch (token) {
            case START_OBJECT -> {
                List<Entry> entries = new ArrayList<>();
                Set<String> seen = new HashSet<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    JsonLocation keyAt = parser.currentTokenLocation();
                    String key = parser.currentName();
                    if (!seen.add(key)) {
                        throw new SyntaxException(keyAt.getLineNr(), keyAt.getColumnNr(), "duplicate key '" + key + "'");
                    }
                    parser.nextToken();
                    entries.add(new Entry(key, keyAt.getLineNr(), keyAt.getColumnNr(), readValue(parser)));
                }
                yield new MapNode(line, column, entries);
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue(parser));
                }
                yield new ListNode(line, column, items);
            }
            case VALUE_NULL -> new ScalarNode(line, column, null);
            default -> new ScalarNode(line, column, parser.getText());
        };
    }

    private static SyntaxException syntaxError(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            String problem = marked.getProblem() == null ? "invalid YAML" : marked.getProblem();
            String context = marked.getContext();
            if (context != null && marked.getContextMark() != null
                    && marked.getContextMark().getLine() != marked.getProblemMark().getLine()) {
                context = context + " that starts on line " + (marked.getContextMark().getLine() + 1);
            }
            String message = context == null ? problem : problem + " (" + context + ")";
            return new SyntaxException(
                    marked.getProblemMark().getLine() + 1, marked.getProblemMark().getColumn() + 1, message);
        }
        JsonLocation at = e.getLocation();
        int line = at == null ? 0 : Math.max(0, at.getLineNr());
        int column = at == null ? 0 : Math.max(0, at.getColumnNr());
        return new SyntaxException(line, column, e.getOriginalMessage());
    }
}
