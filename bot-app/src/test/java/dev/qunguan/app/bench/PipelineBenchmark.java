package dev.qunguan.app.bench;

import dev.qunguan.action.Reply;
import dev.qunguan.event.ChatRef;
import dev.qunguan.event.EventId;
import dev.qunguan.event.MessageReceived;
import dev.qunguan.event.MessageRef;
import dev.qunguan.event.UserRef;
import dev.qunguan.message.Message;
import dev.qunguan.app.BenchRuntime;
import dev.qunguan.runtime.BotRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole handler chain as the service runs it (the shipped classifier, the paraphrase FAQ matcher,
 * SQLite in a temporary directory, the per-chat dispatcher), one event at a time from one caller: what
 * one message costs without HTTP. Lines are ordinary chat (written for this benchmark), in 500 groups
 * and 20,000 members, with a new message id each time so nothing is deduplicated.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m", "-XX:+UseSerialGC"})
@Warmup(iterations = 4, time = 3)
@Measurement(iterations = 5, time = 3)
public class PipelineBenchmark {
    static final String[] CHAT = {
        "哈哈哈", "好的收到", "今天天气不错", "晚上一起吃饭吗", "这个方案我觉得可以", "刚下班，累死了", "明天见",
        "早上好", "+1", "周末去爬山了，风景很好", "这首歌真好听", "666",
    };
    static final String[] MIX = {
        "哈哈哈", "好的收到", "今天天气不错", "签到", "请问怎么报名？", "刚下班，累死了", "明天见",
        "加微信 abc12345 领取免费福利，兼职日结300元", "群规在哪里看？", "周末去爬山了，风景很好",
    };

    private Path directory;
    private BotRuntime runtime;
    private long next;

    @Setup(Level.Trial)
    public void start() throws IOException {
        directory = Files.createTempDirectory("qunguan-pipeline-bench");
        runtime = BenchRuntime.start(directory);
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        runtime.close();
        BenchRuntime.delete(directory);
    }

    @Benchmark
    public Reply ordinaryChat() {
        return runtime.submit(message(CHAT)).join();
    }

    @Benchmark
    public Reply realisticMix() {
        return runtime.submit(message(MIX)).join();
    }

    private MessageReceived message(String[] lines) {
        long n = next++;
        ChatRef chat = ChatRef.of("bench", Long.toString(700_000 + n % 500));
        String user = Long.toString(100_000 + (n * 7919) % 20_000);
        String id = Long.toString(n);
        return new MessageReceived(EventId.of("bench:" + id), chat, UserRef.member(user, "成员" + user),
                MessageRef.of(id), Message.text(lines[(int) (n % lines.length)]), Instant.now());
    }
}
