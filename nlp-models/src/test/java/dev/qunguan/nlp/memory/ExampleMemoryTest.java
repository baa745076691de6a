package dev.qunguan.nlp.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qunguan.classify.Label;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

final class ExampleMemoryTest {

    @Test
    void recallsTheLabelOfTheSameTextAfterNormalisation() {
        ExampleMemory memory = ExampleMemory.create();
        memory.remember("g1", "周末一起去爬山吧！", Label.NORMAL);

        assertThat(memory.recall("g1", "週末 一起去爬山吧")).contains(Label.NORMAL);
    }

    @Test
    void recallsANearDuplicateWithAnotherPhoneNumber() {
        ExampleMemory memory = ExampleMemory.create();
        memory.remember("g1", "招聘宝妈在家手机操作日结工资联系13812345678", Label.AD);

        assertThat(memory.recall("g1", "招聘宝妈在家手机操作日结工资联系13998765432")).contains(Label.AD);
    }

    @Test
    void doesNotRecallADifferentMessage() {
        ExampleMemory memory = ExampleMemory.create();
        memory.remember("g1", "招聘宝妈在家手机操作日结工资", Label.AD);

        assertThat(memory.recall("g1", "明天下午三点开会，大家准时到")).isEmpty();
    }

    @Test
    void keepsEachGroupsCorrectionsToThatGroup() {
        ExampleMemory memory = ExampleMemory.create();
        memory.remember("g1", "进群领红包", Label.AD);

        assertThat(memory.recall("g2", "进群领红包")).isEmpty();
    }

    @Test
    void laterCorrectionOfTheSameTextReplacesTheEarlierOne() {
        ExampleMemory memory = ExampleMemory.create();
        memory.remember("g1", "有人要团购水果吗", Label.AD);
        memory.remember("g1", "有人要团购水果吗", Label.NORMAL);

        assertThat(memory.recall("g1", "有人要团购水果吗")).contains(Label.NORMAL);
        assertThat(memory.size("g1")).isEqualTo(1);
    }

    @Test
    void forgetsTheOldestExampleBeyondTheBound() {
        ExampleMemory memory = ExampleMemory.create(2);
        memory.remember("g1", "第一条广告内容很长很长", Label.AD);
        memory.remember("g1", "第二条聊天内容完全不同", Label.NORMAL);
        memory.remember("g1", "第三个问题到底怎么办呢", Label.QUESTION);

        assertThat(memory.size("g1")).isEqualTo(2);
        assertThat(memory.recall("g1", "第一条广告内容很长很长")).isEmpty();
        assertThat(memory.recall("g1", "第三个问题到底怎么办呢")).contains(Label.QUESTION);
    }

    @Test
    void rebuildsFromStoredExamples() {
        ExampleMemory memory = ExampleMemory.of(List.of(
                new ExampleMemory.Example("g1", "低价出游戏账号", Label.AD),
                new ExampleMemory.Example("g1", "低价出游戏账号", Label.NORMAL)), 10);

        assertThat(memory.recall("g1", "低价出游戏账号")).contains(Label.NORMAL);
    }

    @Test
    void acceptsCorrectionsFromManyThreadsAtOnce() throws Exception {
        ExampleMemory memory = ExampleMemory.create(10_000);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> tasks = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            tasks.add(pool.submit(() -> {
                for (int i = 0; i < 500; i++) {
                    memory.remember("g", "线程" + thread + "的第" + i + "条消息内容", Label.NORMAL);
                    memory.recall("g", "线程" + thread + "的第" + i + "条消息内容");
                }
            }));
        }
        for (Future<?> task : tasks) {
            task.get();
        }
        pool.shutdown();

        assertThat(memory.size("g")).isEqualTo(2000);
    }
}
