package dev.qunguan.member;

import dev.qunguan.event.ChatRef;

/**
 * A bounded, lossy index from chat members to slot numbers, for tables that keep per-member state in
 * parallel primitive arrays. A cache of 100,000 members as maps of key and value objects held ~160 bytes
 * and six objects a member, all of which the collector traced and copied; here a member costs a 64-bit
 * key, a reference bit and whatever primitive columns its owner keeps per slot.
 *
 * <p>Set-associative: a member may live only in the {@value #WAYS} slots of its set, and when they are all
 * taken the first one not used since the set was last searched for room gives way (second chance, an
 * approximation of least recently used). A forgotten member is only a cache miss for the owner, which
 * must therefore treat a missing member as "not known here", never as "known to have nothing".
 *
 * <p>Members are told apart by a 64-bit hash of platform, chat and user id; two members sharing one
 * (about one chance in 10^9 with 100,000 members held) would share a slot.
 *
 * <p>Not thread-safe by itself: callers hold {@link #lockFor(long)} of the key while they look up or claim
 * its slot and while they read or write the slot's columns.
 */
public final class MemberSlots {
    static final int WAYS = 8;
    private static final int STRIPES = 256;
    private static final long EMPTY = 0;

    private final long[] keys;
    private final boolean[] referenced;
    private final int setMask;
    private final Object[] locks;

    private MemberSlots(int sets) {
        this.keys = new long[sets * WAYS];
        this.referenced = new boolean[sets * WAYS];
        this.setMask = sets - 1;
        this.locks = new Object[Math.min(STRIPES, sets)];
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    /** A table of at least {@code members} slots (rounded up to a power of two, at least one set). */
    public static MemberSlots holding(int members) {
        if (members < 1) {
            throw new IllegalArgumentException("members: " + members + " (expected: >= 1)");
        }
        int sets = Integer.highestOneBit(Math.max(1, (members + WAYS - 1) / WAYS));
        if (sets * WAYS < members) {
            sets <<= 1;
        }
        return new MemberSlots(sets);
    }

    /** Number of slots: the length every column of the owner's table must have. */
    public int capacity() {
        return keys.length;
    }

    /** The key of a member of a chat; never 0, which marks an empty slot. */
    public static long keyOf(ChatRef chat, String userId) {
        long hash = mix(0x6A09E667F3BCC909L, chat.platform());
        hash = mix(hash * 0x9E3779B97F4A7C15L + 1, chat.chatId());
        hash = mix(hash * 0x9E3779B97F4A7C15L + 2, userId);
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
     * still hold the previous member's values and the caller must set them.
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
        // Second chance: clear reference bits in order until one was already clear; at worst the first.
        for (int slot = first; slot < first + WAYS; slot++) {
            if (!referenced[slot]) {
                return slot;
            }
            referenced[slot] = false;
        }
        return first;
    }

    private int setOf(long key) {
        return (int) (key ^ (key >>> 32)) & setMask;
    }
}
