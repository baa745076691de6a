package dev.qunguan.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qunguan.event.ChatRef;
import org.junit.jupiter.api.Test;

final class NearDuplicateExampleMemoryTest {
    private static final ChatRef GROUP = ChatRef.of("onebot", "10001");
    private static final ChatRef OTHER_GROUP = ChatRef.of("onebot", "20002");

    private final ExampleMemory memory = ExampleMemory.nearDuplicates();

    @Test
    void recallsTheSameTextWhateverItsCaseSpacingPunctuationAndWidth() {
        memory.remember(GROUP, "Join VX group, cheap fruit!", Label.AD);

        assertThat(memory.recall(GROUP, "ｊｏｉｎ vx   GROUP cheap-fruit")).contains(Label.AD);
    }

    @Test
    void recallsANearDuplicate() {
        memory.remember(GROUP, "周末团购新鲜水果便宜私我", Label.AD);

        assertThat(memory.recall(GROUP, "周末团购新鲜水果便宜私我哦")).contains(Label.AD);
    }

    @Test
    void doesNotRecallADifferentText() {
        memory.remember(GROUP, "周末团购新鲜水果便宜私我", Label.AD);

        assertThat(memory.recall(GROUP, "周末一起去摘水果吧")).isEmpty();
    }

    @Test
    void doesNotRecallAnotherGroupsExample() {
        memory.remember(GROUP, "周末团购新鲜水果便宜私我", Label.AD);

        assertThat(memory.recall(OTHER_GROUP, "周末团购新鲜水果便宜私我")).isEmpty();
    }

    @Test
    void laterLabelForTheSameTextWins() {
        memory.remember(GROUP, "加微信群的同学请看公告", Label.AD);
        memory.remember(GROUP, "加微信群的同学，请看公告", Label.NORMAL);

        assertThat(memory.recall(GROUP, "加微信群的同学请看公告")).contains(Label.NORMAL);
    }

    @Test
    void forgetsTheOldestExamplesBeyondItsBound() {
        memory.remember(GROUP, "最早的一条广告", Label.AD);
        for (int i = 0; i < NearDuplicateExampleMemory.EXAMPLES_PER_CHAT; i++) {
            memory.remember(GROUP, "example " + i + " " + Integer.toHexString(i * 7919), Label.NORMAL);
        }

        assertThat(memory.recall(GROUP, "最早的一条广告")).isEmpty();
    }

    @Test
    void textWithoutLettersOrDigitsIsNeitherRememberedNorRecalled() {
        memory.remember(GROUP, "？？？", Label.AD);

        assertThat(memory.recall(GROUP, "？？？")).isEmpty();
    }
}
