package dev.qunguan.store;

import dev.qunguan.testing.TestStorage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.qunguan.classify.Label;
import dev.qunguan.event.ChatRef;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stores added for the classifier and FAQ learning: member history, examples, unanswered queue, hits. */
final class JdbcLearningStoresTest {
    private static final ChatRef GROUP = ChatRef.of("onebot", "10001");
    private static final ChatRef OTHER_GROUP = ChatRef.of("onebot", "20002");
    private static final Instant T0 = Instant.parse("2025-03-10T01:00:00Z");

    @TempDir
    Path dir;

    private Database database;
    private Stores stores;

    @BeforeEach
    void open() {
        database = Database.open(TestStorage.forDirectory(dir));
        stores = database.stores();
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void memberHistoryKeepsTheFirstSeenTimeAndCountsCleanMessages() {
        stores.memberHistory().recordClean(GROUP, "7", T0);
        stores.memberHistory().recordClean(GROUP, "7", T0.plusSeconds(60));

        assertThat(stores.memberHistory().find(GROUP, "7")).contains(new MemberHistory(T0, 2));
        assertThat(stores.memberHistory().find(OTHER_GROUP, "7")).isEmpty();
    }

    @Test
    void violationStartsTheCleanCountAgainButKeepsTheFirstSeenTime() {
        stores.memberHistory().recordClean(GROUP, "7", T0);
        stores.memberHistory().recordViolation(GROUP, "7", T0.plusSeconds(60));

        assertThat(stores.memberHistory().find(GROUP, "7")).contains(new MemberHistory(T0, 0));
    }

    @Test
    void examplesOfEveryChatAreListedOldestFirst() {
        stores.examples().add(GROUP, "团购水果私我", Label.AD, "admin", T0);
        stores.examples().add(OTHER_GROUP, "加微信群看公告", Label.NORMAL, "admin2", T0.plusSeconds(1));

        assertThat(stores.examples().all())
                .extracting(LabelledExample::chat, LabelledExample::text, LabelledExample::label,
                        LabelledExample::addedBy, LabelledExample::at)
                .containsExactly(
                        tuple(GROUP, "团购水果私我", Label.AD, "admin", T0),
                        tuple(OTHER_GROUP, "加微信群看公告", Label.NORMAL, "admin2",
                                T0.plusSeconds(1)));
    }

    @Test
    void unansweredQuestionsAreFoundByIdAndMessageAndListedNewestFirst() {
        stores.unanswered().add(GROUP, "停车场在哪？", "7", "小明", "m1", T0);
        stores.unanswered().add(GROUP, "几点开门？", "8", "小红", "m2", T0.plusSeconds(5));

        List<UnansweredQuestion> newest = stores.unanswered().newest(GROUP, 10);
        assertThat(newest).extracting(UnansweredQuestion::text, UnansweredQuestion::askerName, UnansweredQuestion::at)
                .containsExactly(tuple("几点开门？", "小红", T0.plusSeconds(5)), tuple("停车场在哪？", "小明", T0));
        UnansweredQuestion first = newest.get(1);
        UnansweredQuestion second = newest.get(0);
        assertThat(stores.unanswered().find(GROUP, first.id())).contains(first);
        assertThat(stores.unanswered().findByMessage(GROUP, "m2")).contains(second);
        assertThat(stores.unanswered().find(OTHER_GROUP, first.id())).isEmpty();
    }

    @Test
    void questionsQueuedJustBeforeCloseAreWrittenAndReadBackAfterReopening() {
        for (int i = 0; i < 50; i++) {
            stores.unanswered().add(GROUP, "问题" + i + "？", "7", "小明", "m" + i, T0.plusSeconds(i));
        }
        database.close();
        database = Database.open(TestStorage.forDirectory(dir));
        stores = database.stores();

        assertThat(stores.unanswered().newest(GROUP, 100)).hasSize(50)
                .first().extracting(UnansweredQuestion::text).isEqualTo("问题49？");
    }

    @Test
    void removedQuestionLeavesTheQueue() {
        stores.unanswered().add(GROUP, "停车场在哪？", "7", "小明", "m1", T0);
        UnansweredQuestion asked = stores.unanswered().findByMessage(GROUP, "m1").orElseThrow();

        assertThat(stores.unanswered().remove(GROUP, asked.id())).isTrue();
        assertThat(stores.unanswered().remove(GROUP, asked.id())).isFalse();
        assertThat(stores.unanswered().newest(GROUP, 10)).isEmpty();
    }

    @Test
    void queueKeepsOnlyTheNewestQuestionsOfAChat() {
        stores.unanswered().add(OTHER_GROUP, "别的群的问题？", "9", "小刚", "x1", T0);
        for (int i = 0; i <= UnansweredStore.KEPT_PER_CHAT; i++) {
            stores.unanswered().add(GROUP, "问题" + i + "？", "7", "小明", "m" + i, T0.plusSeconds(i));
        }

        assertThat(stores.unanswered().newest(GROUP, 1000)).hasSize(UnansweredStore.KEPT_PER_CHAT)
                .extracting(UnansweredQuestion::text).doesNotContain("问题0？").contains("问题1？");
        assertThat(stores.unanswered().newest(OTHER_GROUP, 10)).hasSize(1);
    }

    @Test
    void hitsCountEveryAskingButOnlyFullAnswersMoveTheLastAnswerTime() {
        stores.faqHits().recordHit(GROUP, "1", T0, true);
        stores.faqHits().recordHit(GROUP, "1", T0.plusSeconds(60), false);
        stores.faqHits().recordHit(GROUP, "script:怎么签到？", T0, true);

        assertThat(stores.faqHits().hits(GROUP)).isEqualTo(Map.of("1", 2L, "script:怎么签到？", 1L));
        assertThat(stores.faqHits().lastAnswered(GROUP, "1")).contains(T0);
        assertThat(stores.faqHits().lastAnswered(GROUP, "2")).isEmpty();
        assertThat(stores.faqHits().hits(OTHER_GROUP)).isEmpty();
    }
}
