package dev.qunguan.nlp.model;

/**
 * Receives the features of one text as {@link FeatureExtractor} finds them: character n-grams as a
 * slice of the shaped text (no string is made for them) and the other features as a family prefix plus
 * a body. Training collects strings for OpenNLP; classification hashes them into weight look-ups.
 */
interface FeatureSink {

    /** The n-gram {@code shaped[from, to)}. */
    void gram(char[] shaped, int from, int to);

    /** The feature spelled {@code prefix + body}. */
    void feature(String prefix, String body);
}
