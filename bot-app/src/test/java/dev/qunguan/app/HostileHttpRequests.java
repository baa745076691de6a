package dev.qunguan.app;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Makes raw HTTP requests for the server fuzzer. {@link #wellFramed()} requests keep the connection
 * usable, so they can be pipelined and each must get its own answer: random methods, paths and headers,
 * mutated OneBot bodies signed or not, chunked bodies. {@link #connectionEnding()} requests break the
 * framing or ask to close (garbage request lines, bad headers, lying or oversized lengths, chunked
 * garbage), so they go last on a connection. Deterministic for a given {@link Random}.
 */
final class HostileHttpRequests {
    static final String WEBHOOK = "/webhook/onebot";
    static final String SELF_ID = "10001000";
    /** Any 2xx or 4xx answer is acceptable. */
    static final int ANY = -1;

    private static final String[] GROUPS = {"734101", "734102", "734103", "734104", "734105"};
    private static final String[] TEXTS = {
        "你好", "今天天气不错", "签到", "打卡", "群规", "签到排行", "[CQ:at,qq=10001000] 在吗", "&#91;CQ:face&#93;",
        "[CQ:", "[CQ:at,qq=]", "[CQ:reply,id=1][CQ:image,url=http://x/y.png]", "hello", "   ", "\\u0000",
    };
    private static final String[] METHODS = {"GET", "PUT", "DELETE", "OPTIONS", "PATCH", "HEAD", "TRACE", "FOO", "post"};
    private static final String[] PATHS = {
        "/", "/webhook", "/webhook/", "/webhook/onebot/", "/webhook/ONEBOT", "/webhook/telegram", "/%ZZ",
        "/webhook/onebot%00", "/webhook/onebot/../onebot", "//webhook/onebot", "/healthz/", "/metrics/x",
        "/webhook/onebot;x=1", "/%E4%BD%A0%E5%A5%BD", "/webhook/" + "a".repeat(2_000), "*", "http://evil/x",
        "/webhook/onebot?x=%ZZ", "/healthz?%", "/webhook/onebot?%E4=%", "/webhook/onebot?a=1&a=2&=&&",
    };
    private static final String[] FIELDS = {
        "time", "self_id", "post_type", "message_type", "sub_type", "message_id", "group_id", "user_id",
        "message", "sender", "notice_type", "operator_id", "card", "nickname", "role", "text", "type", "data",
    };
    private static final String[] VALUES = {
        "null", "\"\"", "\" \"", "[]", "{}", "true", "0", "-1", "\"abc\"", "\"123\"", "1e400", "1.5",
        "9223372036854775808", "-9223372036854775809", "31556889864403200", "\"message\"", "\"notice\"",
        "\"group_recall\"", "\"group_increase\"", "[{\"type\":\"at\"}]", "[[[[[[[[[[1]]]]]]]]]]", "\"\\ud800\"",
    };
    private static final String[] TOKENS = {"{", "}", "[", "]", ",", ":", "\"", "null", "\\", "\\u", "1e", "/*"};

    private final Random random;
    private final Mac mac;
    private final AtomicLong messageIds;
    private final int maxBodyBytes;

    /**
     * @param messageIds shared between generators so valid events never repeat an id by accident
     * @param maxBodyBytes the server's limit: connection-ending requests go past it
     */
    HostileHttpRequests(Random random, String secret, AtomicLong messageIds, int maxBodyBytes) {
        this.random = random;
        this.messageIds = messageIds;
        this.maxBodyBytes = maxBodyBytes;
        try {
            mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(UTF_8), "HmacSHA1"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A request and what its answer's status must be ({@link #ANY} when the fuzz makes it unknowable).
     * {@code halfClose}: the client must shut its side down after sending, or the server would rightly
     * keep waiting for the rest of a request that never comes.
     */
    record Request(byte[] bytes, String method, int expectedStatus, String description, boolean halfClose) {
        Request(byte[] bytes, String method, int expectedStatus, String description) {
            this(bytes, method, expectedStatus, description, false);
        }

        boolean isHead() {
            return method.equals("HEAD");
        }
    }

    Request wellFramed() {
        // Events that reach the handler chain cost the most (store, API calls), so they are the minority.
        int pick = random.nextInt(1000);
        if (pick < 60) {
            byte[] body = validEvent();
            return post(WEBHOOK, body, signature(body), 204, "valid signed event");
        }
        if (pick < 440) {
            byte[] body = mutatedEvent();
            return post(WEBHOOK, body, signature(body), ANY, "signed mutated event");
        }
        if (pick < 600) {
            byte[] body = random.nextBoolean() ? validEvent() : mutatedEvent();
            return post(WEBHOOK, body, badSignature(body), 401, "bad signature");
        }
        if (pick < 690) {
            String method = METHODS[random.nextInt(METHODS.length)];
            return request(method, WEBHOOK, random.nextBoolean() ? mutatedEvent() : new byte[0], null, 405,
                    "wrong method");
        }
        if (pick < 790) {
            String path = PATHS[random.nextInt(PATHS.length)];
            String method = random.nextBoolean() ? "POST" : METHODS[random.nextInt(METHODS.length)];
            return request(method, path, mutatedEvent(), null, ANY, "odd path");
        }
        if (pick < 850) {
            return health();
        }
        if (pick < 852) {
            return request("GET", "/metrics", new byte[0], null, 200, "metrics");
        }
        if (pick < 910) {
            return oddHeaders();
        }
        if (pick < 960) {
            return chunked();
        }
        byte[] empty = new byte[0];
        return random.nextBoolean()
                ? post(WEBHOOK, empty, signature(empty), 400, "signed empty body")
                : post(WEBHOOK + "?x=" + random.nextInt(), empty, null, 401, "unsigned empty body");
    }

    private Request health() {
        return switch (random.nextInt(3)) {
            case 0 -> request("GET", "/healthz", new byte[0], null, 200, "health");
            case 1 -> request("HEAD", "/healthz", new byte[0], null, 200, "health head");
            default -> request("POST", "/healthz", mutatedEvent(), null, 405, "health post");
        };
    }

    /** Extra, repeated and odd-but-legal headers; the expected answer follows from the body and signature. */
    private Request oddHeaders() {
        byte[] body = validEvent();
        String right = signature(body);
        StringBuilder extra = new StringBuilder();
        int count = random.nextInt(8);
        for (int i = 0; i < count; i++) {
            extra.append("X-").append(randomToken(1 + random.nextInt(20))).append(": ")
                    .append(randomPrintable(random.nextInt(200))).append("\r\n");
        }
        int expected = 204;
        switch (random.nextInt(4)) {
            case 0 -> {
                // two signatures are joined into one value, which can never match
                extra.append("X-Signature: ").append(right).append("\r\n");
                expected = 401;
            }
            case 1 -> extra.append("Content-Type: ").append(randomPrintable(30)).append("\r\n");
            case 2 -> extra.append("Accept-Encoding: gzip, deflate, br\r\nUser-Agent: ").append(randomPrintable(80))
                    .append("\r\n");
            default -> extra.append("x-self-id: ").append(SELF_ID).append("\r\n");
        }
        String head = "POST " + WEBHOOK + " HTTP/1.1\r\nHost: fuzz\r\nX-Signature: " + right + "\r\n" + extra
                + "Content-Length: " + body.length + "\r\n\r\n";
        return new Request(concat(head.getBytes(UTF_8), body), "POST", expected, "odd headers");
    }

    /** A correctly chunked body: the server must reassemble it before checking the signature. */
    private Request chunked() {
        boolean valid = random.nextBoolean();
        byte[] body = valid ? validEvent() : mutatedEvent();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("POST " + WEBHOOK + " HTTP/1.1\r\nHost: fuzz\r\nX-Signature: " + signature(body)
                + "\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(UTF_8));
        int at = 0;
        while (at < body.length) {
            int size = Math.min(body.length - at, 1 + random.nextInt(300));
            String extension = random.nextInt(5) == 0 ? ";ext=" + randomToken(4) : "";
            out.writeBytes((Integer.toHexString(size) + extension + "\r\n").getBytes(UTF_8));
            out.write(body, at, size);
            out.writeBytes("\r\n".getBytes(UTF_8));
            at += size;
        }
        out.writeBytes(("0\r\n" + (random.nextBoolean() ? "X-Trailer: t\r\n" : "") + "\r\n").getBytes(UTF_8));
        return new Request(out.toByteArray(), "POST", valid ? 204 : ANY, "chunked");
    }

    /** A request after which the server may close the connection; at most a couple of answers may come back. */
    Request connectionEnding() {
        byte[] body = validEvent();
        String sig = signature(body);
        return switch (random.nextInt(16)) {
            case 0 -> raw("GARBAGE\r\n\r\n", "garbage request line");
            case 1 -> raw(randomPrintable(random.nextInt(100)) + "\r\n\r\n", "random request line");
            case 2 -> raw("GET /" + "x".repeat(5_000 + random.nextInt(5_000)) + " HTTP/1.1\r\n\r\n", "request line too long");
            case 3 -> raw("GET / HTTP/9.9\r\n\r\n", "unknown version");
            case 4 -> raw("POST " + WEBHOOK + " HTTP/1.1\r\nNo colon here\r\nContent-Length: 2\r\n\r\n{}", "header without colon");
            case 5 -> raw("POST " + WEBHOOK + " HTTP/1.1\r\nX-Big: " + "y".repeat(9_000) + "\r\n\r\n", "header too long");
            case 6 -> raw("POST " + WEBHOOK + " HTTP/1.1\r\nContent-Length: abc\r\n\r\n{}", "non-numeric length");
            case 7 -> raw("POST " + WEBHOOK + " HTTP/1.1\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}x",
                    "two lengths");
            case 8 -> raw("POST " + WEBHOOK + " HTTP/1.1\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n"
                    + "zz\r\nhello\r\n0\r\n\r\n", "chunked garbage with a length");
            case 9 -> raw("POST " + WEBHOOK + " HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + Integer.toHexString(maxBodyBytes * 4) + "\r\n" + "z".repeat(maxBodyBytes + 10), "chunk past the limit");
            case 10 -> new Request(concat(("POST " + WEBHOOK + " HTTP/1.1\r\nX-Signature: " + sig
                    + "\r\nContent-Length: " + (body.length + 1 + random.nextInt(5_000)) + "\r\n\r\n").getBytes(UTF_8),
                    body), "POST", ANY, "length longer than the body", true);
            case 11 -> new Request(concat(("POST " + WEBHOOK + " HTTP/1.1\r\nX-Signature: " + sig
                    + "\r\nContent-Length: " + random.nextInt(body.length) + "\r\n\r\n").getBytes(UTF_8), body),
                    "POST", ANY, "length shorter than the body", true);
            case 12 -> raw("POST " + WEBHOOK + " HTTP/1.1\r\nContent-Length: " + (maxBodyBytes + 1) + "\r\n\r\n"
                    + "x".repeat(maxBodyBytes + 1), "body over the limit");
            case 13 -> raw("POST " + WEBHOOK + " HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: "
                    + (random.nextBoolean() ? 10 * maxBodyBytes : 2) + "\r\n\r\n", "expect continue");
            case 14 -> new Request(concat(("POST " + WEBHOOK + " HTTP/1.0\r\nX-Signature: " + sig
                    + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(UTF_8), body), "POST", 204, "HTTP/1.0");
            default -> new Request(concat(("POST " + WEBHOOK + " HTTP/1.1\r\nConnection: close\r\nX-Signature: " + sig
                    + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(UTF_8), body), "POST", 204,
                    "connection close");
        };
    }

    private Request raw(String text, String description) {
        return new Request(text.getBytes(UTF_8), "POST", ANY, description, true);
    }

    private Request post(String path, byte[] body, String signature, int expected, String description) {
        return request("POST", path, body, signature, expected, description);
    }

    private Request request(String method, String path, byte[] body, String signature, int expected, String description) {
        StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: fuzz\r\n");
        if (signature != null) {
            head.append("X-Signature: ").append(signature).append("\r\n");
        }
        if (body.length > 0 || method.equals("POST")) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        return new Request(concat(head.toString().getBytes(UTF_8), body), method, expected, description);
    }

    private String signature(byte[] body) {
        return "sha1=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    private String badSignature(byte[] body) {
        return switch (random.nextInt(4)) {
            case 0 -> null;
            case 1 -> "sha1=" + "0".repeat(40);
            case 2 -> signature(body).substring(0, 44);
            default -> "sha256=" + signature(body).substring(5);
        };
    }

    /** A group message or join that the bot handles, with a fresh message id. */
    byte[] validEvent() {
        String group = GROUPS[random.nextInt(GROUPS.length)];
        String user = Integer.toString(55_000 + random.nextInt(500));
        long time = System.currentTimeMillis() / 1000;
        if (random.nextInt(8) == 0) {
            return ("{\"time\":" + time + ",\"self_id\":" + SELF_ID + ",\"post_type\":\"notice\",\"notice_type\":"
                    + "\"group_increase\",\"sub_type\":\"approve\",\"group_id\":" + group + ",\"operator_id\":0,"
                    + "\"user_id\":" + user + "}").getBytes(UTF_8);
        }
        String text = TEXTS[random.nextInt(TEXTS.length)];
        boolean array = random.nextBoolean();
        String message = array ? "[{\"type\":\"text\",\"data\":{\"text\":\"" + text + "\"}}]" : "\"" + text + "\"";
        return ("{\"time\":" + time + ",\"self_id\":" + SELF_ID + ",\"post_type\":\"message\",\"message_type\":\"group\","
                + "\"sub_type\":\"normal\",\"message_id\":" + messageIds.incrementAndGet() + ",\"group_id\":" + group
                + ",\"user_id\":" + user + ",\"anonymous\":null,\"message\":" + message + ",\"raw_message\":\"" + text
                + "\",\"font\":0,\"sender\":{\"user_id\":" + user + ",\"nickname\":\"成员" + user
                + "\",\"card\":\"\",\"role\":\"member\"}}").getBytes(UTF_8);
    }

    /** A valid event with one to four edits: a field's value swapped for another type, or broken bytes. */
    byte[] mutatedEvent() {
        if (random.nextInt(20) == 0) {
            byte[] noise = new byte[random.nextInt(600)];
            random.nextBytes(noise);
            return noise;
        }
        String text = new String(validEvent(), UTF_8);
        int edits = 1 + random.nextInt(4);
        byte[] bytes = null;
        for (int i = 0; i < edits; i++) {
            if (bytes == null && random.nextInt(3) > 0) {
                text = swapValue(text);
            } else {
                bytes = byteEdit(bytes == null ? text.getBytes(UTF_8) : bytes);
            }
        }
        return bytes == null ? text.getBytes(UTF_8) : bytes;
    }

    private String swapValue(String json) {
        String field = "\"" + FIELDS[random.nextInt(FIELDS.length)] + "\":";
        int at = json.indexOf(field);
        if (at < 0) {
            return json;
        }
        int start = at + field.length();
        int end = valueEnd(json, start);
        String value = VALUES[random.nextInt(VALUES.length)];
        if (random.nextInt(10) == 0) {
            value = "[".repeat(1_200) + "]".repeat(1_200); // deeper than the parser accepts
        }
        return json.substring(0, start) + value + json.substring(end);
    }

    /** Where the JSON value starting at {@code start} ends: its closing bracket or the next top-level comma. */
    private static int valueEnd(String json, int start) {
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                depth++;
            } else if (c == ']' || c == '}') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                return i;
            }
        }
        return json.length();
    }

    private byte[] byteEdit(byte[] bytes) {
        if (bytes.length == 0) {
            return TOKENS[random.nextInt(TOKENS.length)].getBytes(UTF_8);
        }
        int at = random.nextInt(bytes.length);
        return switch (random.nextInt(6)) {
            case 0 -> {
                bytes[at] ^= (byte) (1 << random.nextInt(8));
                yield bytes;
            }
            case 1 -> Arrays.copyOf(bytes, at);
            case 2 -> {
                int end = Math.min(bytes.length, at + random.nextInt(64));
                byte[] span = Arrays.copyOfRange(bytes, at, end);
                yield splice(bytes, random.nextInt(bytes.length + 1), 0, span);
            }
            case 3 -> splice(bytes, at, Math.min(bytes.length - at, random.nextInt(16)), new byte[0]);
            case 4 -> splice(bytes, at, 0, TOKENS[random.nextInt(TOKENS.length)].getBytes(UTF_8));
            default -> splice(bytes, at, 0, new byte[] {(byte) 0xC3, (byte) (0x28 + random.nextInt(2) * 0xD7)});
        };
    }

    private static byte[] splice(byte[] bytes, int at, int removed, byte[] inserted) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + inserted.length);
        out.write(bytes, 0, at);
        out.writeBytes(inserted);
        out.write(bytes, at + removed, bytes.length - at - removed);
        return out.toByteArray();
    }

    private static byte[] concat(byte[] head, byte[] body) {
        return splice(head, head.length, 0, body);
    }

    private String randomToken(int length) {
        String chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.!#$%&'*+^`|~";
        StringBuilder token = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            token.append(chars.charAt(random.nextInt(chars.length())));
        }
        return token.toString();
    }

    /** Visible ASCII and spaces, never at the ends: legal anywhere in a header value. */
    private String randomPrintable(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) (0x21 + random.nextInt(0x7E - 0x21 + 1)));
        }
        if (length > 2) {
            text.setCharAt(length / 2, ' ');
        }
        return text.toString();
    }
}
