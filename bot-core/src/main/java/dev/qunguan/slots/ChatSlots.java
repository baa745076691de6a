package dev.qunguan.slots;

import dev.qunguan.event.ChatRef;

/**
 * A bounded, lossy index from ids within chats (members, messages) to slot numbers, for tables that keep
 * their state in parallel arrays. A cache of 100,000 members as maps of key and value objects held ~160
 * bytes and six objects a member, all of which the collector traced and copied; here a key costs 64 bits,
 * a reference bit and whatever columns its owner keeps per slot.
 *
 * <p>Set-associative: a key may live only in the {@value #WAYS} slots of its set, and when they are all
 * taken the next one the set's clock hand finds not used since its last pass gives way (the clock
 * algorithm, an approximation of least recently used). A forgotten key is only a cache miss for the
 * owner, which must therefore treat a missing key as "not known here", never as "known to have nothing".
 *
 * <p>Keys are a 64-bit hash of platform, chat and id; two ids sharing one (about one chance in 10^9 with
 * 100,000 held) would share a slot.
 *
 * <p>Not thread-safe by itself: callers hold {@link #lockFor(long)} of the key while they look up or claim
 * its slot and while they read or write the slot's columns.
 */
public final class ChatSlots {
    static final int WAYS = 8;
    private static final int STRIPES = 256;
    private static final long EMPTY = 0;

    private final long[] keys;
    private final boolean[] referenced;
    private final byte[] hands; // per set: the way its clock hand points at
    private final int setMask;
    private final Object[] locks;

    private ChatSlots(int sets) {
        this.keys = new long[sets * WAYS];
        this.referenced = new boolean[sets * WAYS];
        this.hands = new byte[sets];
        this.setMask = sets - 1;
        this.locks = new Object[Math.min(STRIPES, sets)];
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    /** A table of at least {@code keys} slots (rounded up to a power of two, at least one set). */
    public static ChatSlots holding(int keys) {
        if (keys < 1) {
            throw new IllegalArgumentException("keys: " + keys + " (expected: >= 1)");
        }
        int sets = Integer.highestOneBit(Math.max(1, (keys + WAYS - 1) / WAYS));
        if (sets * WAYS < keys) {
            sets <<= 1;
        }
        return new ChatSlots(sets);
    }

    /** Number of slots: the length every column of the owner's table must have. */
    public int capacity() {
        return keys.length;
    }

    /** The key of an id (a member's, a message's) within a chat; never 0, which marks an empty slot. */
    public static long keyOf(ChatRef chat, String id) {
        long hash = mix(0x6A09E667F3BCC909L, chat.platform());
        hash = mix(hash * 0x9E3779B97F4A7C15L + 1, chat.chatId());
        hash = mix(hash * 0x9E3779B97F4A7C15L + 2, id);
        hash ^= hash >>> 33; // finaliser of MurmurHash3's 64-bit variant: every input bit reaches every output bit
        hash *= 0xFF51AFD7ED558CCDL;
        hash ^= hash >>> 33;
        hash *= 0xC4CEB9FE1A85EC53L;
        hash ^= hash >>> 33;
        return hash == EMPTY ? 1 : hash;
    }

    private static long mix(long hash, String text) {
        for (int i = 0; i < text.length(); i++) {
            hash = (hash ^ text.charAt(i)) * 0x100000001B3L; // FNV-1a step over UTF-16 units
        }
        return hash ^ text.length();
    }

    /** The lock guarding the key's set; hold it for every call and column access concerning the key. */
    public Object lockFor(long key) {
        return locks[setOf(key) & (locks.length - 1)];
    }

    /** The key's slot, or -1 when the table does not hold it. Counts as a use of the slot. */
    public int find(long key) {
        int first = setOf(key) * WAYS;
        for (int slot = first; slot < first + WAYS; slot++) {
            if (keys[slot] == key) {
                referenced[slot] = true;
                return slot;
            }
        }
        return -1;
    }

    /**
     * The key's slot, taking one when the table does not hold it yet. Returns the slot when the key was
     * held, or {@code ~slot} (a negative number) when the slot was just taken for it: its columns then
     * still hold the previous key's values and the caller must set them.
     */
    public int claim(long key) {
        int held = find(key);
        if (held >= 0) {
            return held;
        }
        int first = setOf(key) * WAYS;
        int slot = victim(first);
        keys[slot] = key;
        referenced[slot] = true;
        return ~slot;
    }

    private int victim(int first) {
        for (int slot = first; slot < first + WAYS; slot++) {
            if (keys[slot] == EMPTY) {
                return slot;
            }
        }
        // Clock: the set's hand clears reference bits as it passes and stops at the first slot whose bit was
        // already clear, so a key just claimed survives until the hand has gone round once.
        int set = first / WAYS;
        while (true) {
            int slot = first + hands[set];
            hands[set] = (byte) ((hands[set] + 1) % WAYS);
            if (!referenced[slot]) {
                return slot;
            }
            referenced[slot] = false;
        }
    }

    private int setOf(long key) {
        return (int) (key ^ (key >>> 32)) & setMask;
    }
}
