package dev.qunguan.nlp.bench;

import dev.qunguan.classify.Classification;
import dev.qunguan.nlp.model.ModelClassifier;
import dev.qunguan.nlp.text.TextNormalizer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/** Classifications per second on one thread over a mix of typical group-chat lines (written for this benchmark). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ClassifierBenchmark {

    static final String[] LINES = {
        "好的", "收到", "哈哈哈哈哈", "早上好", "+1",
        "明天下午几点开会？", "群里有人知道这个表格怎么填吗", "周末一起去爬山吧，天气预报说是晴天",
        "兼职刷单日结，加V信 abc12345 详聊", "招代理，躺赚副业，联系⑧⑧⑧⑥⑥⑥⑨⑨⑨",
        "你就是个傻逼，滚出这个群", "今天下班路上堵了一个小时，到家都八点了，饭都没吃",
        "免费领取网课资料，𝐕𝐱：qunlink886", "这个问题我也遇到过，重启一下就好了", "谢谢群主", "晚安各位",
    };

    private ModelClassifier model;
    private int next;

    @Setup
    public void load() {
        model = ModelClassifier.loadDefault();
    }

    @Benchmark
    public Classification classify() {
        String line = LINES[next];
        next = next + 1 == LINES.length ? 0 : next + 1;
        return model.classify(line);
    }

    @Benchmark
    public String normalize() {
        String line = LINES[next];
        next = next + 1 == LINES.length ? 0 : next + 1;
        return TextNormalizer.standard().normalize(line);
    }
}
