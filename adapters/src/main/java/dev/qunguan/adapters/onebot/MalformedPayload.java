package dev.qunguan.adapters.onebot;

/**
 * A known OneBot event that lacks a required field or carries one of the wrong type. Thrown inside the
 * decoder only and turned into a 400 answer; no stack trace, since it is an expected outcome of bad input.
 */
final class MalformedPayload extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private MalformedPayload(String message) {
        super(message, null, false, false);
    }

    static MalformedPayload missing(String field) {
        return new MalformedPayload(field + ": missing");
    }

    static MalformedPayload wrongType(String field, String expected) {
        return new MalformedPayload(field + ": wrong type (expected: " + expected + ")");
    }
}
