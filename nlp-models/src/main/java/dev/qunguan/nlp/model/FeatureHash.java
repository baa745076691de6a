package dev.qunguan.nlp.model;

/**
 * The 64-bit hash of a feature's spelling (FNV-1a over its UTF-16 chars), computable from a string or
 * from a slice of a char array without making one. Never 0: the weight table uses 0 for empty slots.
 */
final class FeatureHash {

    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private FeatureHash() {}

    static long of(String feature) {
        return finish(append(OFFSET, feature));
    }

    static long of(String prefix, String body) {
        return finish(append(append(OFFSET, prefix), body));
    }

    static long of(char[] chars, int from, int to) {
        long hash = OFFSET;
        for (int i = from; i < to; i++) {
            hash = (hash ^ chars[i]) * PRIME;
        }
        return finish(hash);
    }

    private static long append(long hash, String text) {
        long h = hash;
        for (int i = 0; i < text.length(); i++) {
            h = (h ^ text.charAt(i)) * PRIME;
        }
        return h;
    }

    private static long finish(long hash) {
        return hash == 0 ? 1 : hash;
    }
}
