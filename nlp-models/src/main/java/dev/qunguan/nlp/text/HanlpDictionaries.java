package dev.qunguan.nlp.text;

import com.hankcs.hanlp.collection.trie.DoubleArrayTrie;
import com.hankcs.hanlp.corpus.tag.Nature;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.dictionary.CustomDictionary;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * HanLP's core and custom word dictionaries, loaded once with their repeated arrays shared. HanLP gives each
 * of their ~157,000 words its own part-of-speech array and frequency array, though only ~1,200 distinct
 * part-of-speech lists and ~7,500 distinct frequency lists occur: sharing equal ones takes the two
 * dictionaries from ~22 MB of heap to ~10 MB, which the service's capped heap gives to young collections.
 * HanLP only reads these arrays once loaded (an added or changed word gets a new attribute), so sharing is
 * safe.
 */
public final class HanlpDictionaries {
    private HanlpDictionaries() {}

    /** Loads both dictionaries if this JVM has not yet and shares their repeated arrays; cheap after the first call. */
    public static void load() {
        Loaded.touch();
    }

    /** Holder idiom: the JVM runs this initialiser once, on first use, thread-safely. */
    private static final class Loaded {
        static final int WORDS =
                shareRepeatedArrays(CoreDictionary.trie) + shareRepeatedArrays(CustomDictionary.DEFAULT.dat);

        static void touch() {
            if (WORDS < 0) {
                throw new AssertionError(); // never: reading the field is what runs the initialiser
            }
        }
    }

    /** Returns the number of words visited. */
    static int shareRepeatedArrays(DoubleArrayTrie<CoreDictionary.Attribute> dictionary) {
        Map<Contents, Nature[]> natures = new HashMap<>();
        Map<Contents, int[]> frequencies = new HashMap<>();
        int words = dictionary.size();
        for (int i = 0; i < words; i++) {
            CoreDictionary.Attribute attribute = dictionary.getValueAt(i);
            if (attribute == null) {
                continue;
            }
            Nature[] nature = attribute.nature;
            attribute.nature = natures.computeIfAbsent(new Contents(nature), key -> nature);
            int[] frequency = attribute.frequency;
            attribute.frequency = frequencies.computeIfAbsent(new Contents(frequency), key -> frequency);
        }
        return words;
    }

    /** An array as a map key, by its contents (parts of speech or frequencies). */
    private record Contents(Object array) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Contents that && Objects.deepEquals(array, that.array);
        }

        @Override
        public int hashCode() {
            return Arrays.deepHashCode(new Object[] {array});
        }
    }
}
