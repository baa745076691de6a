package dev.qunguan.adapters.onebot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Makes hostile OneBot report bodies from golden ones: structural edits on the JSON tree (type swaps,
 * missing fields, huge numbers, deep nesting, CQ-code garbage, event types crossed over) and byte edits
 * on the raw text (flips, truncation, duplicated and deleted spans, stray JSON tokens, invalid UTF-8),
 * plus empty, blank and purely random bodies. Deterministic for a given {@link Random}.
 */
final class OneBotPayloadMutator {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Stands in for a value that is spliced in as raw text, for nesting deeper than the serialiser allows. */
    private static final String DEEP_MARKER = "__deep_nesting__";
    private static final int MAX_GROWN_BYTES = 32 * 1024;

    private static final String[] TYPE_FIELDS = {"post_type", "message_type", "notice_type", "sub_type"};
    private static final String[] WORDS = {
        "message", "notice", "meta_event", "request", "message_sent", "group", "private", "normal", "anonymous",
        "notice", "group_increase", "group_decrease", "group_recall", "group_ban", "kick", "kick_me", "leave",
        "approve", "owner", "admin", "member", "text", "at", "reply", "image", "face", "all", "", " ", "\u0000",
        "签到", "打卡", "10001000", " 42 ", "-1", "0x10", "1e3", "９９", "\uD83D\uDE00", "\uD800",
    };
    private static final String[] HUGE_NUMBERS = {
        "9223372036854775807", "-9223372036854775808", "9223372036854775808", "-9223372036854775809",
        "31556889864403199", "31556889864403200", "-31557014167219201", "123456789012345678901234567890",
        "1e400", "-1e400", "1e-400", "4.9e-324", "1.7976931348623157e308", "0.5", "-0", "0", "2147483648",
        "1" + "0".repeat(1100), "0." + "9".repeat(1100),
    };
    private static final String[] TOKENS = {
        "{", "}", "[", "]", ",", ":", "\"", "null", "true", "false", "0", "-", "1e", "\\", "\\u", "\\uD800",
        "\"\":", ",,", "{}", "[]", "//", "/*", "NaN", "Infinity", "'", "\u0000", " ", "\n",
    };
    private static final String[] CQ_GARBAGE = {
        "[CQ:", "[CQ:at", "[CQ:at,qq=", "[CQ:at,qq=]", "[CQ:at,qq=all]", "[CQ:,,,=,=]", "[CQ:reply,id=   ]",
        "[CQ:image,url=,file=]", "[CQ:image]", "[CQ:at,qq=10001000,name=]", "[CQ:at,qq=abc]", "]]]", "[[[",
        "&#91;", "&#93;", "&#44;", "&amp;", "&", "&#9", "&amp;#91;", "[CQ:text,text=&#91;CQ:at&#93;]",
        "[CQ:at,qq=99999999999999999999999]", "[CQ:face,id=1][CQ:record,file=x]", "签到", "\uD83D", "\u0000",
    };
    private static final byte[][] INVALID_UTF8 = {
        {(byte) 0xFF}, {(byte) 0xC3, 0x28}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xE4, (byte) 0xBD}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
        {(byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
    };

    private final Random random;
    private final List<byte[]> goldens;
    private final List<JsonNode> trees;

    OneBotPayloadMutator(Random random, List<byte[]> goldens) {
        this.random = random;
        this.goldens = List.copyOf(goldens);
        this.trees = new ArrayList<>();
        for (byte[] golden : goldens) {
            try {
                trees.add(JSON.readTree(golden));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The next hostile body. */
    byte[] next() {
        int pick = random.nextInt(100);
        if (pick < 4) {
            return randomBytes(random.nextInt(2048));
        }
        if (pick < 6) {
            return blank();
        }
        if (pick < 10) {
            return goldens.get(random.nextInt(goldens.size())).clone();
        }
        if (pick < 55) {
            return treeMutation();
        }
        if (pick < 70) {
            // Structural edits first, byte edits on top: reaches deeper than either alone.
            return byteMutation(treeMutation());
        }
        return byteMutation(goldens.get(random.nextInt(goldens.size())));
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private byte[] blank() {
        String[] blanks = {"", " ", "\n", "\r\n\t ", "\uFEFF", "null", "{}", "[]", "\"\"", "0", "true"};
        return blanks[random.nextInt(blanks.length)].getBytes(StandardCharsets.UTF_8);
    }

    private byte[] treeMutation() {
        JsonNode root = trees.get(random.nextInt(trees.size())).deepCopy();
        if (root instanceof ObjectNode object && random.nextInt(4) == 0) {
            // Cross event kinds: a notice's fields under a message's type and so on.
            object.put(TYPE_FIELDS[random.nextInt(TYPE_FIELDS.length)], WORDS[random.nextInt(12)]);
        }
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits; i++) {
            List<Slot> slots = new ArrayList<>();
            collect(root, slots);
            if (slots.isEmpty()) {
                break;
            }
            slots.get(random.nextInt(slots.size())).replace(this::mutateValue);
        }
        String text;
        try {
            text = JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        String marker = "\"" + DEEP_MARKER + "\"";
        for (int at = text.indexOf(marker); at >= 0; at = text.indexOf(marker)) {
            text = text.substring(0, at) + deepNesting() + text.substring(at + marker.length());
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Returns the replacement, or null to remove the field or element. */
    private JsonNode mutateValue(JsonNode value) {
        return switch (random.nextInt(12)) {
            case 0 -> null;
            case 1 -> NODES.nullNode();
            case 2 -> value.isTextual() ? NODES.numberNode(random.nextLong()) : NODES.textNode(value.asText());
            case 3 -> NODES.textNode(WORDS[random.nextInt(WORDS.length)]);
            case 4 -> NODES.arrayNode().add(value);
            case 5 -> NODES.objectNode().set("value", value);
            case 6 -> random.nextBoolean() ? NODES.booleanNode(random.nextBoolean()) : NODES.arrayNode();
            case 7 -> hugeNumber();
            // Deep bodies cost the parser most, so they are a small share of the mix.
            case 8 -> random.nextInt(5) == 0 ? NODES.textNode(DEEP_MARKER) : NODES.objectNode();
            case 9 -> NODES.textNode(cqGarbage(value));
            case 10 -> NODES.numberNode(random.nextInt(3) - 1);
            default -> NODES.textNode(hugeNumber().asText());
        };
    }

    private JsonNode hugeNumber() {
        String digits = HUGE_NUMBERS[random.nextInt(HUGE_NUMBERS.length)];
        try {
            return JSON.readTree(digits);
        } catch (IOException tooLongForJackson) {
            // Beyond Jackson's number length: carried as the biggest integer it keeps, the text stays for strings.
            return NODES.numberNode(BigInteger.TEN.pow(999));
        }
    }

    private String cqGarbage(JsonNode value) {
        StringBuilder text = new StringBuilder(value.isTextual() ? value.textValue() : "");
        int pieces = 1 + random.nextInt(5);
        for (int i = 0; i < pieces; i++) {
            int at = text.isEmpty() ? 0 : random.nextInt(text.length() + 1);
            text.insert(at, CQ_GARBAGE[random.nextInt(CQ_GARBAGE.length)]);
        }
        return text.toString();
    }

    private String deepNesting() {
        // Jackson refuses nesting past 1000 levels; both sides of that limit are covered.
        int depth = random.nextBoolean() ? 50 + random.nextInt(950) : 1_000 + random.nextInt(1_000);
        boolean arrays = random.nextBoolean();
        StringBuilder nested = new StringBuilder(depth * 8);
        for (int i = 0; i < depth; i++) {
            nested.append(arrays ? "[" : "{\"a\":");
        }
        nested.append("1");
        for (int i = 0; i < depth; i++) {
            nested.append(arrays ? "]" : "}");
        }
        return nested.toString();
    }

    private byte[] byteMutation(byte[] original) {
        byte[] bytes = original.clone();
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits; i++) {
            bytes = byteEdit(bytes);
        }
        return bytes;
    }

    private byte[] byteEdit(byte[] bytes) {
        int at = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
        return switch (random.nextInt(8)) {
            case 0 -> {
                if (bytes.length > 0) {
                    bytes[at] ^= (byte) (1 << random.nextInt(8));
                }
                yield bytes;
            }
            case 1 -> {
                if (bytes.length > 0) {
                    bytes[at] = (byte) random.nextInt(256);
                }
                yield bytes;
            }
            case 2 -> Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
            case 3 -> {
                int length = random.nextInt(Math.max(1, bytes.length - at) + 1);
                byte[] span = Arrays.copyOfRange(bytes, at, Math.min(bytes.length, at + length));
                int times = random.nextInt(10) == 0 ? 50 : 1;
                byte[] out = bytes;
                // Bounded so stacked edits cannot grow a body to megabytes (the server caps bodies anyway).
                for (int t = 0; t < times && out.length < MAX_GROWN_BYTES; t++) {
                    out = splice(out, random.nextInt(out.length + 1), 0, span);
                }
                yield out;
            }
            case 4 -> splice(bytes, at, random.nextInt(Math.min(64, bytes.length - at) + 1), new byte[0]);
            case 5 -> splice(bytes, at, 0, TOKENS[random.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8));
            case 6 -> deleteToken(bytes);
            default -> splice(bytes, insideAString(bytes), 0, INVALID_UTF8[random.nextInt(INVALID_UTF8.length)]);
        };
    }

    /** Removes one structural character or literal, the way a hand-edited payload breaks. */
    private byte[] deleteToken(byte[] bytes) {
        List<Integer> structural = new ArrayList<>();
        for (int i = 0; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b == '{' || b == '}' || b == '[' || b == ']' || b == ',' || b == ':' || b == '"') {
                structural.add(i);
            }
        }
        if (structural.isEmpty()) {
            return bytes;
        }
        return splice(bytes, structural.get(random.nextInt(structural.size())), 1, new byte[0]);
    }

    private int insideAString(byte[] bytes) {
        for (int tries = 0; tries < 8 && bytes.length > 0; tries++) {
            int at = random.nextInt(bytes.length);
            if (bytes[at] == '"') {
                return at + 1;
            }
        }
        return bytes.length == 0 ? 0 : random.nextInt(bytes.length + 1);
    }

    private static byte[] splice(byte[] bytes, int at, int removed, byte[] inserted) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + inserted.length);
        out.write(bytes, 0, at);
        out.writeBytes(inserted);
        out.write(bytes, at + removed, bytes.length - at - removed);
        return out.toByteArray();
    }

    private static void collect(JsonNode node, List<Slot> slots) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                slots.add(new Slot(object, name, -1));
                collect(object.get(name), slots);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                slots.add(new Slot(array, null, i));
                collect(array.get(i), slots);
            }
        }
    }

    /** One field of an object or one element of an array, to be replaced or removed. */
    private record Slot(JsonNode parent, String name, int index) {
        void replace(Function<JsonNode, JsonNode> mutation) {
            if (parent instanceof ObjectNode object) {
                JsonNode replacement = mutation.apply(object.get(name));
                if (replacement == null) {
                    object.remove(name);
                } else {
                    object.set(name, replacement);
                }
            } else if (parent instanceof ArrayNode array && index < array.size()) {
                JsonNode replacement = mutation.apply(array.get(index));
                if (replacement == null) {
                    array.remove(index);
                } else {
                    array.set(index, replacement);
                }
            }
        }
    }
}
