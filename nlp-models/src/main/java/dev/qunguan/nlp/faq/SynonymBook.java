package dev.qunguan.nlp.faq;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Synonym groups from HanLP's extended Cilin dictionary ({@code CoreSynonym.txt}, shipped in the portable
 * jar). Only strict-synonym groups ("=") are kept, and neither function words (category K) nor single
 * characters, whose groups are too broad to tell questions apart ("怎么" shares a group with "什么").
 */
final class SynonymBook {

    private static final String RESOURCE = "data/dictionary/synonym/CoreSynonym.txt";
    private static final int[] NONE = new int[0];

    private final Map<String, int[]> groupsByWord;

    private SynonymBook(Map<String, int[]> groupsByWord) {
        this.groupsByWord = groupsByWord;
    }

    static SynonymBook core() {
        return Holder.CORE;
    }

    /** Ids of the synonym groups the word belongs to; empty when it has none. */
    int[] groups(String word) {
        return groupsByWord.getOrDefault(word, NONE);
    }

    private static final class Holder {
        static final SynonymBook CORE = load();
    }

    private static SynonymBook load() {
        InputStream in = SynonymBook.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException(RESOURCE + " not on the class path (expected in the HanLP portable jar)");
        }
        Map<String, int[]> groups = new HashMap<>(80_000);
        int groupId = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                line = line.strip();
                if (!line.isEmpty() && line.charAt(0) == '\uFEFF') {
                    line = line.substring(1);
                }
                String[] parts = line.split(" ");
                if (parts.length < 3 || parts[0].length() < 8 || parts[0].charAt(7) != '=' || parts[0].charAt(0) == 'K') {
                    continue;
                }
                int id = groupId++;
                for (int i = 1; i < parts.length; i++) {
                    String word = parts[i];
                    if (word.codePointCount(0, word.length()) < 2) {
                        continue;
                    }
                    int[] known = groups.get(word);
                    if (known == null) {
                        groups.put(word, new int[] {id});
                    } else {
                        int[] grown = Arrays.copyOf(known, known.length + 1);
                        grown[known.length] = id;
                        groups.put(word, grown);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + RESOURCE, e);
        }
        return new SynonymBook(Map.copyOf(groups));
    }
}
