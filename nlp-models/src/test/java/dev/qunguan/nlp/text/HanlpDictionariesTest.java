package dev.qunguan.nlp.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.corpus.tag.Nature;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.seg.common.Term;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class HanlpDictionariesTest {

    @Test
    void wordsWithEqualAttributesShareOneArrayAfterLoading() {
        HanlpDictionaries.load();

        Map<String, Nature[]> naturesByContent = new HashMap<>();
        Map<String, int[]> frequenciesByContent = new HashMap<>();
        for (int i = 0; i < CoreDictionary.trie.size(); i++) {
            CoreDictionary.Attribute attribute = CoreDictionary.trie.getValueAt(i);
            assertThat(naturesByContent.computeIfAbsent(Arrays.toString(attribute.nature), key -> attribute.nature))
                    .isSameAs(attribute.nature);
            assertThat(frequenciesByContent.computeIfAbsent(Arrays.toString(attribute.frequency),
                    key -> attribute.frequency)).isSameAs(attribute.frequency);
        }
        assertThat(naturesByContent.size()).isLessThan(CoreDictionary.trie.size() / 10);
    }

    @Test
    void sharingKeepsEveryWordsPartsOfSpeechAndFrequencies() {
        CoreDictionary.Attribute before = CoreDictionary.get("活动");
        String natures = Arrays.toString(before.nature);
        String frequencies = Arrays.toString(before.frequency);
        int total = before.totalFrequency;

        HanlpDictionaries.shareRepeatedArrays(CoreDictionary.trie);

        CoreDictionary.Attribute after = CoreDictionary.get("活动");
        assertThat(Arrays.toString(after.nature)).isEqualTo(natures);
        assertThat(Arrays.toString(after.frequency)).isEqualTo(frequencies);
        assertThat(after.totalFrequency).isEqualTo(total);
        List<Term> terms = HanLP.newSegment().seg("怎么报名参加活动");
        assertThat(terms).extracting(term -> term.word).containsExactly("怎么", "报名", "参加", "活动");
    }
}
