package dev.qunguan.nlp.rules;

/**
 * What one pass over a normalised text learns about it: digit counts and runs, whether it has ASCII
 * letters. Cues consult it (and plain character tests) before running their regex, so a chat line
 * without digits, links or trigger characters never pays for pattern matching. Not shared.
 */
final class TextProfile {

    private final String text;
    private final int digits;
    private final int longestDigitRun;
    private final int longestDigitOrXRun;
    private final boolean hasX;
    private final boolean hasAsciiLetter;

    private TextProfile(String text, int digits, int longestDigitRun, int longestDigitOrXRun, boolean hasX,
            boolean hasAsciiLetter) {
        this.text = text;
        this.digits = digits;
        this.longestDigitRun = longestDigitRun;
        this.longestDigitOrXRun = longestDigitOrXRun;
        this.hasX = hasX;
        this.hasAsciiLetter = hasAsciiLetter;
    }

    static TextProfile of(String text) {
        int digits = 0;
        int digitRun = 0;
        int longestDigitRun = 0;
        int digitOrXRun = 0;
        int longestDigitOrXRun = 0;
        boolean hasX = false;
        boolean hasAsciiLetter = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            if (digit) {
                digits++;
                longestDigitRun = Math.max(longestDigitRun, ++digitRun);
            } else {
                digitRun = 0;
            }
            if (digit || c == 'x') {
                longestDigitOrXRun = Math.max(longestDigitOrXRun, ++digitOrXRun);
            } else {
                digitOrXRun = 0;
            }
            hasX |= c == 'x';
            hasAsciiLetter |= c >= 'a' && c <= 'z';
        }
        return new TextProfile(text, digits, longestDigitRun, longestDigitOrXRun, hasX, hasAsciiLetter);
    }

    int digits() {
        return digits;
    }

    int longestDigitRun() {
        return longestDigitRun;
    }

    int longestDigitOrXRun() {
        return longestDigitOrXRun;
    }

    boolean hasX() {
        return hasX;
    }

    boolean hasAsciiLetter() {
        return hasAsciiLetter;
    }

    boolean has(char c) {
        return text.indexOf(c) >= 0;
    }

    boolean has(String part) {
        return text.contains(part);
    }

    /** Whether any character of {@code characters} occurs in the text. */
    boolean hasAnyOf(String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }
}
