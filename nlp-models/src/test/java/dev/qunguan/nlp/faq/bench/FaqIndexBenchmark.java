package dev.qunguan.nlp.faq.bench;

import dev.qunguan.nlp.faq.FaqDocument;
import dev.qunguan.nlp.faq.FaqIndex;
import dev.qunguan.nlp.faq.FaqMatch;
import java.util.List;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Query latency (sampled, for p99) and index build time against a synthetic knowledge base of 10,000
 * entries. Run with {@link #main}; see nlp-models/FAQ_MODEL_CARD.md for the command and figures.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx1g"})
public class FaqIndexBenchmark {

    static final int ENTRIES = 10_000;

    private List<FaqDocument> documents;
    private FaqIndex index;
    private String[] queries;
    private int next;

    @Setup
    public void setUp() {
        documents = SyntheticFaq.knowledgeBase(ENTRIES, 7L);
        index = FaqIndex.build(documents);
        queries = SyntheticFaq.queries(2_000, 11L).toArray(String[]::new);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public FaqMatch match() {
        String query = queries[next];
        next = (next + 1) % queries.length;
        return index.match(query);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3)
    @Measurement(iterations = 7)
    public FaqIndex build() {
        return FaqIndex.build(documents);
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder()
                .include(FaqIndexBenchmark.class.getName())
                .build()).run();
    }
}
