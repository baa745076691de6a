package dev.qunguan.store;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A Bloom filter over the delivery keys a database holds: "absent" is certain, "present" may be wrong
 * (about 1 % of the time while it holds no more keys than it was sized for, more beyond). Almost every
 * delivery is new, so it lets a claim skip the database look-up that would only confirm that. Thread-safe;
 * keys are only ever added.
 */
final class DeliveryKeyFilter {
    private static final int PROBES = 7;
    private static final int BITS_PER_KEY = 10;
    private static final long MIN_BITS = 1L << 23; // 1 MB
    private static final long MAX_BITS = 1L << 27; // 16 MB; past that the false-positive rate rises instead

    private final AtomicLongArray words;
    private final long mask;

    private DeliveryKeyFilter(long bits) {
        this.words = new AtomicLongArray((int) (bits >>> 6));
        this.mask = bits - 1;
    }

    /** A filter sized for {@code expectedKeys}. */
    static DeliveryKeyFilter forKeys(long expectedKeys) {
        long wanted = Math.max(MIN_BITS, Math.min(MAX_BITS, expectedKeys * BITS_PER_KEY));
        return new DeliveryKeyFilter(Long.highestOneBit(wanted - 1) << 1);
    }

    void add(String key) {
        long first = hash(key);
        long step = secondHash(first);
        for (int probe = 0; probe < PROBES; probe++) {
            long bit = (first + probe * step) & mask;
            long word = 1L << bit;
            int index = (int) (bit >>> 6);
            if ((words.get(index) & word) == 0) {
                words.getAndAccumulate(index, word, (current, added) -> current | added);
            }
        }
    }

    /** False only when the key was never added. */
    boolean mightContain(String key) {
        long first = hash(key);
        long step = secondHash(first);
        for (int probe = 0; probe < PROBES; probe++) {
            long bit = (first + probe * step) & mask;
            if ((words.get((int) (bit >>> 6)) & (1L << bit)) == 0) {
                return false;
            }
        }
        return true;
    }

    // 64-bit FNV-1a over the chars, then a finaliser that spreads every input bit over the result
    private static long hash(String key) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            h = (h ^ key.charAt(i)) * 0x100000001b3L;
        }
        return mix(h);
    }

    private static long secondHash(long first) {
        return mix(first ^ 0x9e3779b97f4a7c15L) | 1; // odd, so the probes of one key never coincide
    }

    private static long mix(long h) {
        h = (h ^ (h >>> 33)) * 0xff51afd7ed558ccdL;
        h = (h ^ (h >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }
}
