package dev.qunguan.nlp.faq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

final class FaqIndexTest {

    private static final List<FaqDocument> GROUP_FAQ = List.of(
            FaqDocument.of("signup", "如何参加活动"),
            FaqDocument.of("fee", "会费是多少钱"),
            FaqDocument.of("schedule", "每周的活动几点开始"),
            FaqDocument.of("venue", "线下聚会在哪里举行"),
            FaqDocument.of("refund", "退款需要多长时间到账"),
            FaqDocument.of("invoice", "怎么开发票"),
            FaqDocument.of("password", "忘记密码了怎么办"));

    private final FaqIndex index = FaqIndex.build(GROUP_FAQ);

    @Test
    void answersAParaphraseThatUsesSynonymsInsteadOfTheEntrysWords() {
        // 怎样/如何 and 加入/参加 are synonyms; only the topic word is shared
        FaqMatch match = index.match("怎样加入活动");

        assertThat(match.id()).contains("signup");
        assertThat(match.score()).isGreaterThanOrEqualTo(match.threshold());
    }

    @Test
    void answersReorderedAndRewordedParaphrases() {
        assertThat(index.match("密码忘记了怎么办？").id()).contains("password");
        assertThat(index.match("退款多长时间能到账").id()).contains("refund");
        assertThat(index.match("線下聚會在哪舉行").id()).as("traditional script").contains("venue");
    }

    @Test
    void abstainsOnAnUnrelatedQuestion() {
        FaqMatch match = index.match("今天天气怎么样");

        assertThat(match.id()).isEmpty();
        assertThat(match.answered()).isFalse();
        assertThat(match.score()).isLessThan(match.threshold());
    }

    @Test
    void abstainsWhenTheQuestionSharesTheFormButAsksAboutSomethingElse() {
        assertThat(index.match("怎么参加比赛").id()).isEmpty();
    }

    @Test
    void abstainsWithoutACandidateOnTextWithNoWords() {
        FaqMatch match = index.match("？？！");

        assertThat(match.id()).isEmpty();
        assertThat(match.nearest()).isEmpty();
        assertThat(match.score()).isZero();
    }

    @Test
    void addedEntryIsMatchedAndRemovedEntryIsNot() {
        FaqIndex withRules = index.with(FaqDocument.of("rules", "群规在哪里看", "本群有什么规定"));

        assertThat(withRules.match("群规在哪看").id()).contains("rules");
        assertThat(index.match("群规在哪看").id()).as("the original index is unchanged").isEmpty();
        assertThat(withRules.without("rules").match("群规在哪看").id()).isEmpty();
        assertThat(withRules.documents()).hasSize(GROUP_FAQ.size() + 1);
    }

    @Test
    void replacingAnEntryKeepsOneEntryWithTheNewWording() {
        FaqIndex edited = index.with(FaqDocument.of("fee", "年费怎么交"));

        assertThat(edited.documents()).hasSize(GROUP_FAQ.size());
        assertThat(edited.match("年费怎么交").id()).contains("fee");
    }

    @Test
    void matchesThroughAlternativePhrasings() {
        FaqIndex withPhrasing = index.with(FaqDocument.of("invoice", "怎么开发票", "报销凭证找谁要"));

        assertThat(withPhrasing.match("报销凭证应该找谁要").id()).contains("invoice");
    }

    @Test
    void aQuestionFollowedByThousandsOfExclamationMarksIsStillAnswered() {
        FaqMatch match = index.match("密码忘记了怎么办" + "！".repeat(5_000));

        assertThat(match.id()).contains("password");
    }

    @Test
    void anEmptyIndexAbstains() {
        assertThat(FaqIndex.build(List.of()).match("怎么开发票").answered()).isFalse();
    }

    @Test
    void aHigherThresholdAnswersLessOften() {
        FaqIndex strict = FaqIndex.build(GROUP_FAQ, 1.0);

        assertThat(strict.threshold()).isEqualTo(1.0);
        assertThat(strict.match("怎样加入活动").id()).isEmpty();
        assertThat(strict.match("怎样加入活动").nearest()).contains("signup");
    }

    @Test
    void rejectsDuplicateIds() {
        assertThatThrownBy(() -> FaqIndex.build(List.of(FaqDocument.of("a", "问题一"), FaqDocument.of("a", "问题二"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("twice");
    }

    @Test
    void concurrentReadersSeeTheSameAnswersAsOneReader() throws Exception {
        List<String> questions = List.of("怎样加入活动", "会费多少钱", "今天天气怎么样", "怎么开发票？", "线下聚会在哪举行");
        List<FaqMatch> sequential = questions.stream().map(index::match).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<FaqMatch>>> runs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                runs.add(pool.submit(() -> questions.stream().map(index::match).toList()));
            }
            for (Future<List<FaqMatch>> run : runs) {
                assertThat(run.get()).isEqualTo(sequential);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
